import { foldChars, foldForMatch } from './rank.ts';

export interface ExcerptPiece {
  text: string;
  mark: boolean;
}

/**
 * A short excerpt of `text` around the first occurrence of any term, split into plain and
 * marked pieces. The UI turns pieces into text nodes and <mark> elements, never into HTML, so a
 * query such as `<img src=x onerror=…>` can only ever be shown as text.
 */
export function excerptPieces(text: string, terms: string[], radius = 40): ExcerptPiece[] {
  // Section texts already have single spaces, and foldChars keeps length, so an offset in the
  // folded text is an offset in the original.
  const folded = foldChars(text);
  const source = text;
  const needles = terms.map(foldForMatch).filter(Boolean);
  const first = Math.min(...needles.map((n) => folded.indexOf(n)).filter((i) => i >= 0), Infinity);
  const start = first === Infinity ? 0 : Math.max(0, first - radius);
  const end = Math.min(source.length, (first === Infinity ? 0 : first) + radius * 2);
  const window = source.slice(start, end);
  const foldedWindow = folded.slice(start, end);
  const pieces: ExcerptPiece[] = [];
  let cursor = 0;
  while (cursor < window.length) {
    let best = -1;
    let bestLen = 0;
    for (const n of needles) {
      const at = foldedWindow.indexOf(n, cursor);
      if (at !== -1 && (best === -1 || at < best || (at === best && n.length > bestLen))) {
        best = at;
        bestLen = n.length;
      }
    }
    if (best === -1) {
      pieces.push({ text: window.slice(cursor), mark: false });
      break;
    }
    if (best > cursor) pieces.push({ text: window.slice(cursor, best), mark: false });
    pieces.push({ text: window.slice(best, best + bestLen), mark: true });
    cursor = best + bestLen;
  }
  if (start > 0) pieces.unshift({ text: '…', mark: false });
  if (end < source.length) pieces.push({ text: '…', mark: false });
  return pieces;
}

/** The words Pagefind marked in its excerpt (`…<mark>量化</mark>…`), as plain text. */
export function markedWords(excerptHtml: string): string[] {
  const words = [...excerptHtml.matchAll(/<mark>([^<]*)<\/mark>/g)].map((m) =>
    m[1].replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&'),
  );
  return [...new Set(words.filter((w) => w.trim()))];
}
