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
  const problems: FigureProblem[] = [];
  const where = `figure "${name}"`;
  const labels = header.map((h) => h.text);
  const listed = labels.join(', ');
  const keyHint =
    'Key each column by its header text as the table writes it, without the ** marks.';

  header.forEach((h, i) => {
    if (labels.indexOf(h.text) !== i) {
      problems.push({
        message: `${where}: two columns are headed "${h.text}"`,
        hint: 'Column headers name the columns in the frontmatter, so each must be different.',
        place: { cell: h },
      });
    }
  });
  for (const key of Object.keys(spec.columns)) {
    if (!labels.includes(key)) {
      problems.push({
        message: `${where}: the frontmatter draws a column "${key}", which the table does not have (its columns: ${listed})`,
        hint: keyHint,
        place: { spec: ['columns', key] },
      });
    }
  }
  if (spec.rowId !== undefined && !labels.includes(spec.rowId)) {
    problems.push({
      message: `${where}: rowId names the column "${spec.rowId}", which the table does not have (its columns: ${listed})`,
      hint: keyHint,
      place: { spec: ['rowId'] },
    });
  }
  const columns: FigureColumn[] = labels.map((label) => ({
    label,
    ...(spec.columns[label] ?? { encode: 'text', allowText: false, groups: false }),
  }));
  const idColumn = Math.max(0, spec.rowId === undefined ? 0 : labels.indexOf(spec.rowId));

  let group = '';
  const rows = body.map((cellsIn, order): FigureRow => {
    if (cellsIn.length !== columns.length) {
      problems.push({
        message: `${where}: row ${order + 1} has ${cellsIn.length} cells but the table has ${columns.length} columns (${listed})`,
        hint: 'Give every row one cell per column, between | marks; leave a cell empty only in a group column.',
        place: { cell: cellsIn[0] ?? header[0] },
      });
    }
    const cells = columns.map((column, c): FigureCell => {
      const input = cellsIn[c];
      const text = input?.text.trim() ?? '';
      const cell: FigureCell = { text };
      const at = `${where}, column "${column.label}"`;
      if (text === '') {
        if (column.groups && order > 0) cell.repeatsGroup = group;
        else if (input) {
          problems.push({
            message: `${at}: the cell is empty`,
            hint: column.groups
              ? 'The first row of a group column starts the first group, so it needs a label.'
              : `Only a column drawn with { groups: true } may leave a cell empty, to repeat the label above it.`,
            place: { cell: input },
          });
        }
        return cell;
      }
      if (column.groups) group = text;
      if (column.encode.startsWith('level:')) {
        const scale = column.encode.slice(6) as ScaleName;
        cell.level = readLevel(scale, text);
        if (!cell.level) {
          problems.push({
            message: `${at}: "${text}" is not a level of ${scales[scale].name} (${levelWords(scale).join(' / ')})`,
            hint: `Start the cell with one of those words (a note may follow after a space or a bracket, as in "高 (特定框架支持)"), or draw the column differently at figures.${name}.columns.${column.label}.`,
            place: { cell: input },
          });
        }
      } else if (column.encode === 'gain') {
        cell.gain = parseGain(text);
        if (!cell.gain && (!column.allowText || looksLikeGain(text))) {
          problems.push({
            message: `${at}: "${text}" is not a gain`,
            hint: `Write a gain as 2.0x, 4-10x or 2-5x 提升${column.allowText ? ', or as words without digits, such as 深度思考能力' : ''}.`,
            place: { cell: input },
          });
        }
      } else if (column.encode === 'span') {
        cell.span = parseSpan(text);
        if (!cell.span) {
          problems.push({
            message: `${at}: "${text}" is not a time`,
            hint: 'Write a year (2017), a span of years (2015-2017), an open span (2026+), a quarter (2024 Q3) or a year’s end (2024 年底).',
            place: { cell: input },
          });
        }
      }
      return cell;
    });
    const label = withoutCitations(cells[idColumn].text || cells[idColumn].repeatsGroup || '');
    return {
      id: rowIdFor(label, spec.idPrefix),
      order,
      label,
      cells,
      group: columns.some((c) => c.groups) ? group : undefined,
      line: cellsIn[0]?.line ?? 0,
    };
  });

  if (problems.length > 0) return { problems };
  const gains = rows.flatMap((r) => r.cells.flatMap((c) => (c.gain ? [c.gain] : [])));
  const spans = rows.flatMap((r) => r.cells.flatMap((c) => (c.span ? [c.span] : [])));
  return {
    problems,
    figure: {
      name,
      form: spec.form,
      caption,
      idColumn,
      columns,
      rows,
      gainAxis: gains.length
        ? { lo: 1, hi: niceCeil(Math.max(...gains.map((g) => g.max))) }
        : undefined,
      timeAxis: spans.length
        ? {
            start: Math.floor(Math.min(...spans.map((s) => s.start))),
            end: Math.ceil(Math.max(...spans.map((s) => s.end))),
          }
        : undefined,
    },
  };
}
