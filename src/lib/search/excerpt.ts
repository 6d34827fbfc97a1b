import { markSpans } from './glossary.ts';

export interface ExcerptPiece {
  text: string;
  mark: boolean;
}

export interface ExcerptOptions {
  /** Characters of context before the first match (twice as many after it). */
  radius?: number;
  names?: readonly string[];
  /** The term's excludes: a name inside one of them is not marked. */
  excludes?: readonly string[];
}

/**
 * A short excerpt of `text` around the first match, split into plain and marked pieces: the
 * literal `terms` anywhere, and a term's other `names` as whole words, spaced or hyphenated
 * either way ("KV Cache" marks "KV-Cache"). The UI turns pieces into text nodes and <mark>
 * elements, never into HTML, so a query such as `<img src=x onerror=…>` can only ever be shown
 * as text.
 */
export function excerptPieces(
  text: string,
  terms: readonly string[],
  options: ExcerptOptions = {},
): ExcerptPiece[] {
  const { radius = 40, names = [], excludes = [] } = options;
  const spans = markSpans(text, terms, names, excludes);
  const first = spans[0]?.start ?? 0;
  const start = Math.max(0, first - radius);
  const end = Math.min(text.length, first + radius * 2);
  const pieces: ExcerptPiece[] = [];
  let cursor = start;
  for (const span of spans) {
    if (span.end <= start) continue;
    if (span.start >= end) break;
    const from = Math.max(span.start, start);
    if (from > cursor) pieces.push({ text: text.slice(cursor, from), mark: false });
    // A match that runs past the window is shown whole.
    pieces.push({ text: text.slice(from, span.end), mark: true });
    cursor = span.end;
  }
  if (cursor < end) pieces.push({ text: text.slice(cursor, end), mark: false });
  if (start > 0) pieces.unshift({ text: '…', mark: false });
  if (Math.max(end, cursor) < text.length) pieces.push({ text: '…', mark: false });
  return pieces;
}

/** The words Pagefind marked in its excerpt (`…<mark>量化</mark>…`), as plain text. */
export function markedWords(excerptHtml: string): string[] {
  const words = [...excerptHtml.matchAll(/<mark>([^<]*)<\/mark>/g)].map((m) =>
    m[1]
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, '&'),
  );
  return [...new Set(words.filter((w) => w.trim()))];
}
