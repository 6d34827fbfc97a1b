import type { Heading, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { slugForHeading } from './slug.ts';

/** Where one section's Markdown sits in the chapter's source file (UTF-16 offsets, as JS slices). */
export interface SourceRange {
  id: string;
  heading: string;
  depth: number;
  start: number;
  end: number;
}

/** Each h2/h3 heading of a tree with the last block of its section. */
function sectionBlocks(
  tree: Root,
  depths: readonly number[],
): { heading: Heading; last: RootContent }[] {
  const blocks = tree.children;
  const found: { heading: Heading; last: RootContent }[] = [];
  blocks.forEach((node, i) => {
    if (node.type !== 'heading' || !depths.includes(node.depth)) return;
    let last = i;
    for (let j = i + 1; j < blocks.length; j++) {
      const next = blocks[j];
      if (next.type === 'heading' && next.depth <= node.depth) break;
      if (next.type !== 'thematicBreak') last = j;
    }
    found.push({ heading: node, last: blocks[last] });
  });
  return found;
}

/** A section's place in its source file both ways: by offset, and by line (1-based, inclusive) as a link to lines reads it. */
export interface SectionSpan extends SourceRange {
  startLine: number;
  endLine: number;
}

/**
 * Each h2/h3 section of a parsed Markdown file: from its heading to the last block before the
 * next heading of the same or a higher level. The `---` rules between chapters' parts separate
 * sections; they belong to none, so a trailing rule is left out.
 */
export function sectionRanges(tree: Root, depths: readonly number[] = [2, 3]): SectionSpan[] {
  return sectionBlocks(tree, depths).map(({ heading: node, last }) => {
    const heading = toString(node);
    const start = node.position?.start;
    const end = last.position?.end;
    if (!start || !end || start.offset === undefined || end.offset === undefined)
      throw new Error(`section "${heading}" has no source position`);
    return {
      id: slugForHeading(heading),
      heading,
      depth: node.depth,
      start: start.offset,
      end: end.offset,
      startLine: start.line,
      endLine: end.line,
    };
  });
}
