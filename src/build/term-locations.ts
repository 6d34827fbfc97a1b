import type { Heading, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { SKIP, visit } from 'unist-util-visit';
import { buildFigure, plainCell } from '../lib/figures/model.ts';
import { slugForHeading } from '../lib/slug.ts';
import type { TermLocation } from '../lib/term-index.ts';
import { figureOf, type SectionSource } from './chapter-sources.ts';

/** Headings whose sections are not indexed: the reference list is not the chapter's prose. */
const UNINDEXED = new Set(['参考文献']);

/**
 * Every place a term can be found, in reading order: each h2/h3 section's own text (not its
 * subsections'), and each row of each figure, with the section the figure sits in.
 */
export function termLocations(sections: SectionSource[]): TermLocation[] {
  const out: TermLocation[] = [];
  for (const section of sections) {
    let current: TermLocation | undefined;
    for (const node of section.tree.children) {
      if (node.type === 'heading') {
        const label = toString(node as Heading);
        const id = slugForHeading(label);
        current = node.depth >= 2 && !UNINDEXED.has(label) ? { id, label, kind: 'section', sectionId: id, sectionLabel: label, text: '' } : undefined;
        if (current) out.push(current);
        continue;
      }
      if (!current) continue;
      const figure = figureOf(section, node);
      if (figure) {
        for (const row of buildFigure(figure.data).rows) {
          out.push({
            id: row.id,
            label: plainCell(figure.data.rows[row.order][figure.data.idColumn]),
            kind: 'row',
            sectionId: current.sectionId,
            sectionLabel: current.sectionLabel,
            text: row.cells.map((c) => plainCell(c.text)).join('\n'),
          });
        }
        continue;
      }
      current.text += (current.text ? '\n' : '') + blockText(node);
    }
  }
  return out;
}

/**
 * Text of a block with a line break between paragraphs and table cells: cells run together
 * would make `W4A16` and `10-20x` one word and hide a term at a word boundary.
 */
function blockText(node: RootContent): string {
  const parts: string[] = [];
  visit({ type: 'root', children: [node] } as Root, (n) => {
    if (n.type === 'paragraph' || n.type === 'tableCell' || n.type === 'heading') {
      parts.push(toString(n));
      return SKIP;
    }
  });
  return parts.join('\n');
}
