import type { Root, RootContent, Table, TableCell } from 'mdast';
import type { MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import {
  type CellInput,
  type FigureModel,
  type FigureProblem,
  readFigure,
} from '../lib/figures/model.ts';
import type { FigureSpec } from '../lib/schemas/figures.ts';
import { tablesWithCaptions } from '../lib/tables.ts';

/** The element an author wraps a table in to draw it as a figure. */
export const FIGURE_ELEMENT = 'Figure';

declare module 'vfile' {
  interface DataMap {
    /** How the figures of this file are drawn (its frontmatter's `figures`). */
    figureSpecs: Record<string, FigureSpec>;
    /** Where a frontmatter field is written, for messages about a figure's spec. */
    fieldPosition: (
      field: readonly (string | number)[],
    ) => { line: number; column: number } | undefined;
    /** The figures read from this file's tables, in reading order. */
    figures: FigureModel[];
  }
}

export const isFigureElement = (node: {
  type: string;
  name?: string | null;
}): node is MdxJsxFlowElement => node.type === 'mdxJsxFlowElement' && node.name === FIGURE_ELEMENT;

/** The literal `name` an author gave a `<Figure>`, if any. */
export function figureName(node: MdxJsxFlowElement): string | undefined {
  const attr = node.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === 'name');
  return attr && typeof attr.value === 'string' ? attr.value : undefined;
}

function cellInput(
  cell: TableCell | undefined,
  fallback: { line: number; column: number },
): CellInput | undefined {
  if (!cell) return undefined;
  // The text's own start, past the `| ` and padding; an empty cell is reported at its bar.
  const start = cell.children[0]?.position?.start ?? cell.position?.start ?? fallback;
  return { text: toString(cell), line: start.line, column: start.column };
}

/**
 * Reads every table wrapped in `<Figure name="…">` as a figure: the header row names the
 * columns, the frontmatter's `figures.<name>` says how each is drawn, and every cell is checked
 * against its column. Problems are reported as messages on the file at the cell or the
 * frontmatter field to change, each with a hint in `note`; the figures land in `file.data.figures`.
 */
export default function remarkReadFigures() {
  return (tree: Root, file: VFile) => {
    const specs = file.data.figureSpecs ?? {};
    const fieldPosition = file.data.fieldPosition ?? (() => undefined);
    const report = (
      message: string,
      hint: string,
      place: { line: number; column: number } | undefined,
      ruleId: string,
    ) => {
      const m = file.message(message, { place, ruleId, source: 'figures' });
      m.note = hint;
    };
    const captions = new Map(tablesWithCaptions(tree).map((t) => [t.table, t.caption]));
    const figures: FigureModel[] = [];
    const used = new Set<string>();

    visit(tree, (node, _index, parent) => {
      if (!isFigureElement(node as RootContent)) return;
      const element = node as MdxJsxFlowElement;
      const at = element.position?.start;
      const name = figureName(element);
      if (parent !== tree) {
        report(
          `<${FIGURE_ELEMENT}> must stand on its own at the top level of the section, not inside other content`,
          'Put the <Figure> line, a blank line, the table, a blank line and </Figure> between paragraphs.',
          at,
          'figure:nested',
        );
      }
      if (name === undefined) {
        report(
          `<${FIGURE_ELEMENT}> needs a name written as text, e.g. <${FIGURE_ELEMENT} name="maturity">`,
          'The name is the key of the figure’s entry under figures: in the frontmatter.',
          at,
          'figure:name',
        );
        return;
      }
      if (used.has(name))
        report(
          `<${FIGURE_ELEMENT} name="${name}"> is used twice in this file`,
          'Each figure is drawn once; give the other table its own name and frontmatter entry.',
          at,
          'figure:twice',
        );
      used.add(name);
      const tables = element.children.filter((c): c is Table => c.type === 'table');
      const others = element.children.filter((c) => c.type !== 'table');
      if (tables.length !== 1 || others.length > 0) {
        const what =
          tables.length === 0
            ? 'wraps no table'
            : tables.length > 1
              ? `wraps ${tables.length} tables`
              : `wraps something besides its table (${others.map((o) => o.type).join(', ')})`;
        report(
          `<${FIGURE_ELEMENT} name="${name}"> ${what}; it must wrap exactly one table`,
          `Write the chapter's GFM table between <${FIGURE_ELEMENT} name="${name}"> and </${FIGURE_ELEMENT}>, each on its own line with a blank line before and after the table.`,
          at,
          'figure:table',
        );
        return;
      }
      const spec = specs[name];
      if (!spec) {
        report(
          `<${FIGURE_ELEMENT} name="${name}"> has no entry figures.${name} in the frontmatter`,
          `Add figures.${name} with its form (and how its columns are drawn) to this file's frontmatter, or correct the name${Object.keys(specs).length ? ` (this file defines: ${Object.keys(specs).join(', ')})` : ''}.`,
          at,
          'figure:spec',
        );
        return;
      }
      const table = tables[0];
      const [head, ...body] = table.children;
      const fallback = table.position?.start ?? { line: 1, column: 1 };
      const header = head.children.map((c) => cellInput(c, fallback)!);
      const rows = body.map((row) =>
        row.children.map((c) => cellInput(c, row.position?.start ?? fallback)!),
      );
      const { figure, problems } = readFigure(name, spec, captions.get(table) ?? '', header, rows);
      for (const p of problems)
        report(p.message, p.hint, placeOf(p, name, fieldPosition), 'figure:cell');
      if (figure) figures.push(figure);
    });

    for (const name of Object.keys(specs)) {
      if (!used.has(name)) {
        report(
          `figures.${name} is defined in the frontmatter but no <${FIGURE_ELEMENT} name="${name}"> uses it`,
          `Wrap the figure's table in <${FIGURE_ELEMENT} name="${name}"> … </${FIGURE_ELEMENT}>, or remove figures.${name}.`,
          fieldPosition(['figures', name]),
          'figure:unused',
        );
      }
    }
    file.data.figures = figures;
  };
}

function placeOf(
  problem: FigureProblem,
  name: string,
  fieldPosition: (
    field: readonly (string | number)[],
  ) => { line: number; column: number } | undefined,
) {
  return 'cell' in problem.place
    ? { line: problem.place.cell.line, column: problem.place.cell.column }
    : fieldPosition(['figures', name, ...problem.place.spec]);
}
