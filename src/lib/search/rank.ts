import {
  countName,
  type Expansion,
  type FindOptions,
  type GlossaryTerm,
  nameKey,
  namesOf,
} from './glossary.ts';
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
  /** True when the section holds the whole query, or another name of the term the query names. */
  whole: boolean;
  /** Whether the section holds the query itself; when not, it is here for `names`. */
  holdsQuery: boolean;
  /** Literal terms to mark, anywhere: the whole query, or the pieces the engine matched. */
  terms: string[];
  /** Other names of the term the query names that the section holds, to mark as whole words and to tell the reader. */
  names: string[];
  /** An entry of the term index: it points at the other results. */
  entry: boolean;
  score: number;
}

export interface RankedResults {
  whole: RankedSection[];
  partial: RankedSection[];
}

interface Where {
  title: number;
  labels: number;
  text: number;
}

const weigh = (w: Where) => w.title * 10 + w.labels * 3 + w.text;

/** How often a name occurs in a section's heading, labels and text. */
const whereIn = (section: SectionText, name: string, options?: FindOptions): Where => ({
  title: countName(section.title, name, options),
  labels: countName(section.labels ?? '', name, options),
  text: countName(section.text, name, options),
});

/**
 * Orders sections for a reader: first every section that holds the whole query — or, when the
 * query names a glossary term, another of the term's names (`推测解码` for "speculative
 * decoding") — by a heading match counting most, then the term set off as a label (a bold
 * lead-in or a header cell), then how often it occurs; the term index's entries come after the
 * sections they point at. Then the sections the engine matched only in part (存 and 算 of
 * 存算一体), in page order. Pagefind splits compound Chinese terms and lists sub-results in page
 * order, so without this 联邦推理 would return all twenty sections unordered. A section that
 * holds the query is never missed, even if the engine did not return it.
 *
 * The query is looked for anywhere, ignoring case, width, spaces and hyphens ("KV Cache" finds
 * "KV-Cache"); the term's other names as whole words, as the term index finds them.
 */
export function rankSections(
  query: string,
  sections: SectionText[],
  hits: EngineHit[],
  expansion?: Expansion,
): RankedResults {
  const q = query.trim();
  if (!nameKey(q)) return { whole: [], partial: [] };
  const hitById = new Map(hits.map((h) => [h.id, h]));
  const excludes = expansion?.term.excludes ?? [];
  const whole: RankedSection[] = [];
  const partial: RankedSection[] = [];
  sections.forEach((section, order) => {
    const literal = whereIn(section, q);
    const holdsQuery = literal.title + literal.text > 0;
    let score = weigh(literal);
    const names: string[] = [];
    for (const name of expansion?.others ?? []) {
      const w = whereIn(section, name, { wholeWords: true, excludes });
      if (w.title + w.text === 0) continue;
      names.push(name);
      score += weigh(w);
    }
    const entry = section.entry === true;
    if (holdsQuery || names.length > 0) {
      whole.push({
        id: section.id,
        title: section.title,
        whole: true,
        holdsQuery,
        terms: [q],
        names,
        entry,
        score: score - order / 1000,
      });
      return;
    }
    const hit = hitById.get(section.id);
    if (hit)
      partial.push({
        id: section.id,
        title: section.title,
        whole: false,
        holdsQuery: false,
        terms: hit.words,
        names: [],
        entry,
        score: -order,
      });
  });
  whole.sort((a, b) => Number(a.entry) - Number(b.entry) || b.score - a.score);
  return { whole, partial };
}

/**
 * The sections that hold a term under any of its names (whole words, excludes honoured), except
 * those in `skip`: for a query that holds the term's name with other words, listed after the
 * sections holding the whole query. Ordered as whole matches are, each saying which names it holds.
 */
export function rankTermSections(
  term: Pick<GlossaryTerm, 'name' | 'en' | 'zh' | 'aliases' | 'excludes'>,
  sections: SectionText[],
  skip: ReadonlySet<string>,
): RankedSection[] {
  const options = { wholeWords: true, excludes: term.excludes ?? [] };
  const ranked: RankedSection[] = [];
  sections.forEach((section, order) => {
    if (skip.has(section.id)) return;
    let score = 0;
    const names: string[] = [];
    for (const name of namesOf(term)) {
      const w = whereIn(section, name, options);
      if (w.title + w.text === 0) continue;
      names.push(name);
      score += weigh(w);
    }
    if (names.length === 0) return;
    ranked.push({
      id: section.id,
      title: section.title,
      whole: false,
      holdsQuery: false,
      terms: [],
      names,
      entry: section.entry === true,
      score: score - order / 1000,
    });
  });
  return ranked.sort((a, b) => Number(a.entry) - Number(b.entry) || b.score - a.score);
}

/** A looser query for when nothing matched: each word of a multi-word query on its own. */
export function loosenQuery(query: string): string[] {
  const words = query.trim().split(/\s+/).filter(Boolean);
  return words.length > 1 ? words : [];
}
