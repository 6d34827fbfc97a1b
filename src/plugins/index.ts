// The one Markdown plugin chain: astro.config.mjs gives it to Astro's unified processor and the
// plugin tests run it as is, so the tested chain is the shipped chain.
import { type RehypePlugins, type RemarkPlugins, rehypeHeadingIds } from '@astrojs/markdown-remark';
import rehypeAutolinkHeadings from 'rehype-autolink-headings';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import type { VFile } from 'vfile';
import type { ChapterModel, ChapterSection } from '../chapter/model.ts';
import { headingAnchorOptions } from './heading-anchors.ts';
import rehypeCopySection from './rehype-copy-section.ts';
import rehypeFigures from './rehype-figures.ts';
import rehypeKatexStrict from './rehype-katex-strict.ts';
import rehypeSectionMeta from './rehype-section-meta.ts';
import rehypeTableRegions from './rehype-table-regions.ts';
import remarkCitations from './remark-citations.ts';
import remarkTableCaptions from './remark-table-captions.ts';

/** What the chain needs from the chapter as a whole: the model has it all. */
export interface ChainInput extends Pick<ChapterModel, 'citations' | 'figures' | 'updated'> {
  /** Each h2/h3 section: where its Markdown is (to copy it), its last change and source link. */
  sections: readonly Pick<ChapterSection, 'heading' | 'start' | 'end' | 'updated' | 'sourceUrl'>[];
}

/**
 * The chain for a chapter, or for whatever chapter `chapter()` gives when a file is compiled: the
 * dev server reads the chapter again after an edit, and the next compile must see that chapter.
 */
export function chapterPlugins(chapter: ChainInput | (() => ChainInput)): {
  remarkPlugins: RemarkPlugins;
  rehypePlugins: RehypePlugins;
} {
  const current = typeof chapter === 'function' ? chapter : () => chapter;
  return {
    remarkPlugins: [
      remarkGfm,
      remarkMath,
      perFile(remarkCitations, () => current().citations),
      remarkTableCaptions,
    ],
    rehypePlugins: [
      rehypeKatexStrict,
      // Astro adds heading ids after user plugins; the anchor plugin needs them first.
      rehypeHeadingIds,
      [rehypeAutolinkHeadings, headingAnchorOptions],
      perFile(rehypeFigures, () => current().figures),
      rehypeTableRegions,
      perFile(rehypeCopySection, () => current().sections),
      perFile(rehypeSectionMeta, () => {
        const { updated, sections } = current();
        return { updated, sections };
      }),
    ],
  };
}

/** A plugin given its options as each file is transformed, not once when the chain is made. */
function perFile<O, T>(
  plugin: (options: O) => (tree: T, file: VFile) => void,
  options: () => O,
): () => (tree: T, file: VFile) => void {
  return () => (tree, file) => plugin(options())(tree, file);
}
