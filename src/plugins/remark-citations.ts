import type { Link, Paragraph, PhrasingContent, Root, Text } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { fileKeyOf, findCitationTexts, textCitationId } from '../chapter/citations.ts';
import {
  backlinkLabels,
  type CitationSite,
  parseCitationMarkers,
  referenceEntryNumber,
  referenceId,
} from '../lib/citations.ts';

export interface RemarkCitationsOptions {
  /** Reference numbers that exist in the reference list. */
  references: readonly number[];
  /** Every citation site of the chapter, in reading order (for the reference list's back-links). */
  sites: readonly CitationSite[];
}

/**
 * `[n]` / `[n,m]` in running text become links to the reference entries (the brackets and commas
 * stay as text, so the sentence reads exactly as written); each reference entry gets an id and a
 * list of back-links to every place that cites it. A citation of a missing reference fails.
 */
export default function remarkCitations(options: RemarkCitationsOptions) {
  const known = new Set(options.references);
  return (tree: Root, file: VFile) => {
    linkCitations(tree, file, known);
    visit(tree, 'paragraph', (paragraph: Paragraph) => {
      const n = referenceEntryNumber(toString(paragraph));
      if (n === undefined) return SKIP;
      paragraph.data = {
        ...paragraph.data,
        hProperties: { id: referenceId(n), className: ['reference'] },
      };
      const links = backlinkLabels(options.sites.filter((s) => s.reference === n));
      if (links.length > 0) paragraph.children.push(text(' '), backlinks(links));
      return SKIP;
    });
  };
}

/** Each citation marker of a file's running text, its numbers made links and its brackets and commas kept as written. */
function linkCitations(tree: Root, file: VFile, known: ReadonlySet<number>) {
  const fileKey = fileKeyOf(file);
  const counts = new Map<number, number>();
  for (const { node, parent } of findCitationTexts(tree)) {
    const pieces: PhrasingContent[] = [];
    let cursor = 0;
    for (const marker of parseCitationMarkers(node.value)) {
      pieces.push(text(node.value.slice(cursor, marker.start) + '['));
      // Keep the separators as written (`1,3` or `1, 3`).
      const inner = node.value.slice(marker.start + 1, marker.end - 1);
      inner.split(/(\s*,\s*)/).forEach((part, i) => {
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
}

/** A reference entry's list of back-links, one to each place that cites it. */
function backlinks(links: ReturnType<typeof backlinkLabels>): PhrasingContent {
  return {
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
