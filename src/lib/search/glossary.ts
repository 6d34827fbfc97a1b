/**
 * Names of the chapter's terms as search reads them. Readers write the same name in many ways —
 * "KV Cache", "kv-cache", "ＫＶ－Ｃａｃｈｅ", "Chain of Thought" for "Chain-of-Thought" — so a name
 * is compared through its match key: case, character width, white space and hyphens ignored.
 * A query that is the key of a term's name stands for the term, and so for all its names.
 */

/** White space and the hyphens a Latin name is written with or without (after NFKC, "－" is "-"). */
const LOOSE = /[\s\u002D\u00AD\u2010-\u2013\u2212]/u;
const WORD = /[a-z0-9]/;

/** A text's match key, and for each key character the span of the original text it came from. */
export interface KeyedText {
  key: string;
  /** Offset in the original text where key character i starts. */
  from: number[];
  /** Offset in the original text just after key character i. */
  to: number[];
}

function foldChar(ch: string): string {
  return ch < '\u0080' ? ch.toLowerCase() : ch.normalize('NFKC').toLowerCase();
}

/** The match key of `text` with offsets back into it, so a match can be marked where it is. */
export function keyed(text: string): KeyedText {
  let key = '';
  const from: number[] = [];
  const to: number[] = [];
  let at = 0;
  for (const ch of text) {
    const folded = foldChar(ch);
    for (const c of folded) {
      if (LOOSE.test(c)) continue;
      key += c;
      from.push(at);
      to.push(at + ch.length);
    }
    at += ch.length;
  }
  return { key, from, to };
}

/** `Chain-of-Thought`, `chain of thought` and `ＣＨＡＩＮ　ＯＦ　ＴＨＯＵＧＨＴ` all give `chainofthought`. */
export function nameKey(name: string): string {
  return keyed(name).key;
}

export interface Span {
  start: number;
  end: number;
}

export interface FindOptions {
  /**
   * A name that starts or ends with a Latin letter or digit must not run on into another one
   * there: LPU is not found in LPUs, nor IR in "their". A literal query is looked for anywhere,
   * as a reader expects of a search field.
   */
  wholeWords?: boolean;
  /** Longer names of other things (`Triton Server` for `Triton`): a match inside one does not count. */
  excludes?: readonly string[];
}

const cache = new Map<string, KeyedText>();
/** Section texts are searched over and over; their keys are computed once. */
function keyedCached(text: string): KeyedText {
  let k = cache.get(text);
  if (!k) {
    if (cache.size > 2000) cache.clear();
    cache.set(text, (k = keyed(text)));
  }
  return k;
}

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && WORD.test(foldChar(ch));
}

/** Every place `name` occurs in `text`, as spans of the original text, in order, not overlapping. */
export function findName(text: string, name: string, options: FindOptions = {}): Span[] {
  const needle = nameKey(name);
  if (!needle) return [];
  const hay = keyedCached(text);
  if (!hay.key.includes(needle)) return [];
  const covered = (options.excludes ?? []).flatMap((e) => findName(text, e));
  const needsStart = options.wholeWords && WORD.test(needle[0]);
  const needsEnd = options.wholeWords && WORD.test(needle.at(-1)!);
  const found: Span[] = [];
  for (let at = hay.key.indexOf(needle); at !== -1; at = hay.key.indexOf(needle, at + 1)) {
    const span = { start: hay.from[at], end: hay.to[at + needle.length - 1] };
    if (found.length && span.start < found.at(-1)!.end) continue;
    if (covered.some((c) => c.start <= span.start && span.end <= c.end)) continue;
    if (needsStart && isWordChar(text[span.start - 1])) continue;
    if (needsEnd && isWordChar(text[span.end])) continue;
    found.push(span);
  }
  return found;
}

/** How often `name` occurs in `text` (see findName). */
export function countName(text: string, name: string, options: FindOptions = {}): number {
  return findName(text, name, options).length;
}

/** Whether a text holds a term's name: the rule the term index and search share. */
export function holdsName(text: string, name: string, excludes: readonly string[] = []): boolean {
  return findName(text, name, { wholeWords: true, excludes }).length > 0;
}

