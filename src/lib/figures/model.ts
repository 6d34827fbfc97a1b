import type { Encoding, FigureForm, FigureSpec } from '../schemas/figures.ts';
import { type LevelReading, levelWords, readLevel, type ScaleName, scales } from '../scales.ts';
import { slugForHeading } from '../slug.ts';
import { type Gain, looksLikeGain, parseGain } from './gain.ts';
import { parseSpan, type Span } from './time.ts';

/** One cell of the chapter's table as the figure reader gets it. */
export interface CellInput {
  /** The cell's words without Markdown marks (`**` gone, `[6]` kept). */
  text: string;
  /** Where the cell's text starts in its file, for error messages. */
  line: number;
  column: number;
}

export interface FigureColumn {
  /** Header text without marks, e.g. `成熟度等级`. */
  label: string;
  encode: Encoding;
  allowText: boolean;
  groups: boolean;
}

export interface FigureCell {
  text: string;
  level?: LevelReading;
  gain?: Gain;
  span?: Span;
  /** A group cell left empty in the source: the label of the row above applies. */
  repeatsGroup?: string;
}

export interface FigureRow {
  id: string;
  /** Position in the source, for putting a sorted figure back. */
  order: number;
  /** The row's label: its id column without citation markers (`LPU 加速`). */
  label: string;
  cells: FigureCell[];
  group?: string;
  /** The line the row is written on. */
  line: number;
}

/** Everything about a figure that is not its words' markup: what the page draws and the data files publish. */
export interface FigureModel {
  name: string;
  form: FigureForm;
  caption: string;
  idColumn: number;
  columns: FigureColumn[];
  rows: FigureRow[];
  /** Extent of the gain axis (log) and the time axis, over every row. */
  gainAxis?: { lo: number; hi: number };
  timeAxis?: { start: number; end: number };
}

/** Where a problem is: a cell or header of the table, or a field of the figure's frontmatter spec. */
export type ProblemPlace = { cell: CellInput } | { spec: (string | number)[] };

export interface FigureProblem {
  message: string;
  hint: string;
  place: ProblemPlace;
}

/** A cell's words without citation markers: `**特定场景** [6]` → `特定场景`. */
export const withoutCitations = (text: string) =>
  text.replace(/\s*\[\d+(?:\s*,\s*\d+)*\]/g, '').trim();

/** The link id of a row: its label as the chapter's headings would slug it (`TensorRT` → `tensorrt`). */
export function rowIdFor(label: string, prefix = ''): string {
  return prefix + slugForHeading(withoutCitations(label));
}

function niceCeil(value: number): number {
  return 10 ** Math.ceil(Math.log10(Math.max(value, 10)));
}

/**
 * Reads a figure from the chapter's own table: its header cells name the columns, the spec says
 * how each is drawn. Every cell is checked against its column's encoding; a problem names the
 * cell (or the spec field) so the error can point at the line an author has to change.
 */
export function readFigure(
  name: string,
  spec: FigureSpec,
  caption: string,
  header: CellInput[],
  body: CellInput[][],
): { figure?: FigureModel; problems: FigureProblem[] } {
  const table: TableReading = { where: `figure "${name}"`, name, problems: [] };
  const columns = columnsOf(table, spec, header);
  const labels = columns.map((c) => c.label);
  const idColumn = Math.max(0, spec.rowId === undefined ? 0 : labels.indexOf(spec.rowId));
  const grouped = columns.some((c) => c.groups);
  let group = '';
  const rows = body.map((cellsIn, order): FigureRow => {
    const read = readRow(table, columns, header, cellsIn, order, group);
    group = read.group;
    const { cells } = read;
    const label = withoutCitations(cells[idColumn].text || cells[idColumn].repeatsGroup || '');
    return {
      id: rowIdFor(label, spec.idPrefix),
      order,
      label,
      cells,
      group: grouped ? group : undefined,
      line: cellsIn[0]?.line ?? 0,
    };
  });
  if (table.problems.length > 0) return { problems: table.problems };
  return {
    problems: [],
    figure: { name, form: spec.form, caption, idColumn, columns, rows, ...axesOf(rows) },
  };
}

/** A figure being read: what names it in messages, and the problems found so far. */
interface TableReading {
  where: string;
  name: string;
  problems: FigureProblem[];
}

