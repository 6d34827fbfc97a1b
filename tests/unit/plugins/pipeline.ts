import { rehypeHeadingIds } from '@astrojs/markdown-remark';
import rehypeAutolinkHeadings from 'rehype-autolink-headings';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import type { CitationIndex } from '../../../src/lib/citations.ts';
import { headingAnchorOptions } from '../../../src/plugins/heading-anchors.ts';
import rehypeKatexStrict from '../../../src/plugins/rehype-katex-strict.ts';
import rehypeTableRegions from '../../../src/plugins/rehype-table-regions.ts';
import remarkCitations from '../../../src/plugins/remark-citations.ts';
import rehypeCopySection from '../../../src/plugins/rehype-copy-section.ts';
import type { SourceRange } from '../../../src/lib/section-source.ts';

/** The same plugin chain astro.config.mjs gives the unified processor, on a Markdown string. */
export async function renderMarkdown(
  markdown: string,
  options: { citations?: CitationIndex; path?: string; ranges?: SourceRange[] } = {},
): Promise<string> {
  const citations = options.citations ?? { references: [], sites: [] };
  const file = new VFile({ value: markdown, path: options.path ?? '/content/01-fixture.md' });
  const out = await unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkMath)
    .use(remarkCitations, citations)
    .use(remarkRehype)
    .use(rehypeKatexStrict)
    .use(rehypeHeadingIds)
    .use(rehypeAutolinkHeadings, headingAnchorOptions)
    .use(rehypeTableRegions)
    .use(rehypeCopySection, options.ranges ?? [])
    .use(rehypeStringify)
    .process(file);
  return String(out);
}