/** A place the term index lists for a term: a section (linked when its own text has the term) and figure rows. */
export interface GlossaryPlace {
  sectionId: string;
  /** The short label the term index shows: `14.2.2` (the heading is in the section texts). */
  label: string;
  /** Whether the section's own text has the term (else only its figure rows do, and the section is not linked). */
  inText: boolean;
  rows: { id: string; label: string }[];
}

/** One term as search knows it: its names, and where the term index lists it. */
export interface GlossaryTerm {
  /** The headword, as the chapter writes it. */
  name: string;
  en?: string;
  zh?: string;
  aliases?: string[];
  excludes?: string[];
  pinyin?: string;
  /** The id of the term's entry in the term index. */
  entryId: string;
  places: GlossaryPlace[];
}

export interface Glossary {
  terms: GlossaryTerm[];
}

/** The headword first, then the English or Chinese name, then the aliases. */
export function namesOf(term: Pick<GlossaryTerm, 'name' | 'en' | 'zh' | 'aliases'>): string[] {
  return [
    term.name,
    ...(term.en ? [term.en] : []),
    ...(term.zh ? [term.zh] : []),
    ...(term.aliases ?? []),
  ];
}

/** What a query means in the glossary: the term it names, and its other names to look for. */
export interface Expansion {
  term: GlossaryTerm;
  /** The term's names whose key is not the query's, in the glossary's order. */
  others: string[];
}

/** The term a query names (its headword, other name or an alias, by match key), if any. */
export function expandQuery(glossary: Glossary, query: string): Expansion | undefined {
  const key = nameKey(query);
  if (!key) return undefined;
  const term = glossary.terms.find((t) => namesOf(t).some((n) => nameKey(n) === key));
  if (!term) return undefined;
  return { term, others: namesOf(term).filter((n) => nameKey(n) !== key) };
}

/** A query that holds one term's name together with other words: `推测解码技术`, "vLLM model". */
export interface LongerForm {
  term: GlossaryTerm;
  /** The term's name the query holds, as the glossary writes it. */
  name: string;
}

/**
 * The term a query holds a name of besides other words, if it is one term. Names are read as
 * the term index reads them (whole words, excludes honoured), and a name inside a longer name
 * the query also holds does not count (`端侧` in `端侧大模型`). A query that names two terms
 * (`INT8/FP8 量化`) is about neither alone, and a query that is a name is not a longer form of it.
 */
export function findLongerForm(glossary: Glossary, query: string): LongerForm | undefined {
  if (!nameKey(query) || expandQuery(glossary, query)) return undefined;
  const found = glossary.terms.flatMap((term) =>
    namesOf(term).flatMap((name) =>
      findName(query, name, { wholeWords: true, excludes: term.excludes }).map((span) => ({
        term,
        name,
        span,
      })),
    ),
  );
  const size = (s: Span) => s.end - s.start;
  const outer = found.filter(
    (f) =>
      !found.some(
        (g) =>
          g.span.start <= f.span.start && f.span.end <= g.span.end && size(g.span) > size(f.span),
      ),
  );
  if (new Set(outer.map((f) => f.term)).size !== 1) return undefined;
  const longest = outer.reduce((a, b) => (size(b.span) > size(a.span) ? b : a));
  return { term: longest.term, name: longest.name };
}

/** The names of a term a text holds, in the glossary's order. */
export function namesHeld(
  text: string,
  names: readonly string[],
  excludes: readonly string[] = [],
): string[] {
  return names.filter((n) => holdsName(text, n, excludes));
}

/**
 * Spans to mark in a text: a literal query (or Pagefind's pieces of it) anywhere, and a term's
 * other names as whole words; sorted, overlaps merged.
 */
export function markSpans(
  text: string,
  literal: readonly string[],
  names: readonly string[] = [],
  excludes: readonly string[] = [],
): Span[] {
  const spans = [
    ...literal.flatMap((t) => findName(text, t)),
    ...names.flatMap((n) => findName(text, n, { wholeWords: true, excludes })),
  ].sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Span[] = [];
  for (const s of spans) {
    const last = merged.at(-1);
    if (last && s.start < last.end) last.end = Math.max(last.end, s.end);
    else merged.push({ ...s });
  }
  return merged;
}
