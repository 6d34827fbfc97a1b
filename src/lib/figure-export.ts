import type { FigureModel } from './figures/model.ts';

/** A figure's rows as plain text keyed by column label; group cells left empty in the source are filled in. */
export interface ExportedFigure {
  name: string;
  columns: { label: string; encode: string }[];
  rows: { id: string; cells: Record<string, string> }[];
}

/** The figure's words as the table writes them (without bold marks), one record per row. */
export function exportFigure(figure: FigureModel): ExportedFigure {
  return {
    name: figure.name,
    columns: figure.columns.map((c) => ({ label: c.label, encode: c.encode })),
    rows: figure.rows.map((row) => ({
      id: row.id,
      cells: Object.fromEntries(
        row.cells.map((c, i) => [figure.columns[i].label, c.repeatsGroup ?? c.text]),
      ),
    })),
  };
}

/** RFC 4180 CSV: CRLF line ends, fields quoted when they hold a comma, quote or line break. */
export function toCsv(data: ExportedFigure): string {
  const field = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const header = ['id', ...data.columns.map((c) => c.label)];
  const lines = [
    header,
    ...data.rows.map((r) => [r.id, ...data.columns.map((c) => r.cells[c.label])]),
  ];
  return lines.map((l) => l.map(field).join(',')).join('\r\n') + '\r\n';
}

/** Reads CSV written by toCsv back into rows of fields (for round-trip checks). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') ((field += '"'), i++);
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') (row.push(field), (field = ''));
    else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      ((row = []), (field = ''), i++);
    } else field += ch;
  }
  return rows;
}
