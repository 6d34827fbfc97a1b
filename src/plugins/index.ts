// The one Markdown plugin chain: astro.config.mjs gives it to Astro's unified processor and the
// plugin tests run it as is, so the tested chain is the shipped chain.
import { type RehypePlugins, type RemarkPlugins, rehypeHeadingIds } from '@astrojs/markdown-remark';
import rehypeAutolinkHeadings from 'rehype-autolink-headings';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
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

export function chapterPlugins(chapter: ChainInput): {
  remarkPlugins: RemarkPlugins;
  rehypePlugins: RehypePlugins;
} {
  return {
    remarkPlugins: [
      remarkGfm,
      remarkMath,
      [remarkCitations, chapter.citations],
      remarkTableCaptions,
    ],
    rehypePlugins: [
      rehypeKatexStrict,
      // Astro adds heading ids after user plugins; the anchor plugin needs them first.
      rehypeHeadingIds,
      [rehypeAutolinkHeadings, headingAnchorOptions],
      [rehypeFigures, chapter.figures],
      rehypeTableRegions,
      [rehypeCopySection, chapter.sections],
      [rehypeSectionMeta, { updated: chapter.updated, sections: chapter.sections }],
    ],
  };
}
