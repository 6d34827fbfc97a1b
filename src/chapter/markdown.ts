import type { RootContent } from 'mdast';
import { assembleChapter, tocMarkdown } from '../lib/chapter-markdown.ts';
import { ContentError, type ContentProblem } from '../lib/content-error.ts';
import { type Heading, headingOf } from '../lib/headings.ts';
import { sectionExtents } from '../lib/section-source.ts';
import { FIGURE_ELEMENT, isFigureElement } from './figures.ts';
import type { SectionSource } from './read-sections.ts';

/** The file the chapter's Markdown is published as, beside the page. */
export const CHAPTER_MARKDOWN = 'chapter-14.md';
/** The file the chapter's EPUB is published as, beside the page. */
export const CHAPTER_EPUB = 'chapter-14.epub';

interface Block {
  node: RootContent;
  /** The block's text in the published Markdown: a figure is its table, without the wrapper. */
  start: number;
  end: number;
}

/** Where an h2/h3 section's Markdown sits in the published file (UTF-16 offsets, as JS slices). */
export interface MarkdownRange {
  heading: Heading;
  start: number;
  end: number;
}

/**
 * The chapter's Markdown, derived from the section files: each file's blocks exactly as written,
 * `<Figure>` wrappers left out (their table stays), the parts joined by rules and the 目录
 * generated from the headings. Also where each h2/h3 section sits in it, for "copy as Markdown".
 */
export function deriveChapterMarkdown(sections: readonly SectionSource[]): {
  markdown: string;
  ranges: MarkdownRange[];
} {
  const problems: ContentProblem[] = [];
  const parts = sections.map((section) => publishedBlocks(section, problems));
  if (problems.length > 0) throw new ContentError(problems);
  const texts = parts.map((blocks, p) => partText(sections[p].body, blocks));
  const headings = parts.flatMap((blocks) =>
    blocks.flatMap(({ node }) => (node.type === 'heading' ? [headingOf(node)] : [])),
  );
  const [opening, ...rest] = texts;
  const { markdown, starts } = assembleChapter(
    opening?.text ?? '',
    tocMarkdown(headings),
    rest.map((t) => t.text),
  );
  const ranges = parts.flatMap((blocks, p) =>
    sectionExtents(blocks.map((b) => b.node)).map(({ heading, first, last }) => ({
      heading,
      start: starts[p] + texts[p].at[first].start,
      end: starts[p] + texts[p].at[last].end,
    })),
  );
  return { markdown, ranges };
}

/** What a block is, if it is something the chapter's Markdown cannot hold. */
function foreignBlock(node: RootContent): string | undefined {
  if (node.type === 'mdxJsxFlowElement')
    return node.name === FIGURE_ELEMENT ? undefined : `<${node.name ?? ''}>`;
  if (node.type === 'mdxjsEsm') return 'An import or export';
  if (node.type === 'mdxFlowExpression') return 'A {…} expression';
  return undefined;
}

/** A section file's top-level blocks as published, each with its text's extent in the file. */
function publishedBlocks(section: SectionSource, problems: ContentProblem[]): Block[] {
  const blocks: Block[] = [];
  for (const node of section.tree.children) {
    const foreign = foreignBlock(node);
    if (foreign) {
      problems.push({
        file: section.file,
        line: node.position?.start.line,
        column: node.position?.start.column,
        message: `${foreign} cannot be published as the chapter's Markdown`,
        hint: 'Section files hold the chapter as Markdown; the only element they may use is <Figure name="…"> around a table.',
      });
      continue;
    }
    const kept = isFigureElement(node)
      ? (node.children.find((c) => c.type === 'table') ?? node)
      : node;
    const start = kept.position?.start.offset;
    const end = kept.position?.end.offset;
    if (start === undefined || end === undefined)
      throw new Error(`${section.file}: a block has no source position`);
    blocks.push({ node, start, end });
  }
  return blocks;
}

/** A part's text, what lies between its blocks kept as written, and where each block is within it. */
function partText(body: string, blocks: readonly Block[]) {
  let text = '';
  const at: { start: number; end: number }[] = [];
  blocks.forEach((b, i) => {
    if (i > 0) {
      const prev = blocks[i - 1].node.position!.end.offset!;
      text += body.slice(prev, b.node.position!.start.offset!);
    }
    at.push({ start: text.length, end: text.length + b.end - b.start });
    text += body.slice(b.start, b.end);
  });
  return { text, at };
}
