import type { Root, RootContent, Table, TableCell } from 'mdast';
import type { MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import type { ContentProblem } from '../lib/content-error.ts';
import {
  type CellInput,
  type FigureModel,
  type FigureProblem,
  readFigure,
} from '../lib/figures/model.ts';
import type { FigureSpec } from '../lib/schemas/figures.ts';
import { tablesWithCaptions } from '../lib/tables.ts';
import type { FieldPath, Point } from '../lib/yaml-source.ts';
import type { SectionSource } from './read-sections.ts';

/** The element an author wraps a table in to draw it as a figure. */
export const FIGURE_ELEMENT = 'Figure';

export const isFigureElement = (node: {
  type: string;
  name?: string | null;
}): node is MdxJsxFlowElement => node.type === 'mdxJsxFlowElement' && node.name === FIGURE_ELEMENT;

/** The literal `name` an author gave a `<Figure>`, if any. */
export function figureName(node: MdxJsxFlowElement): string | undefined {
  const attr = node.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === 'name');
  return attr && typeof attr.value === 'string' ? attr.value : undefined;
}

/** What reading a section file's figures needs besides its tree. */
interface FigureReading {
  file: string;
  specs: Record<string, FigureSpec>;
  fieldPosition: (field: FieldPath) => Point | undefined;
  captions: Map<Table, string>;
  problems: ContentProblem[];
}

/**
 * Reads every table of a section file wrapped in `<Figure name="…">` as a figure: the header row
 * names the columns, the frontmatter's `figures.<name>` says how each is drawn, and every cell is
 * checked against its column. A problem is placed at the cell or the frontmatter field to
 * change, with a hint.
 */
export function readFigures(section: SectionSource): {
  figures: FigureModel[];
  problems: ContentProblem[];
} {
  const reading: FigureReading = {
    file: section.file,
    specs: section.frontmatter.figures ?? {},
    fieldPosition: section.fieldPosition,
    captions: new Map(tablesWithCaptions(section.tree).map((t) => [t.table, t.caption])),
    problems: [],
  };
  const figures: FigureModel[] = [];
  const used = new Set<string>();
  visit(section.tree, (node, _index, parent) => {
    if (!isFigureElement(node as RootContent)) return;
    const figure = readFigureElement(
      reading,
      node as MdxJsxFlowElement,
      parent,
      section.tree,
      used,
    );
    if (figure) figures.push(figure);
  });
  for (const name of Object.keys(reading.specs)) {
    if (!used.has(name))
      report(
        reading,
        `figures.${name} is defined in the frontmatter but no <${FIGURE_ELEMENT} name="${name}"> uses it`,
        `Wrap the figure's table in <${FIGURE_ELEMENT} name="${name}"> … </${FIGURE_ELEMENT}>, or remove figures.${name}.`,
        reading.fieldPosition(['figures', name]),
      );
  }
  return { figures, problems: reading.problems };
}

function report(reading: FigureReading, message: string, hint: string, place?: Point) {
  reading.problems.push({
    file: reading.file,
    line: place?.line,
    column: place?.column,
    message,
    hint,
  });
}

/** One `<Figure>`: checked as an element (where it stands, its name, its one table), then read. */
function readFigureElement(
  reading: FigureReading,
  element: MdxJsxFlowElement,
  parent: unknown,
  tree: Root,
  used: Set<string>,
): FigureModel | undefined {
  const at = element.position?.start;
  const name = figureName(element);
  if (parent !== tree)
    report(
      reading,
      `<${FIGURE_ELEMENT}> must stand on its own at the top level of the section, not inside other content`,
      'Put the <Figure> line, a blank line, the table, a blank line and </Figure> between paragraphs.',
      at,
    );
  if (name === undefined) {
    report(
      reading,
      `<${FIGURE_ELEMENT}> needs a name written as text, e.g. <${FIGURE_ELEMENT} name="maturity">`,
      'The name is the key of the figure’s entry under figures: in the frontmatter.',
      at,
    );
    return undefined;
  }
  if (used.has(name))
    report(
      reading,
      `<${FIGURE_ELEMENT} name="${name}"> is used twice in this file`,
      'Each figure is drawn once; give the other table its own name and frontmatter entry.',
      at,
    );
  used.add(name);
  const table = onlyTable(reading, element, name);
  const spec = reading.specs[name];
  if (table && !spec) {
    const defined = Object.keys(reading.specs);
    report(
      reading,
      `<${FIGURE_ELEMENT} name="${name}"> has no entry figures.${name} in the frontmatter`,
      `Add figures.${name} with its form (and how its columns are drawn) to this file's frontmatter, or correct the name${defined.length ? ` (this file defines: ${defined.join(', ')})` : ''}.`,
      at,
    );
  }
  return table && spec ? readFigureTable(reading, name, spec, table) : undefined;
}

/** The one table a `<Figure>` must wrap, or undefined (and a problem) when it wraps anything else. */
function onlyTable(
  reading: FigureReading,
  element: MdxJsxFlowElement,
  name: string,
): Table | undefined {
  const tables = element.children.filter((c): c is Table => c.type === 'table');
  const others = element.children.filter((c) => c.type !== 'table');
  if (tables.length === 1 && others.length === 0) return tables[0];
  const what =
    tables.length === 0
      ? 'wraps no table'
      : tables.length > 1
        ? `wraps ${tables.length} tables`
        : `wraps something besides its table (${others.map((o) => o.type).join(', ')})`;
  report(
    reading,
    `<${FIGURE_ELEMENT} name="${name}"> ${what}; it must wrap exactly one table`,
    `Write the chapter's GFM table between <${FIGURE_ELEMENT} name="${name}"> and </${FIGURE_ELEMENT}>, each on its own line with a blank line before and after the table.`,
    element.position?.start,
  );
  return undefined;
}

/** The figure a table draws, its cells read as its spec says; a cell's problem is placed at the cell, a spec's at its field. */
function readFigureTable(
  reading: FigureReading,
  name: string,
  spec: FigureSpec,
  table: Table,
): FigureModel | undefined {
  const [head, ...body] = table.children;
  const fallback = table.position?.start ?? { line: 1, column: 1 };
  const header = head.children.map((c) => cellInput(c, fallback)!);
  const rows = body.map((row) =>
    row.children.map((c) => cellInput(c, row.position?.start ?? fallback)!),
  );
  const caption = reading.captions.get(table) ?? '';
  const { figure, problems } = readFigure(name, spec, caption, header, rows);
  for (const p of problems) report(reading, p.message, p.hint, placeOf(reading, p, name));
  return figure;
}

function cellInput(cell: TableCell | undefined, fallback: Point): CellInput | undefined {
  if (!cell) return undefined;
  // The text's own start, past the `| ` and padding; an empty cell is reported at its bar.
  const start = cell.children[0]?.position?.start ?? cell.position?.start ?? fallback;
  return { text: toString(cell), line: start.line, column: start.column };
}

function placeOf(reading: FigureReading, problem: FigureProblem, name: string) {
  return 'cell' in problem.place
    ? { line: problem.place.cell.line, column: problem.place.cell.column }
    : reading.fieldPosition(['figures', name, ...problem.place.spec]);
}
