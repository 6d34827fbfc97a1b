import type { Heading } from './headings.ts';

/** The chapter's own 目录 block, made from its h2 and h3 headings: `- [14.1 …](#141-…)`, h3 indented. */
export function tocMarkdown(headings: readonly Heading[], title = '目录'): string {
  const items = headings
    .filter((h) => h.depth === 2 || h.depth === 3)
    .map((h) => `${h.depth === 3 ? '  ' : ''}- [${h.text}](#${h.id})`);
  return `## ${title}\n\n${items.join('\n')}`;
}

/** What separates the chapter's parts in its Markdown: a blank line, a rule, a blank line. */
export const PART_BREAK = '\n\n---\n\n';

/**
 * The whole chapter as one Markdown file: the opening part, its 目录, then each part after a
 * rule, ending with a newline. Returns where each part starts, so offsets within a part can be
 * turned into offsets in the file.
 */
export function assembleChapter(
  opening: string,
  toc: string,
  parts: readonly string[],
): { markdown: string; starts: number[] } {
  let markdown = `${opening}\n\n${toc}`;
  const starts = [0];
  for (const part of parts) {
    markdown += PART_BREAK;
    starts.push(markdown.length);
    markdown += part;
  }
  return { markdown: markdown + '\n', starts };
}
