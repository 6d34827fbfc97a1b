import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { type CitationIndex, referenceEntryNumber } from '../lib/citations.ts';
import { citationSitesOf, fileKeyOf } from '../plugins/remark-citations.ts';
import type { ContentProblem } from '../lib/content-error.ts';
import type { SectionSource } from './read-sections.ts';

/**
 * Every reference entry and every place that cites one, in reading order across the section
 * files, so the reference list can link back to each citation. A citation of a reference the
 * list does not have is a problem at the place it is written.
 */
export function buildCitationIndex(sections: readonly SectionSource[]): {
  index: CitationIndex;
  problems: ContentProblem[];
} {
  const references: number[] = [];
  for (const s of sections) {
    visit(s.tree, 'paragraph', (p) => {
      const n = referenceEntryNumber(toString(p));
      if (n !== undefined) references.push(n);
    });
  }
  const known = new Set(references);
  const problems: ContentProblem[] = [];
  const occurrences = new Map<number, number>();
  const sites = sections.flatMap((s) =>
    citationSitesOf(s.tree, fileKeyOf({ stem: s.stem })).map(({ line, column, ...site }) => {
      if (!known.has(site.reference)) {
        problems.push({
          file: s.file,
          line,
          column,
          message: `citation [${site.reference}] refers to a reference that is not in the reference list (it has: ${references.join(', ') || 'none'})`,
          hint: 'Cite a number the reference list has, or add the entry to the list as a paragraph starting with "[n] ".',
        });
      }
      const occurrence = (occurrences.get(site.reference) ?? 0) + 1;
      occurrences.set(site.reference, occurrence);
      return { ...site, occurrence };
    }),
  );
  return { index: { references, sites }, problems };
}
