import type { Root, RootContent } from 'mdast';
import { type Heading, headingOf } from './headings.ts';

/** A section among a file's top-level blocks: its heading, and the index of its first and last block. */
export interface SectionExtent {
  heading: Heading;
  first: number;
  last: number;
}

/**
 * Each h2/h3 section of a run of top-level blocks: from its heading to the last block before the
 * next heading of the same or a higher level. The `---` rules between the chapter's parts belong
 * to no section, so a trailing rule is left out. Both a section's lines in its file and its text
 * in the chapter's Markdown are cut by this one rule.
 */
export function sectionExtents(
  blocks: readonly RootContent[],
  depths: readonly number[] = [2, 3],
): SectionExtent[] {
  const found: SectionExtent[] = [];
  blocks.forEach((node, first) => {
    if (node.type !== 'heading' || !depths.includes(node.depth)) return;
    let last = first;
    for (let j = first + 1; j < blocks.length; j++) {
      const next = blocks[j];
      if (next.type === 'heading' && next.depth <= node.depth) break;
      if (next.type !== 'thematicBreak') last = j;
    }
    found.push({ heading: headingOf(node), first, last });
  });
  return found;
}

/** A section's place in its source file both ways: by offset (UTF-16, as JS slices), and by line (1-based, inclusive) as a link to lines reads it. */
export interface SectionSpan {
  heading: Heading;
  start: number;
  end: number;
  startLine: number;
  endLine: number;
}

/** Each h2/h3 section of a parsed Markdown file, where it is written in the file. */
export function sectionRanges(tree: Root, depths: readonly number[] = [2, 3]): SectionSpan[] {
  const blocks = tree.children;
  return sectionExtents(blocks, depths).map(({ heading, first, last }) => {
    const start = blocks[first].position?.start;
    const end = blocks[last].position?.end;
    if (!start || !end || start.offset === undefined || end.offset === undefined)
      throw new Error(`section "${heading.text}" has no source position`);
    return {
      heading,
      start: start.offset,
      end: end.offset,
      startLine: start.line,
      endLine: end.line,
    };
  });
}
