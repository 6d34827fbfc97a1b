import type { Element } from 'hast';
import { toString } from 'hast-util-to-string';
import type { Options } from 'rehype-autolink-headings';

/**
 * Options for rehype-autolink-headings: a copy-link anchor placed after each heading (not inside
 * it, so the heading's own text and accessible name stay exactly the chapter's words), named in
 * Chinese for screen readers.
 */
export const headingAnchorOptions: Options = {
  behavior: 'after',
  test: (node: Element) => /^h[2-6]$/.test(node.tagName),
  group: (node: Element): Element => ({
    type: 'element',
    tagName: 'div',
    properties: { className: ['heading-wrapper', `level-${node.tagName}`] },
    children: [],
  }),
  // Named by its label; the visible # is drawn by the stylesheet, so the link holds no text for search to index.
  properties: (node: Element) => ({
    className: ['anchor-link'],
    ariaLabel: `本节链接：${toString(node)}`,
  }),
  content: [],
};
