import type { Element, ElementContent, Root, RootContent } from 'hast';
import { toString } from 'hast-util-to-string';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { captionFrom, captionId } from '../lib/tables.ts';

const isElement = (n: RootContent | undefined, tag?: string): n is Element =>
  n?.type === 'element' && (tag === undefined || n.tagName === tag);

/** A paragraph that is only a bold lead-in (`**技术成熟度评估矩阵**：`) introduces the next table. */
function leadText(node: RootContent | undefined): string | undefined {
  if (!isElement(node, 'p')) return undefined;
  const meaningful = node.children.filter((c) => !(c.type === 'text' && /^[\s：:]*$/.test(c.value)));
  if (meaningful.length === 1 && isElement(meaningful[0], 'strong')) return toString(meaningful[0]);
  return undefined;
}

/**
 * Each table gets a caption (from its bold lead line or its heading), `scope` on header cells,
 * and a labelled, focusable scroll region, so wide tables scroll on a phone and stay reachable
 * by keyboard while the page itself never scrolls sideways.
 */
export default function rehypeTableRegions() {
  return (tree: Root, file: VFile) => {
    let heading = '';
    const seen = new Set<string>();
    visit(tree, 'element', (node: Element, index, parent) => {
      if (/^h[1-6]$/.test(node.tagName)) {
        heading = toString(node);
        return SKIP;
      }
      if (node.tagName !== 'table' || !parent || index === undefined) return;
      const siblings = parent.children as RootContent[];
      let prev = index - 1;
      while (prev >= 0 && siblings[prev].type === 'text' && !(siblings[prev] as { value: string }).value.trim()) prev--;
      const caption = captionFrom(leadText(siblings[prev]), heading);
      if (!caption) file.fail('A table has neither a lead line nor a heading to caption it', node, 'rehype-table-regions:caption');
      const id = captionId(caption);
      if (seen.has(id)) file.fail(`Two tables share the caption "${caption}" (id ${id})`, node, 'rehype-table-regions:duplicate');
      seen.add(id);

      visit(node, 'element', (cell: Element, _i, row) => {
        if (cell.tagName !== 'th') return;
        const inHead = isElement(row as RootContent, 'tr') && node.children.some((c) => isElement(c, 'thead') && c.children.includes(row as ElementContent));
        cell.properties.scope = inHead ? 'col' : 'row';
      });
      node.children.unshift({
        type: 'element',
        tagName: 'caption',
        properties: { id },
        children: [{ type: 'text', value: caption }],
      });
      const region: Element = {
        type: 'element',
        tagName: 'div',
        properties: { className: ['table-region'], role: 'region', tabIndex: 0, ariaLabelledBy: [id] },
        children: [node],
      };
      siblings[index] = region;
      return SKIP;
    });
  };
}
