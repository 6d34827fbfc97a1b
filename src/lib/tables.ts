import type { Heading, Paragraph, Root, RootContent, Table } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { slugForHeading } from './slug.ts';

/**
 * The caption of a table, from what introduces it in the chapter: a bold lead line such as
 * `**1. 重大技术里程碑**：` right above the table, else the heading it sits under.
 * Leading list numbers (`1. `) and section numbers (`14.1.1 `) and trailing colons are dropped.
 */
export function captionFrom(lead: string | undefined, heading: string): string {
  const source = lead && lead.trim() ? lead : heading;
  return source
    .trim()
    .replace(/[：:]\s*$/, '')
    .replace(/^\d+\.\s+/, '')
    .replace(/^\d+(?:\.\d+)+\s+/, '')
    .trim();
}

export function captionId(caption: string): string {
  return 'tbl-' + slugForHeading(caption);
}

/** A paragraph that is only a bold lead-in (`**技术成熟度评估矩阵**：`) introduces the block after it. */
export function leadText(node: RootContent | undefined): string | undefined {
  if (node?.type !== 'paragraph') return undefined;
  const meaningful = (node as Paragraph).children.filter(
    (c) => !(c.type === 'text' && /^[\s：:]*$/.test(c.value)),
  );
  return meaningful.length === 1 && meaningful[0].type === 'strong'
    ? toString(meaningful[0])
    : undefined;
}

/**
 * Every table of a section's tree with its caption, in reading order. A table wrapped by a
 * figure element (`<Figure>` … `</Figure>`) is introduced by what stands before the wrapper.
 */
export function tablesWithCaptions(
  tree: Root,
): { table: Table; caption: string; wrapper?: RootContent }[] {
  const found: { table: Table; caption: string; wrapper?: RootContent }[] = [];
  let heading = '';
  tree.children.forEach((node, i) => {
    if (node.type === 'heading') heading = toString(node as Heading);
    const wrapped =
      'children' in node && node.type === 'mdxJsxFlowElement'
        ? node.children.filter((c): c is Table => c.type === 'table')
        : [];
    const tables = node.type === 'table' ? [node] : wrapped;
    for (const table of tables) {
      found.push({
        table,
        caption: captionFrom(leadText(tree.children[i - 1]), heading),
        wrapper: node === table ? undefined : node,
      });
    }
  });
  return found;
}
