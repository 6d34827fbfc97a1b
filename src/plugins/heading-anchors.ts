import type { Element, ElementContent } from 'hast';
import { toString } from 'hast-util-to-string';
import type { Options } from 'rehype-autolink-headings';

/**
 * Options for rehype-autolink-headings: a copy-link anchor placed after each heading (not inside
 * it, so the heading's own text and accessible name stay exactly the chapter's words), with a
 * Chinese label for screen readers, kept out of the search index.
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
  properties: { className: ['anchor-link'], 'data-pagefind-ignore': 'all' },
  content: (node: Element): ElementContent[] => [
    { type: 'element', tagName: 'span', properties: { ariaHidden: 'true', className: ['anchor-icon'] }, children: [{ type: 'text', value: '#' }] },
    { type: 'element', tagName: 'span', properties: { className: ['sr-only'] }, children: [{ type: 'text', value: `本节链接：${toString(node)}` }] },
  ],
};
