import type { Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { SKIP, visit } from 'unist-util-visit';
import { type FigureModel, withoutCitations } from '../lib/figures/model.ts';
import { headingOf } from '../lib/headings.ts';
import type { TermLocation } from '../lib/term-index.ts';
import { figureName, isFigureElement } from './figures.ts';
import type { SectionSource } from './read-sections.ts';

/** Headings whose sections are not indexed: the reference list is not the chapter's prose. */
const UNINDEXED = new Set(['参考文献']);

/**
 * Every place a term can be found, in reading order: each h2/h3 section's own text (not its
 * subsections'), and each row of each figure, with the section the figure sits in.
 */
export function termLocations(
  sections: readonly SectionSource[],
  figures: ReadonlyMap<string, FigureModel>,
): TermLocation[] {
  const out: TermLocation[] = [];
  for (const section of sections) {
    let current: TermLocation | undefined;
    for (const node of section.tree.children) {
      if (node.type === 'heading') {
        const { id, text: label } = headingOf(node);
        current =
          node.depth >= 2 && !UNINDEXED.has(label)
            ? { id, label, kind: 'section', sectionId: id, sectionLabel: label, text: '' }
            : undefined;
        if (current) out.push(current);
        continue;
      }
      if (!current) continue;
      const figure = isFigureElement(node) ? figures.get(figureName(node) ?? '') : undefined;
      if (figure) {
        for (const row of figure.rows) {
          out.push({
            id: row.id,
            label: row.label,
            kind: 'row',
            sectionId: current.sectionId,
            sectionLabel: current.sectionLabel,
            text: row.cells.map((c) => withoutCitations(c.text)).join('\n'),
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
export function blockText(node: RootContent): string {
  const parts: string[] = [];
  visit({ type: 'root', children: [node] } as Root, (n) => {
    if (n.type === 'paragraph' || n.type === 'tableCell' || n.type === 'heading') {
      parts.push(toString(n));
      return SKIP;
    }
  });
  return parts.join('\n');
}
