import type { Element, Root } from 'hast';
import { SKIP, visit } from 'unist-util-visit';
import type { ChapterSection } from '../chapter/model.ts';

/** Where a section's Markdown is in the chapter's Markdown. */
type SectionRange = Pick<ChapterSection, 'heading' | 'start' | 'end'>;

/**
 * Adds "copy this section as Markdown" to each heading whose section is found in the chapter's
 * source file. The button only carries the offsets; the text is fetched from the published `.md`
 * file when used, so the page does not carry the chapter twice.
 */
export default function rehypeCopySection(sections: readonly SectionRange[]) {
  const byId = new Map(sections.map((s) => [s.heading.id, s]));
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      const classes = node.properties.className;
      if (!Array.isArray(classes) || !classes.includes('heading-wrapper')) return;
      const heading = node.children.find(
        (c): c is Element => c.type === 'element' && /^h[1-6]$/.test(c.tagName),
      );
      const range = heading && byId.get(String(heading.properties.id));
      if (!range) return SKIP;
      node.children.push(copyButton(range));
      return SKIP;
    });
  };
}

function copyButton({ heading, start, end }: SectionRange): Element {
  return {
    type: 'element',
    tagName: 'button',
    properties: {
      type: 'button',
      className: ['copy-section'],
      dataCopySection: heading.text,
      dataStart: String(start),
      dataEnd: String(end),
      dataPagefindIgnore: 'all',
      ariaLabel: `复制本节 Markdown 原文：${heading.text}`,
    },
    children: [
      {
        type: 'element',
        tagName: 'svg',
        properties: {
          ariaHidden: 'true',
          viewBox: '0 0 16 16',
          width: '16',
          height: '16',
          className: ['copy-section-icon'],
        },
        children: [
          {
            type: 'element',
            tagName: 'path',
            properties: {
              d: 'M5 1.75h6.5A1.75 1.75 0 0 1 13.25 3.5v8.5M3.5 4.5h6.25c.55 0 1 .45 1 1v8.25c0 .55-.45 1-1 1H3.5c-.55 0-1-.45-1-1V5.5c0-.55.45-1 1-1Z',
              fill: 'none',
              stroke: 'currentColor',
              strokeWidth: '1.4',
            },
            children: [],
          },
        ],
      },
    ],
  };
}
