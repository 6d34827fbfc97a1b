import type { Element, ElementContent, Root } from 'hast';
import { h } from 'hastscript';
import type { MdxJsxFlowElementHast } from 'mdast-util-mdx-jsx';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { gainBar, levelPips, spanBar } from '../lib/figures/marks.ts';
import type { FigureModel, FigureRow } from '../lib/figures/model.ts';
import { captionId } from '../lib/tables.ts';
import { FIGURE_ELEMENT } from '../chapter/figures.ts';

const round = (n: number, digits: number) => Number(n.toFixed(digits));
const elements = (node: Element | MdxJsxFlowElementHast) =>
  node.children.filter((c): c is Element => c.type === 'element');

/**
 * Draws each figure around the chapter's own table, from the figure the build read from it:
 * every row gets its link id and a labelled copy-link, the cells that head the rows become row
 * headers, encoded cells get their marks (pips, gain bars, time spans) beside their words, and
 * the wrapping `<Figure>` is told its form and caption. The cells' words are left as they are.
 */
export default function rehypeFigures(figures: readonly FigureModel[]) {
  const byName = new Map(figures.map((f) => [f.name, f]));
  return (tree: Root, file: VFile) => {
    visit(tree, (node) => {
      if (node.type !== 'mdxJsxFlowElement' || node.name !== FIGURE_ELEMENT) return;
      const element = node as MdxJsxFlowElementHast;
      const nameAttr = element.attributes.find(
        (a) => a.type === 'mdxJsxAttribute' && a.name === 'name',
      );
      const figure = typeof nameAttr?.value === 'string' ? byName.get(nameAttr.value) : undefined;
      const table = elements(element).find((e) => e.tagName === 'table');
      if (!figure || !table)
        return file.fail(
          `<${FIGURE_ELEMENT}> was not read by the build (name: ${String(nameAttr?.value)})`,
          element,
          'rehype-figures:unknown',
        );
      for (const [name, value] of [
        ['form', figure.form],
        ['caption', figure.caption],
        ...(figure.form === 'matrix' ? matrixFilters(figure) : []),
      ]) {
        element.attributes.push({ type: 'mdxJsxAttribute', name, value });
      }
      decorate(table, figure, file);
      return SKIP;
    });
  };
}

/**
 * What the matrix's filters offer, for the figure to draw them with the page rather than when
 * their script arrives (built late, they would push the text below them down): the column that
 * groups the rows and its groups, in the chapter's order.
 */
function matrixFilters(figure: FigureModel): [string, string][] {
  const column = figure.columns.find((c) => c.groups);
  if (!column) return [];
  const groups = [...new Set(figure.rows.flatMap((r) => (r.group ? [r.group] : [])))];
  return [
    ['groupColumn', column.label],
    ['groups', JSON.stringify(groups)],
  ];
}

function decorate(table: Element, figure: FigureModel, file: VFile) {
  // The figure's script (filters and sorting of the matrix) finds its table by this id.
  table.properties.id = `${captionId(figure.caption)}-table`;
  // The matrix's filters are named by the column that groups its rows.
  const head = elements(table).find((e) => e.tagName === 'thead');
  const headers = head ? elements(elements(head)[0] ?? head) : [];
  const sorts = figure.form === 'matrix';
  figure.columns.forEach((column, c) => {
    if (column.groups && headers[c]) headers[c].properties.dataGroups = '';
    // A column whose cells carry a level or a gain sorts by it; its button is part of the page
    // from the start, so the header never widens when the matrix's script arrives.
    if (sorts && headers[c] && figure.rows.some((r) => r.cells[c]?.level || r.cells[c]?.gain))
      headers[c].children.push(
        h('button.sort-button', { type: 'button', ariaLabel: `按${column.label}排序` }, [
          h('span.sort-icon', { ariaHidden: 'true' }),
        ]),
      );
  });
  const tbody = elements(table).find((e) => e.tagName === 'tbody');
  const rows = tbody ? elements(tbody).filter((e) => e.tagName === 'tr') : [];
  if (rows.length !== figure.rows.length)
    file.fail(
      `figure "${figure.name}" has ${rows.length} rows on the page but ${figure.rows.length} were read`,
      table,
      'rehype-figures:rows',
    );
  rows.forEach((tr, r) => {
    const row = figure.rows[r];
    Object.assign(tr.properties, {
      id: row.id,
      dataOrder: String(row.order),
      ...(row.group !== undefined ? { dataGroup: row.group } : {}),
    });
    elements(tr).forEach((cell, c) => decorateCell(cell, c, row, figure));
  });
}

/** A cell of a figure's row: its classes and data for the stylesheet and the matrix's script, and its marks. */
function decorateCell(cell: Element, c: number, row: FigureRow, figure: FigureModel) {
  const model = row.cells[c];
  const column = figure.columns[c];
  const heads = c === figure.idColumn;
  const sorts = figure.form === 'matrix';
  if (heads) cell.tagName = 'th';
  cell.properties = {
    ...cell.properties,
    ...(heads ? { scope: 'row' } : {}),
    className: [
      `col-${c}`,
      column.encode.replace(':', '-'),
      ...(model.repeatsGroup !== undefined ? ['repeat'] : []),
    ],
    ...(model.repeatsGroup !== undefined ? { dataGroupLabel: model.repeatsGroup } : {}),
    // Only the matrix sorts; only the other forms label each cell with its column on a phone.
    ...(sorts && (model.level || model.gain)
      ? { dataSort: String(model.level?.rank ?? round(model.gain!.mid, 2)) }
      : {}),
    ...(heads || sorts ? {} : { dataLabel: column.label }),
  };
  const marks: ElementContent[] = [];
  if (model.level)
    cell.children = [
      h('span.level', { dataRank: String(model.level.rank) }, [
        levelPips(model.level),
        h('span.level-text', cell.children),
      ]),
    ];
  if (model.gain && figure.gainAxis) marks.push(gainBar(model.gain, figure.gainAxis));
  if (model.span && figure.timeAxis) marks.push(spanBar(model.span, figure.timeAxis));
  if (heads)
    marks.push(
      h('a.anchor-link.row-link', { href: `#${row.id}`, ariaLabel: `本行链接：${row.label}` }),
    );
  cell.children.push(...marks);
}
