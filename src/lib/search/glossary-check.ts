import { resultsFor } from './engine.ts';
import { type Glossary, namesOf } from './glossary.ts';
import type { SectionText } from './sections.ts';

/**
 * Searches for every name of every glossary term the way the dialog does and says what a reader
 * would miss: a name that does not bring up its term's card, or that does not find every section
 * the term index lists for the term. Empty when every name can be found. What the engine matches
 * adds only partial matches, so the whole matches a reader sees first are checked without it.
 */
export function unfindableNames(sections: SectionText[], glossary: Glossary): string[] {
  const problems: string[] = [];
  for (const term of glossary.terms) {
    const listed = term.places.map((p) => p.sectionId);
    for (const name of namesOf(term)) {
      const results = resultsFor(name, sections, [], glossary);
      if (results.term?.entryId !== term.entryId) {
        problems.push(`"${name}" (a name of "${term.name}") does not bring up the term`);
        continue;
      }
      const found = new Set(results.whole.map((r) => r.id));
      const missed = listed.filter((id) => !found.has(id));
      if (found.size === 0) problems.push(`"${name}" (a name of "${term.name}") finds no section`);
      else if (missed.length)
        problems.push(
          `"${name}" (a name of "${term.name}") misses ${missed.join(', ')}, which the term index lists`,
        );
    }
  }
  return problems;
}
