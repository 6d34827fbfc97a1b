import type { Heading, Root } from 'mdast';
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

/**
 * Each h2/h3 section of a parsed Markdown file: from its heading to the last block before the
 * next heading of the same or a higher level. The `---` rules between chapters' parts separate
 * sections; they belong to none, so a trailing rule is left out.
 */
export function sectionRanges(tree: Root, depths: readonly number[] = [2, 3]): SourceRange[] {
  const blocks = tree.children;
  const ranges: SourceRange[] = [];
  blocks.forEach((node, i) => {
    if (node.type !== 'heading' || !depths.includes(node.depth)) return;
    let last = i;
    for (let j = i + 1; j < blocks.length; j++) {
      const next = blocks[j];
      if (next.type === 'heading' && next.depth <= node.depth) break;
      if (next.type !== 'thematicBreak') last = j;
    }
    const heading = toString(node as Heading);
    const start = node.position?.start.offset;
    const end = blocks[last].position?.end.offset;
    if (start === undefined || end === undefined) throw new Error(`section "${heading}" has no source position`);
    ranges.push({ id: slugForHeading(heading), heading, depth: node.depth, start, end });
  });
  return ranges;
}
