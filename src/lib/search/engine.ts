import { markedWords } from './excerpt.ts';
import { expandQuery, findLongerForm, type Glossary, type GlossaryTerm } from './glossary.ts';
import {
  type EngineHit,
  type RankedResults,
  type RankedSection,
  rankSections,
  rankTermSections,
} from './rank.ts';
import type { SectionText } from './sections.ts';

/** The part of Pagefind's JS API the chapter search uses. */
export interface PagefindApi {
  search(term: string): Promise<{ results: { data(): Promise<PagefindPage> }[] } | null>;
}
interface PagefindPage {
  sub_results: { excerpt: string; anchor?: { id?: string } }[];
}

export interface ChapterResults extends RankedResults {
  /** The glossary term the query names, shown as a card above the results. */
  term?: GlossaryTerm;
  /**
   * For a query that holds a term's name with other words (`推测解码技术`): the term (shown as
   * the card), the name the query holds, and the sections that hold the term under any of its
   * names but not the whole query, listed after the whole matches.
   */
  longer?: { term: GlossaryTerm; name: string; sections: RankedSection[] };
}

const noGlossary: Glossary = { terms: [] };

/**
 * Runs the query through Pagefind and ranks the chapter's sections for the reader. When the
 * query names a glossary term, sections holding any other name of the term join the whole
 * matches, and the term's own entry in the term index gives way to the term card.
 */
export async function searchSections(
  pagefind: PagefindApi,
  sections: SectionText[],
  query: string,
  glossary: Glossary = noGlossary,
): Promise<ChapterResults> {
  return resultsFor(query, sections, await engineHits(pagefind, query), glossary);
}

/** The sections Pagefind matched for a query, with the words it marked in each. */
export async function engineHits(pagefind: PagefindApi, query: string): Promise<EngineHit[]> {
  const response = await pagefind.search(query);
  const pages = response ? await Promise.all(response.results.map((r) => r.data())) : [];
  return pages.flatMap((page) =>
    page.sub_results
      .filter((s) => s.anchor?.id)
      .map((s) => ({ id: s.anchor!.id!, words: markedWords(s.excerpt) })),
  );
}

/**
 * The results a reader sees for a query, given what the engine matched (`hits`): the whole
 * matches come from the sections' own texts and the glossary alone, the engine's hits add only
 * the partial matches behind them. A query that is a term's name finds the term under all its
 * names; one that holds a term's name with other words finds the whole query first, then the
 * term's sections under all its names.
 */
export function resultsFor(
  query: string,
  sections: SectionText[],
  hits: EngineHit[],
  glossary: Glossary = noGlossary,
): ChapterResults {
  const expansion = expandQuery(glossary, query);
  const ranked = rankSections(query, sections, hits, expansion);
  if (expansion) {
    const notOwnEntry = (r: { id: string }) => r.id !== expansion.term.entryId;
    return {
      term: expansion.term,
      whole: ranked.whole.filter(notOwnEntry),
      partial: ranked.partial.filter(notOwnEntry),
    };
  }
  const longer = findLongerForm(glossary, query);
  // A query that names nothing in the glossary gets exactly what the engine and its text give.
  if (!longer) return ranked;
  const { term, name } = longer;
  const listed = new Set(ranked.whole.map((r) => r.id));
  const bySection = rankTermSections(term, sections, listed).filter((r) => r.id !== term.entryId);
  const byTerm = new Set(bySection.map((r) => r.id));
  return {
    whole: ranked.whole.filter((r) => r.id !== term.entryId),
    longer: { term, name, sections: bySection },
    partial: ranked.partial.filter((r) => r.id !== term.entryId && !byTerm.has(r.id)),
  };
}
