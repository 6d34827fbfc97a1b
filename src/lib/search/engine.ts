import { markedWords } from './excerpt.ts';
import { type EngineHit, type RankedResults, rankSections } from './rank.ts';
import type { SectionText } from './sections.ts';

/** The part of Pagefind's JS API the chapter search uses. */
export interface PagefindApi {
  search(term: string): Promise<{ results: { data(): Promise<PagefindPage> }[] } | null>;
}
interface PagefindPage {
  sub_results: { excerpt: string; anchor?: { id?: string } }[];
}

/** Runs the query through Pagefind and ranks the chapter's sections for the reader. */
export async function searchSections(pagefind: PagefindApi, sections: SectionText[], query: string): Promise<RankedResults> {
  const response = await pagefind.search(query);
  const pages = response ? await Promise.all(response.results.map((r) => r.data())) : [];
  const hits: EngineHit[] = pages.flatMap((page) =>
    page.sub_results.filter((s) => s.anchor?.id).map((s) => ({ id: s.anchor!.id!, words: markedWords(s.excerpt) })),
  );
  return rankSections(query, sections, hits);
}
