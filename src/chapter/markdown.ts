import type { Heading, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { assembleChapter, tocMarkdown } from '../lib/chapter-markdown.ts';
import type { SourceRange } from '../lib/section-source.ts';
import { slugForHeading } from '../lib/slug.ts';
import { FIGURE_ELEMENT, isFigureElement } from './figures.ts';
import { ContentError, type ContentProblem } from '../lib/content-error.ts';
import type { SectionSource } from './read-sections.ts';

/** The file the chapter's Markdown is published as, beside the page. */
export const CHAPTER_MARKDOWN = 'chapter-14.md';

interface Block {
  node: RootContent;
  /** The block's text in the published Markdown: a figure is its table, without the wrapper. */
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
  ranges: SourceRange[];
} {
  const problems: ContentProblem[] = [];
  const parts = sections.map((section) => {
    const blocks: Block[] = [];
    for (const node of section.tree.children) {
      const foreign =
        node.type === 'mdxJsxFlowElement'
          ? node.name === FIGURE_ELEMENT
            ? undefined
            : `<${node.name ?? ''}>`
          : node.type === 'mdxjsEsm'
            ? 'An import or export'
            : node.type === 'mdxFlowExpression'
              ? 'A {…} expression'
              : undefined;
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
    return { section, blocks };
  });
  if (problems.length > 0) throw new ContentError(problems);

  // Each part's text and, per block, where it starts and ends within that text.
  const texts = parts.map(({ section, blocks }) => {
    let text = '';
    const at: { start: number; end: number }[] = [];
    blocks.forEach((b, i) => {
      if (i > 0) {
        const prev = blocks[i - 1].node.position!.end.offset!;
        text += section.body.slice(prev, b.node.position!.start.offset!);
      }
      at.push({ start: text.length, end: text.length + b.end - b.start });
      text += section.body.slice(b.start, b.end);
    });
    return { text, at };
  });

  const headings = parts.flatMap(({ blocks }) =>
    blocks.flatMap(({ node }) =>
      node.type === 'heading'
        ? [
            {
              depth: node.depth,
              text: toString(node as Heading),
              id: slugForHeading(toString(node as Heading)),
            },
          ]
        : [],
    ),
  );
  const [opening, ...rest] = texts;
  const { markdown, starts } = assembleChapter(
    opening?.text ?? '',
    tocMarkdown(headings),
    rest.map((t) => t.text),
  );

  const ranges: SourceRange[] = [];
  parts.forEach(({ blocks }, p) => {
    const offset = p === 0 ? 0 : starts[p];
    blocks.forEach(({ node }, i) => {
      if (node.type !== 'heading' || (node.depth !== 2 && node.depth !== 3)) return;
      let last = i;
      for (let j = i + 1; j < blocks.length; j++) {
        const next = blocks[j].node;
        if (next.type === 'heading' && next.depth <= node.depth) break;
        if (next.type !== 'thematicBreak') last = j;
      }
      const heading = toString(node as Heading);
      ranges.push({
        id: slugForHeading(heading),
        heading,
        depth: node.depth,
        start: offset + texts[p].at[i].start,
        end: offset + texts[p].at[last].end,
      });
    });
  });
  return { markdown, ranges };
}
