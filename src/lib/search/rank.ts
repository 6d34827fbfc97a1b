import type { SectionText } from './sections.ts';

/** What the search engine (Pagefind) said about one section. */
export interface EngineHit {
  id: string;
  /** Words the engine matched in this section (from its excerpt marks), for highlighting. */
  words: string[];
}

export interface RankedSection {
  id: string;
  title: string;
  /** True when the section contains the whole query as typed. */
  whole: boolean;
  /** Terms to highlight: the whole query, or the pieces the engine matched. */
  terms: string[];
  score: number;
}

export interface RankedResults {
  whole: RankedSection[];
  partial: RankedSection[];
}

/**
 * Case- and width-insensitive form, one character for one, so offsets still point into the
 * original text: `ＴensorRT` and `tensorrt` are the same query.
 */
export function foldChars(text: string): string {
  let out = '';
  for (const ch of text) {
    const folded = ch.normalize('NFKC').toLowerCase();
    out += folded.length === ch.length ? folded : ch;
  }
  return out;
}

/** The folded form of a query or a section, with white space collapsed. */
export function foldForMatch(text: string): string {
  return foldChars(text).replace(/\s+/g, ' ').trim();
}

function countOccurrences(haystack: string, needle: string): number {
  if (!needle) return 0;
  let count = 0;
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + needle.length)) count++;
  return count;
}

/**
 * Orders sections for a reader: first every section that contains the whole query (a heading
 * match counts most, then the term set off as a label — a bold lead-in or a header cell — then how
 * often it occurs), then the sections the engine matched only in
 * part (存 and 算 of 存算一体), in page order. Pagefind splits compound Chinese terms and lists
 * sub-results in page order, so without this 联邦推理 would return all twenty sections unordered.
 * A section that contains the query is never missed, even if the engine did not return it.
 */
export function rankSections(query: string, sections: SectionText[], hits: EngineHit[]): RankedResults {
  const q = foldForMatch(query);
  if (!q) return { whole: [], partial: [] };
  const hitById = new Map(hits.map((h) => [h.id, h]));
  const whole: RankedSection[] = [];
  const partial: RankedSection[] = [];
  sections.forEach((section, order) => {
    const title = foldForMatch(section.title);
    const text = foldForMatch(section.text);
    const inTitle = countOccurrences(title, q);
    const inLabels = countOccurrences(foldForMatch(section.labels ?? ''), q);
    const inText = countOccurrences(text, q);
    if (inTitle + inText > 0) {
      const score = inTitle * 10 + inLabels * 3 + inText - order / 1000;
      whole.push({ id: section.id, title: section.title, whole: true, terms: [query.trim()], score });
      return;
    }
    const hit = hitById.get(section.id);
    if (hit) partial.push({ id: section.id, title: section.title, whole: false, terms: hit.words, score: -order });
  });
  whole.sort((a, b) => b.score - a.score);
  return { whole, partial };
}

/** A looser query for when nothing matched: each word of a multi-word query on its own. */
export function loosenQuery(query: string): string[] {
  const words = query.trim().split(/\s+/).filter(Boolean);
  return words.length > 1 ? words : [];
}
