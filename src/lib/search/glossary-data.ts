import { sectionShortLabel } from '../citations.ts';
import type { TermEntry } from '../schemas/terms.ts';
import type { TermIndex } from '../term-index.ts';
import type { Glossary, GlossaryTerm } from './glossary.ts';

/**
 * What search needs to know about the glossary, written at build next to Pagefind's bundle and
 * loaded with it on first open: every term's names (from the data file) and its entry and
 * places (from the term index), in the index's order.
 */
export function glossaryForSearch(terms: readonly TermEntry[], index: TermIndex): Glossary {
  const byName = new Map(terms.map((t) => [t.name, t]));
  return {
    terms: [...index.latin, ...index.han].flatMap((group) =>
      group.terms.map((indexed): GlossaryTerm => {
        const entry = byName.get(indexed.name);
        if (!entry)
          throw new Error(`the term index lists "${indexed.name}", which the data file does not`);
        return {
          name: entry.name,
          ...(entry.en && { en: entry.en }),
          ...(entry.zh && { zh: entry.zh }),
          ...(entry.aliases?.length && { aliases: entry.aliases }),
          ...(entry.excludes?.length && { excludes: entry.excludes }),
          ...(entry.pinyin && { pinyin: entry.pinyin }),
          entryId: indexed.id,
          places: indexed.places.map((p) => ({
            sectionId: p.sectionId,
            label: sectionShortLabel(p.sectionLabel),
            inText: p.inText,
            rows: p.rows,
          })),
        };
      }),
    ),
  };
}
