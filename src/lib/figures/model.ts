import type { ColumnData, FigureData } from '../schemas/figures.ts';
import { type LevelReading, readLevel, type ScaleName } from '../scales.ts';
import { slugForHeading } from '../slug.ts';
import { type Gain, parseGain } from './gain.ts';
import { parseSpan, type Span } from './time.ts';


export type CellPart = { kind: 'text'; value: string; bold: boolean } | { kind: 'cite'; n: number; id: string };

export interface FigureCell {
  column: ColumnData;
  text: string;
  parts: CellPart[];
  level?: LevelReading;
  gain?: Gain;
  span?: Span;
  /** A group cell left empty in the source (the label of the row above applies). */
  repeatsGroup?: string;
}

export interface FigureRow {
  id: string;
  /** Position in the source, for putting a sorted figure back. */
  order: number;
  cells: FigureCell[];
  group?: string;
}

export interface FigureModel {
  form: FigureData['form'];
  columns: ColumnData[];
  rows: FigureRow[];
  /** Extent of the gain axis (log) and the time axis, over every row. */
  gainAxis?: { lo: number; hi: number };
  timeAxis?: { start: number; end: number };
}

/** A cell as plain text: no bold marks, no citation markers. */
export const plainCell = (cell: string) => cell.replace(/\*\*/g, '').replace(/\s*\[\d+(?:,\d+)*\]/g, '').trim();

/** The link id of a row: its label as the chapter's headings would slug it (`TensorRT` → `tensorrt`). */
export function rowIdFor(cell: string): string {
  return slugForHeading(plainCell(cell));
}

/**
 * Splits a cell into text runs (bold where the source has `**…**`) and citation markers; each
 * citation gets the id `cite-<n>-<row id>` (with `-2`… when a row cites one reference twice).
 */
export function cellParts(cell: string, rowId: string, seen: Map<number, number> = new Map()): CellPart[] {
  const parts: CellPart[] = [];
  const tokens = cell.split(/(\*\*[^*]+\*\*|\[\d+(?:\s*,\s*\d+)*\])/).filter((t) => t !== '');
  for (const token of tokens) {
    if (token.startsWith('**') && token.endsWith('**')) {
      parts.push({ kind: 'text', value: token.slice(2, -2), bold: true });
    } else if (/^\[\d/.test(token)) {
      const inner = token.slice(1, -1);
      const pieces = inner.split(/(\s*,\s*)/);
      parts.push({ kind: 'text', value: '[', bold: false });
      pieces.forEach((p, i) => {
        if (i % 2 === 1) return parts.push({ kind: 'text', value: p, bold: false });
        const n = Number(p);
        const k = (seen.get(n) ?? 0) + 1;
        seen.set(n, k);
        parts.push({ kind: 'cite', n, id: `cite-${n}-${rowId}${k > 1 ? `-${k}` : ''}` });
      });
      parts.push({ kind: 'text', value: ']', bold: false });
    } else {
      parts.push({ kind: 'text', value: token, bold: false });
    }
  }
  return parts;
}

function niceCeil(value: number): number {
  return 10 ** Math.ceil(Math.log10(Math.max(value, 10)));
}

/** Everything a figure component draws, computed from the validated data. */
export function buildFigure(figure: FigureData): FigureModel {
  let group = '';
  const rows = figure.rows.map((row, order) => {
    const id = (figure.idPrefix ?? '') + rowIdFor(row[figure.idColumn]);
    const seen = new Map<number, number>();
    const cells = row.map((text, c): FigureCell => {
      const column = figure.columns[c];
      const cell: FigureCell = { column, text, parts: cellParts(text, id, seen) };
      if (column.groups) {
        if (text.trim()) group = plainCell(text);
        else cell.repeatsGroup = group;
      }
      if (column.encode.startsWith('level:')) cell.level = readLevel(column.encode.slice(6) as ScaleName, text);
      if (column.encode === 'gain') cell.gain = parseGain(text);
      if (column.encode === 'span') cell.span = parseSpan(text);
      return cell;
    });
    return { id, order, cells, group: figure.columns.some((c) => c.groups) ? group : undefined };
  });
  const gains = rows.flatMap((r) => r.cells.map((c) => c.gain).filter((g): g is Gain => !!g));
  const spans = rows.flatMap((r) => r.cells.map((c) => c.span).filter((s): s is Span => !!s));
  return {
    form: figure.form,
    columns: figure.columns,
    rows,
    gainAxis: gains.length ? { lo: 1, hi: niceCeil(Math.max(...gains.map((g) => g.max))) } : undefined,
    timeAxis: spans.length ? { start: Math.floor(Math.min(...spans.map((s) => s.start))), end: Math.ceil(Math.max(...spans.map((s) => s.end))) } : undefined,
  };
}

/** Citation sites of a figure in reading order (row by row, cell by cell), for the reference list. */
export function figureCitations(figure: FigureData): { n: number; id: string }[] {
  return buildFigure(figure).rows.flatMap((r) => r.cells.flatMap((c) => c.parts.filter((p) => p.kind === 'cite').map((p) => ({ n: p.n, id: p.id }))));
}
