// The one Markdown plugin chain: astro.config.mjs gives it to Astro's unified processor and the
// plugin tests run it as is, so the tested chain is the shipped chain.
import { type RehypePlugins, type RemarkPlugins, rehypeHeadingIds } from '@astrojs/markdown-remark';
import rehypeAutolinkHeadings from 'rehype-autolink-headings';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import type { CitationIndex } from '../lib/citations.ts';
import type { FigureModel } from '../lib/figures/model.ts';
import type { SourceRange } from '../lib/section-source.ts';
import { headingAnchorOptions } from './heading-anchors.ts';
import rehypeCopySection from './rehype-copy-section.ts';
import rehypeFigures from './rehype-figures.ts';
import rehypeKatexStrict from './rehype-katex-strict.ts';
import rehypeSectionMeta, { type SectionMeta } from './rehype-section-meta.ts';
import rehypeTableRegions from './rehype-table-regions.ts';
import remarkCitations from './remark-citations.ts';
import remarkTableCaptions from './remark-table-captions.ts';

/** What the chain needs from the chapter as a whole (the build's chapter model has it all). */
export interface ChainInput {
  citations: CitationIndex;
  figures: FigureModel[];
  ranges: SourceRange[];
  /** Each h2/h3 section's last change and source link, when known. */
  revisions: readonly SectionMeta[];
  /** The chapter's last change, when known. */
  updated?: string;
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
      [rehypeCopySection, chapter.ranges],
      [rehypeSectionMeta, { updated: chapter.updated, sections: chapter.revisions }],
    ],
  };
}
