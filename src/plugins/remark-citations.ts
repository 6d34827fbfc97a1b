import type { Link, Paragraph, PhrasingContent, Root, RootContent, Text } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import {
  backlinkLabels,
  type CitationSite,
  parseCitationMarkers,
  referenceEntryNumber,
  referenceId,
} from '../lib/citations.ts';
import { slugForHeading } from '../lib/slug.ts';

export interface RemarkCitationsOptions {
  /** Reference numbers that exist in the reference list. */
  references: readonly number[];
  /** Every citation site of the chapter, in reading order (for the reference list's back-links). */
  sites: readonly CitationSite[];
}

/** Ids of citations in running text: unique per file stem, so two files never collide. */
export function textCitationId(n: number, fileKey: string, k: number): string {
  return `cite-${n}-${fileKey}-${k}`;
}

export function fileKeyOf(file: Pick<VFile, 'stem'>): string {
  return (file.stem ?? 'chapter').replace(/^\d+-/, '');
}

interface FoundCitation {
  node: Text;
  parent: Extract<RootContent, { children: unknown[] }> | Root;
  section: string;
}

/**
 * Walks a section's tree in reading order and yields every text node holding citation markers,
 * with the heading it sits under. Reference-list entries (`[n] …` paragraphs) are not citations.
 * The build's citation index uses this same walk, so ids and back-links always agree.
 */
export function findCitationTexts(tree: Root): FoundCitation[] {
  const found: FoundCitation[] = [];
  let section = '';
  visit(tree, (node, _i, parent) => {
    if (node.type === 'heading') {
      section = toString(node);
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

/** A citation site as the build finds it, with where it is written. */
export interface FoundSite extends Omit<CitationSite, 'occurrence'> {
  line?: number;
  column?: number;
}

/** Citation sites of one section file (prose and table cells alike), in reading order, numbered from 1 per reference. */
export function citationSitesOf(tree: Root, fileKey: string): FoundSite[] {
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
          section,
          sectionId: slugForHeading(section),
          line,
          column,
        });
      }
    }
  }
  return sites;
}

/**
 * `[n]` / `[n,m]` in running text become links to the reference entries (the brackets and commas
 * stay as text, so the sentence reads exactly as written); each reference entry gets an id and a
 * list of back-links to every place that cites it. A citation of a missing reference fails.
 */
export default function remarkCitations(options: RemarkCitationsOptions) {
  const known = new Set(options.references);
  return (tree: Root, file: VFile) => {
    const fileKey = fileKeyOf(file);
    const counts = new Map<number, number>();
    for (const { node, parent } of findCitationTexts(tree)) {
      const pieces: PhrasingContent[] = [];
      let cursor = 0;
      for (const marker of parseCitationMarkers(node.value)) {
        pieces.push(text(node.value.slice(cursor, marker.start) + '['));
        // Keep the separators as written (`1,3` or `1, 3`).
        const inner = node.value.slice(marker.start + 1, marker.end - 1);
        const parts = inner.split(/(\s*,\s*)/);
        parts.forEach((part, i) => {
          if (i % 2 === 1) return pieces.push(text(part));
          const n = Number(part);
          if (!known.has(n)) {
            file.fail(
              `Citation [${inner}] refers to reference [${n}], which is not in the reference list (known: ${[...known].join(', ')})`,
              node,
              'remark-citations:missing-reference',
            );
          }
          const k = (counts.get(n) ?? 0) + 1;
          counts.set(n, k);
          pieces.push(citationLink(n, textCitationId(n, fileKey, k)));
        });
        pieces.push(text(']'));
        cursor = marker.end;
      }
      pieces.push(text(node.value.slice(cursor)));
      const siblings = parent.children as PhrasingContent[];
      siblings.splice(
        siblings.indexOf(node),
        1,
        ...pieces.filter((p) => p.type !== 'text' || p.value !== ''),
      );
    }

    visit(tree, 'paragraph', (paragraph: Paragraph) => {
      const n = referenceEntryNumber(toString(paragraph));
      if (n === undefined) return SKIP;
      paragraph.data = {
        ...paragraph.data,
        hProperties: { id: referenceId(n), className: ['reference'] },
      };
      const links = backlinkLabels(options.sites.filter((s) => s.reference === n));
      if (links.length === 0) return SKIP;
      paragraph.children.push(text(' '), {
        type: 'emphasis',
        data: {
          hName: 'span',
          hProperties: { className: ['backrefs'], 'data-pagefind-ignore': 'all' },
        },
        children: [
          {
            type: 'emphasis',
            data: { hName: 'span', hProperties: { className: ['backrefs-label'] } },
            children: [text('引用位置')],
          },
          ...links.flatMap((l): PhrasingContent[] => [
            text(' '),
            {
              type: 'link',
              url: '#' + l.id,
              data: { hProperties: { 'aria-label': l.label, className: ['backref'] } },
              children: [text('↩\uFE0E' + l.text)],
            },
          ]),
        ],
      });
      return SKIP;
    });
  };
}

function text(value: string): Text {
  return { type: 'text', value };
}

function citationLink(n: number, id: string): Link {
  return {
    type: 'link',
    url: '#' + referenceId(n),
    data: { hProperties: { id, className: ['citation'], 'data-ref': String(n) } },
    children: [text(String(n))],
  };
}
