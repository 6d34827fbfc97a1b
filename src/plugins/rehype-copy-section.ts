import type { Element, Root } from 'hast';
import { SKIP, visit } from 'unist-util-visit';
import type { SourceRange } from '../lib/section-source.ts';

/**
 * Adds "copy this section as Markdown" to each heading whose section is found in the chapter's
 * source file. The button only carries the offsets; the text is fetched from the published `.md`
 * file when used, so the page does not carry the chapter twice.
 */
export default function rehypeCopySection(ranges: readonly SourceRange[]) {
  const byId = new Map(ranges.map((r) => [r.id, r]));
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      const classes = node.properties.className;
      if (!Array.isArray(classes) || !classes.includes('heading-wrapper')) return;
      const heading = node.children.find(
        (c): c is Element => c.type === 'element' && /^h[1-6]$/.test(c.tagName),
      );
      const range = heading && byId.get(String(heading.properties.id));
      if (!range) return SKIP;
      node.children.push(copyButton(range));
      return SKIP;
    });
  };
}

function copyButton(range: SourceRange): Element {
  return {
    type: 'element',
    tagName: 'button',
    properties: {
      type: 'button',
      className: ['copy-section'],
      dataCopySection: range.heading,
      dataStart: String(range.start),
      dataEnd: String(range.end),
      dataPagefindIgnore: 'all',
      ariaLabel: `复制本节 Markdown 原文：${range.heading}`,
    },
    children: [
      {
        type: 'element',
        tagName: 'svg',
        properties: {
          ariaHidden: 'true',
          viewBox: '0 0 16 16',
          width: '16',
          height: '16',
          className: ['copy-section-icon'],
        },
        children: [
          {
            type: 'element',
            tagName: 'path',
            properties: {
              d: 'M5 1.75h6.5A1.75 1.75 0 0 1 13.25 3.5v8.5M3.5 4.5h6.25c.55 0 1 .45 1 1v8.25c0 .55-.45 1-1 1H3.5c-.55 0-1-.45-1-1V5.5c0-.55.45-1 1-1Z',
              fill: 'none',
              stroke: 'currentColor',
              strokeWidth: '1.4',
            },
            children: [],
          },
        ],
      },
    ],
  };
}
