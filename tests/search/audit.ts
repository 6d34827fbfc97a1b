import type { PagefindApi } from '../../src/lib/search/engine.ts';
import { parseHTML } from 'linkedom';
import { readDist } from '../support/dist.ts';
import { searchTerms } from './terms.ts';

/*
 * Search judged against the built page, by rules of this file's own: nothing here comes from the
 * ranker or from src/lib/search, so a fault in the ranker's matcher cannot hide in the truth.
 */

/** A section of a built page as a reader sees it: the text from one heading (or term entry) to the next. */
export interface PageSection {
  id: string;
  text: string;
  /** An entry of the term index's page (an element with `data-pagefind-title`), not a heading. */
  entry: boolean;
}

/**
 * The sections of the chapter's page and the term index's page, from the built HTML: what search
 * must ignore dropped, the indexed part cut at each heading with an id and each element with an
 * id and a `data-pagefind-title` (Pagefind's sub-result boundaries), tags stripped.
 */
export function pageSections(): PageSection[] {
  return [...sectionsOf('index.html'), ...sectionsOf('terms/index.html')];
}

function sectionsOf(page: string): PageSection[] {
  const { document } = parseHTML(readDist(page));
  const article = document.querySelector('[data-pagefind-body]')!;
  article.querySelectorAll('[data-pagefind-ignore]').forEach((n) => n.remove());
  const parts = article.innerHTML.split(
    /(?=<h[1-6][^>]*\sid="|<[a-z]+\s[^>]*\bdata-pagefind-title=")/,
  );
  return parts.flatMap((part) => {
    const tag = /^<([a-z0-9]+)\s[^>]*/.exec(part);
    const heading = /^h[1-6]$/.test(tag?.[1] ?? '');
    const id =
      tag && (heading || tag[0].includes('data-pagefind-title='))
        ? /\sid="([^"]+)"/.exec(tag[0])?.[1]
        : undefined;
    if (!id) return [];
    // Block ends are word breaks to a reader: cells and list items do not run together.
    const spaced = part.replace(/<\/(p|li|td|th|tr|div|caption|dt|dd|h[1-6])>/g, ' </$1>');
    const { document: frag } = parseHTML(`<html><body>${spaced}</body></html>`);
    return [{ id, text: (frag.body.textContent ?? '').replace(/\s+/g, ' '), entry: !heading }];
  });
}

/**
 * The truth: what a reader's own find-in-page (Ctrl+F) finds. It ignores case and character
 * width and takes any run of white space as one space; unlike search, it does not ignore hyphens
 * or drop spaces, so every section it finds, search must find too.
 */
const fold = (text: string) => text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ');
export const findInPage = (text: string, query: string) => fold(text).includes(fold(query).trim());

/**
 * Whether a text holds a term's name as the term index promises: found in the page as above, but
 * a name that starts or ends with a Latin letter or digit not running on into another there (LPU
 * is not in LPUs), and not only inside a longer name the term excludes (Triton in Triton Server).
 */
export function holdsTermName(text: string, name: string, excludes: readonly string[] = []) {
  const hay = fold(text);
  const needle = fold(name).trim();
  const latin = /[a-z0-9]/;
  const excluded = excludes.flatMap((e) => {
    const longer = fold(e).trim();
    return occurrences(hay, longer).map((at) => [at, at + longer.length]);
  });
  return occurrences(hay, needle).some(
    (at) =>
      !(latin.test(needle[0]) && latin.test(hay[at - 1] ?? '')) &&
      !(latin.test(needle.at(-1)!) && latin.test(hay[at + needle.length] ?? '')) &&
      !excluded.some(([from, to]) => from <= at && at + needle.length <= to),
  );
}

/** Where `needle` starts in `hay`, overlaps included. */
function occurrences(hay: string, needle: string): number[] {
  const found: number[] = [];
  for (let at = hay.indexOf(needle); at !== -1; at = hay.indexOf(needle, at + 1)) found.push(at);
  return found;
}

/** The terms a reader searches for as the chapter writes them, and the Latin ones as typed in lower case. */
export const auditQueries = [
  ...searchTerms,
  ...searchTerms.filter((t) => t.toLowerCase() !== t).map((t) => t.toLowerCase()),
];

/** What a ranker shows for a query: the shape of `searchSections`' answer that the audit reads. */
export interface Shown {
  term?: { entryId: string };
  /** A query holding a term's name with other words: that term's card is shown too. */
  longer?: { term: { entryId: string } };
  whole: { id: string; holdsQuery: boolean; names: string[] }[];
  partial: { id: string }[];
}
export type Ranker = (query: string) => Promise<Shown>;
/** Pagefind's own answer: the ids of the sub-results it returns for a query. */
export type EngineSearch = (query: string) => Promise<string[]>;