/** The columns a table's header names, each drawn as the spec says; a spec naming a column the table lacks is a problem. */
function columnsOf(table: TableReading, spec: FigureSpec, header: CellInput[]): FigureColumn[] {
  const { where, problems } = table;
  const labels = header.map((h) => h.text);
  const listed = labels.join(', ');
  const keyHint =
    'Key each column by its header text as the table writes it, without the ** marks.';
  header.forEach((h, i) => {
    if (labels.indexOf(h.text) !== i)
      problems.push({
        message: `${where}: two columns are headed "${h.text}"`,
        hint: 'Column headers name the columns in the frontmatter, so each must be different.',
        place: { cell: h },
      });
  });
  for (const key of Object.keys(spec.columns)) {
    if (!labels.includes(key))
      problems.push({
        message: `${where}: the frontmatter draws a column "${key}", which the table does not have (its columns: ${listed})`,
        hint: keyHint,
        place: { spec: ['columns', key] },
      });
  }
  if (spec.rowId !== undefined && !labels.includes(spec.rowId))
    problems.push({
      message: `${where}: rowId names the column "${spec.rowId}", which the table does not have (its columns: ${listed})`,
      hint: keyHint,
      place: { spec: ['rowId'] },
    });
  return labels.map((label) => ({
    label,
    ...(spec.columns[label] ?? { encode: 'text', allowText: false, groups: false }),
  }));
}

/**
 * One row's cells, one per column. `group` is the label of the group the rows above started; a
 * group column's words start a new one, its empty cell repeats the label. Returns the label the
 * row leaves for the next.
 */
function readRow(
  table: TableReading,
  columns: FigureColumn[],
  header: CellInput[],
  cellsIn: CellInput[],
  order: number,
  groupAbove: string,
): { cells: FigureCell[]; group: string } {
  if (cellsIn.length !== columns.length)
    table.problems.push({
      message: `${table.where}: row ${order + 1} has ${cellsIn.length} cells but the table has ${columns.length} columns (${columns.map((c) => c.label).join(', ')})`,
      hint: 'Give every row one cell per column, between | marks; leave a cell empty only in a group column.',
      place: { cell: cellsIn[0] ?? header[0] },
    });
  let group = groupAbove;
  const cells = columns.map((column, c): FigureCell => {
    const input = cellsIn[c];
    const text = input?.text.trim() ?? '';
    if (text !== '') {
      if (column.groups) group = text;
      return readCell(table, column, input, text);
    }
    if (column.groups && order > 0) return { text, repeatsGroup: group };
    if (input)
      table.problems.push({
        message: `${table.where}, column "${column.label}": the cell is empty`,
        hint: column.groups
          ? 'The first row of a group column starts the first group, so it needs a label.'
          : `Only a column drawn with { groups: true } may leave a cell empty, to repeat the label above it.`,
        place: { cell: input },
      });
    return { text };
  });
  return { cells, group };
}

/** A cell with words, read as its column draws it: a level, a gain or a time. */
function readCell(
  table: TableReading,
  column: FigureColumn,
  input: CellInput,
  text: string,
): FigureCell {
  const cell: FigureCell = { text };
  const problem = (message: string, hint: string) =>
    table.problems.push({
      message: `${table.where}, column "${column.label}": ${message}`,
      hint,
      place: { cell: input },
    });
  if (column.encode.startsWith('level:')) {
    const scale = column.encode.slice(6) as ScaleName;
    cell.level = readLevel(scale, text);
    if (!cell.level)
      problem(
        `"${text}" is not a level of ${scales[scale].name} (${levelWords(scale).join(' / ')})`,
        `Start the cell with one of those words (a note may follow after a space or a bracket, as in "高 (特定框架支持)"), or draw the column differently at figures.${table.name}.columns.${column.label}.`,
      );
  } else if (column.encode === 'gain') {
    cell.gain = parseGain(text);
    if (!cell.gain && (!column.allowText || looksLikeGain(text)))
      problem(
        `"${text}" is not a gain`,
        `Write a gain as 2.0x, 4-10x or 2-5x 提升${column.allowText ? ', or as words without digits, such as 深度思考能力' : ''}.`,
      );
  } else if (column.encode === 'span') {
    cell.span = parseSpan(text);
    if (!cell.span)
      problem(
        `"${text}" is not a time`,
        'Write a year (2017), a span of years (2015-2017), an open span (2026+), a quarter (2024 Q3) or a year’s end (2024 年底).',
      );
  }
  return cell;
}

/** The extent of the gain axis (log, from 1) and the time axis over every row, where the figure has them. */
function axesOf(rows: FigureRow[]): Pick<FigureModel, 'gainAxis' | 'timeAxis'> {
  const gains = rows.flatMap((r) => r.cells.flatMap((c) => (c.gain ? [c.gain] : [])));
  const spans = rows.flatMap((r) => r.cells.flatMap((c) => (c.span ? [c.span] : [])));
  return {
    gainAxis: gains.length
      ? { lo: 1, hi: niceCeil(Math.max(...gains.map((g) => g.max))) }
      : undefined,
    timeAxis: spans.length
      ? {
          start: Math.floor(Math.min(...spans.map((s) => s.start))),
          end: Math.ceil(Math.max(...spans.map((s) => s.end))),
        }
      : undefined,
  };
}
