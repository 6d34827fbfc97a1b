import type { Element, Root } from 'hast';
import { h } from 'hastscript';
import { SKIP, visit } from 'unist-util-visit';
import type { ChapterSection } from '../chapter/model.ts';

/** What the page says about one h2/h3 section besides its words: when its text last changed, and its lines in the source repository. */
export type SectionMeta = Pick<ChapterSection, 'heading' | 'updated' | 'sourceUrl'>;

export interface SectionMetaOptions {
  /** When the chapter's text last changed (YYYY-MM-DD), shown under its title. */
  updated?: string;
  sections: readonly SectionMeta[];
}

/**
 * Dates each section and links it to its source: under the chapter's title its last change, and
 * beside each h2/h3's tools, quietly, the section's own date and a link to its lines in the
 * repository. What is not known (no history, no repository) is not shown. All of it is marked
 * as added to the chapter (`data-added`) and kept out of search, so neither the text checks nor
 * the index read it as the chapter's words.
 */
export default function rehypeSectionMeta({ updated, sections }: SectionMetaOptions) {
  const byId = new Map(sections.map((s) => [s.heading.id, s]));
  return (tree: Root) => {
    visit(tree, 'element', (node: Element, index, parent) => {
      if (node.tagName === 'h1' && updated && parent && index !== undefined) {
        parent.children.splice(
          index + 1,
          0,
          h('p.chapter-updated', { dataAdded: '', dataPagefindIgnore: 'all' }, [
            '最后更新：',
            h('time', { dateTime: updated }, updated),
          ]),
        );
        return [SKIP, index + 2];
      }
      const classes = node.properties.className;
      if (!Array.isArray(classes) || !classes.includes('heading-wrapper')) return;
      const heading = node.children.find(
        (c): c is Element => c.type === 'element' && /^h[2-3]$/.test(c.tagName),
      );
      const meta = heading && byId.get(String(heading.properties.id));
      if (meta && (meta.updated || meta.sourceUrl)) node.children.push(sectionMeta(meta));
      return SKIP;
    });
  };
}

function sectionMeta({ heading, updated, sourceUrl }: SectionMeta): Element {
  return h('span.section-meta', { dataAdded: '', dataPagefindIgnore: 'all' }, [
    ...(updated
      ? [h('span.section-updated', ['更新于 ', h('time', { dateTime: updated }, updated)])]
      : []),
    // The visible words start the link's name; the heading makes each of the page's links distinct.
    ...(sourceUrl
      ? [
          h('a.section-source', { href: sourceUrl }, [
            '在源文件中查看本节',
            h('span.sr-only', `：${heading.text}`),
          ]),
        ]
      : []),
  ]);
}
