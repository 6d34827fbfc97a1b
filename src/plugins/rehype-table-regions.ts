import type { Element, ElementContent, Root } from 'hast';
import { h } from 'hastscript';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { captionId } from '../lib/tables.ts';

const isElement = (n: ElementContent | undefined, tag: string): n is Element =>
  n?.type === 'element' && n.tagName === tag;

/**
 * Each table gets its caption (named by remark-table-captions), `scope` on header cells, and a
 * labelled, focusable scroll region, so wide tables scroll on a phone and stay reachable by
 * keyboard while the page itself never scrolls sideways.
 */
export default function rehypeTableRegions() {
  return (tree: Root, file: VFile) => {
    const seen = new Set<string>();
    visit(tree, 'element', (node: Element, index, parent) => {
      if (node.tagName !== 'table' || !parent || index === undefined) return;
      const caption = String(node.properties.dataCaption ?? '');
      delete node.properties.dataCaption;
      if (!caption)
        file.fail(
          'A table has neither a lead line nor a heading to caption it',
          node,
          'rehype-table-regions:caption',
        );
      const id = captionId(caption);
      if (seen.has(id))
        file.fail(
          `Two tables share the caption "${caption}" (id ${id})`,
          node,
          'rehype-table-regions:duplicate',
        );
      seen.add(id);

      for (const section of node.children) {
        if (!isElement(section, 'thead') && !isElement(section, 'tbody')) continue;
        for (const row of section.children) {
          if (!isElement(row, 'tr')) continue;
          for (const cell of row.children)
            if (isElement(cell, 'th'))
              cell.properties.scope = section.tagName === 'thead' ? 'col' : 'row';
        }
      }
      node.children.unshift(h('caption', { id }, caption));
      parent.children[index] = h(
        'div.table-region',
        { role: 'region', tabIndex: 0, ariaLabelledBy: [id] },
        [node],
      );
      return SKIP;
    });
  };
}