/** Pagefind's answer as the audit reads it: the anchor ids of every sub-result it returns. */
export function engineOf(pagefind: PagefindApi): EngineSearch {
  return async (query) => {
    const raw = await pagefind.search(query);
    const pages = raw ? await Promise.all(raw.results.map((r) => r.data())) : [];
    return pages.flatMap((p) => p.sub_results.flatMap((s) => (s.anchor?.id ? [s.anchor.id] : [])));
  };
}

export interface SearchAudit {
  queries: number;
  /** Pairs of a query and a section that holds it, by find-in-page. */
  relevant: number;
  /** Of those, the ones the ranker shows as whole matches. */
  found: number;
  /** Of those, the ones among Pagefind's own sub-results. */
  foundByEngine: number;
  /** Pagefind's sub-results over all queries, and how many of them hold their query. */
  engineReturned: number;
  engineHolding: number;
  misses: string[];
  /** Whole matches that hold neither the query nor a name they claim to hold. */
  strays: string[];
  /** Partial matches Pagefind did not return: the ranker may only order what the engine found. */
  partialsNotFromEngine: string[];
}

/** Runs every query through the ranker and Pagefind, and compares both with find-in-page. */
export async function auditSearch(
  rank: Ranker,
  engine: EngineSearch,
  sections: PageSection[],
  queries: readonly string[] = auditQueries,
): Promise<SearchAudit> {
  const audit: SearchAudit = {
    queries: queries.length,
    relevant: 0,
    found: 0,
    foundByEngine: 0,
    engineReturned: 0,
    engineHolding: 0,
    misses: [],
    strays: [],
    partialsNotFromEngine: [],
  };
  const textOf = new Map(sections.map((s) => [s.id, s.text]));
  for (const query of queries) {
    const shown = await rank(query);
    const hits = await engine(query);
    // The term's own entry in the index is the card above the results, not a result.
    const card = shown.term ?? shown.longer?.term;
    const relevant = sections
      .filter((s) => s.id !== card?.entryId && findInPage(s.text, query))
      .map((s) => s.id);
    if (relevant.length === 0) throw new Error(`"${query}" must occur in the chapter`);
    const whole = shown.whole.map((r) => r.id);
    const missing = relevant.filter((id) => !whole.includes(id));
    if (missing.length) audit.misses.push(`${query}: ${missing.join(', ')}`);
    audit.relevant += relevant.length;
    audit.found += relevant.length - missing.length;
    audit.foundByEngine += relevant.filter((id) => hits.includes(id)).length;
    audit.engineReturned += hits.length;
    audit.engineHolding += hits.filter((id) => findInPage(textOf.get(id) ?? '', query)).length;
    for (const r of shown.whole) {
      const text = textOf.get(r.id) ?? '';
      const holds = findInPage(text, query) || r.names.some((n) => findInPage(text, n));
      if (!holds) audit.strays.push(`${query}: ${r.id}`);
    }
    for (const r of shown.partial)
      if (!hits.includes(r.id)) audit.partialsNotFromEngine.push(`${query}: ${r.id}`);
  }
  return audit;
}

/**
 * Pagefind's own sub-results, before the ranker: it must return every section that holds the
 * query, and no more noise than it makes today. Pagefind 1.6 splits a Chinese query into words
 * (存算一体 into 存算 and 一体), so many of its sub-results hold only a piece of the query; those are
 * the partial matches the dialog lists last. Measured on this chapter (December 2026, Pagefind
 * 1.6.0, the 99 audit queries): 310 of 310 sections that hold a query returned, and 392 of its 622
 * sub-results holding their query (63.0%). An index that took in the contents list or the anchor
 * labels again, or a segmenter that cut worse, would fall below these.
 */
export const ENGINE_RECALL = 1;
export const ENGINE_PRECISION = 0.6;

/** What a reader is promised, as a list of breaches (empty when search keeps it). */
export function searchBreaches(a: SearchAudit): string[] {
  const pct = (n: number, of: number) => `${((n / of) * 100).toFixed(1)}%`;
  const breaches: string[] = [];
  if (a.misses.length)
    breaches.push(
      `missed sections that hold the query (found ${pct(a.found, a.relevant)}): ${a.misses.join('; ')}`,
    );
  if (a.strays.length)
    breaches.push(`whole matches that hold neither the query nor a name: ${a.strays.join('; ')}`);
  if (a.partialsNotFromEngine.length)
    breaches.push(`partial matches Pagefind did not return: ${a.partialsNotFromEngine.join('; ')}`);
  if (a.foundByEngine / a.relevant < ENGINE_RECALL)
    breaches.push(
      `Pagefind returned ${pct(a.foundByEngine, a.relevant)} of the sections that hold the query, below ${pct(ENGINE_RECALL, 1)}`,
    );
  if (a.engineHolding / a.engineReturned < ENGINE_PRECISION)
    breaches.push(
      `${pct(a.engineHolding, a.engineReturned)} of Pagefind's sub-results hold the query, below ${pct(ENGINE_PRECISION, 1)}`,
    );
  return breaches;
}
