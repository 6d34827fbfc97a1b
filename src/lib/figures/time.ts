/** A span on the chapter's time axes: years (`2015-2017`, `2026+`, `2024 年底`) or quarters (`2024 Q3`). */
export interface Span {
  /** Start and end as fractional years (2024 Q3 → 2024.5 … 2024.75). */
  start: number;
  end: number;
  open: boolean;
}

export function parseSpan(cell: string): Span | undefined {
  const text = cell.replace(/\*\*/g, '').trim();
  let m = /^(\d{4})-(\d{4})$/.exec(text);
  if (m) return { start: +m[1], end: +m[2] + 1, open: false };
  m = /^(\d{4})\+$/.exec(text);
  if (m) return { start: +m[1], end: +m[1] + 1, open: true };
  m = /^(\d{4}) Q([1-4])$/.exec(text);
  if (m) return { start: +m[1] + (+m[2] - 1) / 4, end: +m[1] + +m[2] / 4, open: false };
  m = /^(\d{4}) 年底$/.exec(text);
  if (m) return { start: +m[1] + 0.875, end: +m[1] + 1, open: false };
  m = /^(\d{4})$/.exec(text);
  if (m) return { start: +m[1], end: +m[1] + 1, open: false };
  return undefined;
}
