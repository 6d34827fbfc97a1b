import { markedWords } from './excerpt.ts';
import { expandQuery, type Glossary, type GlossaryTerm } from './glossary.ts';
import { type EngineHit, type RankedResults, rankSections } from './rank.ts';
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
  const response = await pagefind.search(query);
  const pages = response ? await Promise.all(response.results.map((r) => r.data())) : [];
  const hits: EngineHit[] = pages.flatMap((page) =>
    page.sub_results
      .filter((s) => s.anchor?.id)
      .map((s) => ({ id: s.anchor!.id!, words: markedWords(s.excerpt) })),
  );
  return resultsFor(query, sections, hits, glossary);
}

/**
 * The results a reader sees for a query, given what the engine matched (`hits`): the whole
 * matches come from the sections' own texts and the glossary alone, the engine's hits add only
 * the partial matches behind them.
 */
export function resultsFor(
  query: string,
  sections: SectionText[],
  hits: EngineHit[],
  glossary: Glossary = noGlossary,
): ChapterResults {
  const expansion = expandQuery(glossary, query);
  const ranked = rankSections(query, sections, hits, expansion);
  if (!expansion) return ranked;
  const notOwnEntry = (r: { id: string }) => r.id !== expansion.term.entryId;
  return {
    term: expansion.term,
    whole: ranked.whole.filter(notOwnEntry),
    partial: ranked.partial.filter(notOwnEntry),
  };
}
