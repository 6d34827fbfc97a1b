import type { Heading as HeadingNode } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { slugForHeading } from './slug.ts';

/** A heading as every part of the site knows it: its level, its words and the id it is linked by. */
export interface Heading {
  depth: number;
  text: string;
  id: string;
}

/** A heading of the chapter's Markdown: the one place its words become its id. */
export function headingOf(node: HeadingNode): Heading {
  const text = toString(node);
  return { depth: node.depth, text, id: slugForHeading(text) };
}

/** A heading the page adds to the chapter's own (the term index, the citation panel). */
export function pageHeading(text: string, depth = 2): Heading {
  return { depth, text, id: slugForHeading(text) };
}
