import type { Root, RootContent, Text } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { SKIP, visit } from 'unist-util-visit';
import type { ContentProblem } from '../lib/content-error.ts';
import {
  type CitationIndex,
  type CitationSite,
  parseCitationMarkers,
  referenceEntryNumber,
} from '../lib/citations.ts';
import { type Heading, headingOf } from '../lib/headings.ts';
import type { SectionSource } from './read-sections.ts';

/** Ids of citations in running text: unique per file stem, so two files never collide. */
export function textCitationId(n: number, fileKey: string, k: number): string {
  return `cite-${n}-${fileKey}-${k}`;
}

/** What a section file's citation ids are keyed by: its stem without the order (`01-summary` → `summary`). */
export function fileKeyOf(file: { stem?: string }): string {
  return (file.stem ?? 'chapter').replace(/^\d+-/, '');
}

export interface FoundCitation {
  node: Text;
  parent: Extract<RootContent, { children: unknown[] }> | Root;
  /** The heading it sits under (none before the first). */
  section: Pick<Heading, 'text' | 'id'>;
}

/**
 * Walks a section's tree in reading order and yields every text node holding citation markers,
 * with the heading it sits under. Reference-list entries (`[n] …` paragraphs) are not citations.
 * The citation plugin links the citations with this same walk, so ids and back-links agree.
 */
export function findCitationTexts(tree: Root): FoundCitation[] {
  const found: FoundCitation[] = [];
  let section: FoundCitation['section'] = { text: '', id: '' };
  visit(tree, (node, _i, parent) => {
    if (node.type === 'heading') {
      section = headingOf(node);
      return SKIP;
    }
    if (node.type === 'paragraph' && referenceEntryNumber(toString(node)) !== undefined)
      return SKIP;
    if (node.type === 'link' || node.type === 'inlineCode' || node.type === 'code') return SKIP;
    if (node.type === 'text' && parent && parseCitationMarkers(node.value).length > 0) {
      found.push({ node, parent: parent as FoundCitation['parent'], section });
    }
  });
  return found;
}

/** A citation site as the model finds it, with where it is written. */
interface FoundSite extends Omit<CitationSite, 'occurrence'> {
  line?: number;
  column?: number;
}

/** Citation sites of one section file (prose and table cells alike), in reading order, numbered from 1 per reference. */
function citationSitesOf(tree: Root, fileKey: string): FoundSite[] {
  const counts = new Map<number, number>();
  const sites: FoundSite[] = [];
  for (const { node, section } of findCitationTexts(tree)) {
    for (const marker of parseCitationMarkers(node.value)) {
      // Where the marker is in the file: the text's start moved on by what precedes it.
      const before = node.value.slice(0, marker.start);
      const lines = before.split('\n');
      const start = node.position?.start;
      const line = start && start.line + lines.length - 1;
      const column =
        start && (lines.length > 1 ? lines.at(-1)!.length + 1 : start.column + before.length);
      for (const n of marker.numbers) {
        const k = (counts.get(n) ?? 0) + 1;
        counts.set(n, k);
        sites.push({
          reference: n,
          id: textCitationId(n, fileKey, k),
          section: section.text,
          sectionId: section.id,
          line,
          column,
        });
      }
    }
  }
  return sites;
}

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
