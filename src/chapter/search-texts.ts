import type { PhrasingContent, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { sectionShortLabel } from '../lib/citations.ts';
import type { SectionText } from '../lib/search/sections.ts';
import { normaliseSpace } from '../lib/search/sections.ts';
import { headingOf } from '../lib/headings.ts';
import { tablesWithCaptions } from '../lib/tables.ts';
import {
  groupsOf,
  TERM_INDEX_LINK,
  TERM_INDEX_PATH,
  TERM_INDEX_TITLE,
  type TermIndex,
  termGloss,
  termIndexIntro,
  termIndexParts,
} from '../lib/term-index.ts';
import type { FigureModel } from '../lib/figures/model.ts';
import { figureName, isFigureElement } from './figures.ts';
import type { SectionSource } from './read-sections.ts';

/**
 * Each section of the chapter as search ranks it: the text from a heading to the next one
 * (the same boundaries Pagefind uses for sub-results), and the words the chapter sets off as
 * labels (bold lead-ins, header cells, the cells that head a figure's rows).
 */
export function chapterSearchTexts(
  sections: readonly SectionSource[],
  figures: ReadonlyMap<string, FigureModel>,
): SectionText[] {
  const out: SectionText[] = [];
  for (const section of sections) {
    const captions = new Map(tablesWithCaptions(section.tree).map((t) => [t.table, t.caption]));
    let current: { id: string; title: string; text: string[]; labels: string[] } | undefined;
    const flush = () =>
      current &&
      out.push({
        id: current.id,
        title: current.title,
        text: normaliseSpace(current.text.join(' ')),
        labels: current.labels.join(' | '),
      });
    for (const node of section.tree.children) {
      if (node.type === 'heading') {
        flush();
        const { id, text: title } = headingOf(node);
        current = { id, title, text: [], labels: [] };
        continue;
      }
      if (!current) continue;
      const rowHeads = isFigureElement(node)
        ? figures.get(figureName(node) ?? '')?.idColumn
        : undefined;
      collect(node, current, captions, rowHeads);
    }
    flush();
  }
  return out;
}

function collect(
  node: RootContent | Root,
  into: { text: string[]; labels: string[] },
  captions: Map<unknown, string>,
  rowHeads: number | undefined,
) {
  if (node.type === 'table') {
    const caption = captions.get(node);
    if (caption) into.text.push(caption);
    node.children.forEach((row, r) =>
      row.children.forEach((cell, c) => {
        into.text.push(toString(cell));
        // Header cells and the cells that head a figure's rows are labels, as their `th` is on the page.
        if (r === 0 || c === rowHeads) into.labels.push(toString(cell));
        else strongTexts(cell.children, into.labels);
      }),
    );
    return;
  }
  if (node.type === 'paragraph' || node.type === 'heading') {
    into.text.push(toString(node));
    strongTexts(node.children, into.labels);
    return;
  }
  if ('children' in node)
    for (const child of node.children as RootContent[]) collect(child, into, captions, rowHeads);
}

function strongTexts(children: readonly PhrasingContent[], labels: string[]) {
  for (const child of children) {
    if (child.type === 'strong') labels.push(toString(child));
    else if ('children' in child) strongTexts(child.children as PhrasingContent[], labels);
  }
}

/**
 * The term index as search sees it, as the site draws it: on the chapter's page, the index's
 * section (what it holds, and the link to its page); on its own page, each part's heading, then
 * one section per entry (its names, then the places it lists), which Pagefind makes a
 * sub-result of its own. The letters are for finding one's way and are not searched.
 */
export function termIndexSearchTexts(index: TermIndex, id: string): SectionText[] {
  const page = TERM_INDEX_PATH;
  const out: SectionText[] = [
    { id, title: TERM_INDEX_TITLE, text: `${termIndexIntro(index)}${TERM_INDEX_LINK}`, labels: '' },
  ];
  for (const part of termIndexParts) {
    out.push({ id: `${id}-${part.key}`, title: part.heading, text: '', labels: '', page });
    for (const t of groupsOf(index, part.key).flatMap((g) => g.terms)) {
      const names = [t.name, termGloss(t), t.pinyin ?? ''];
      const places = t.places.map(
        (p) =>
          sectionShortLabel(p.sectionLabel) +
          (p.rows.length ? `（表：${p.rows.map((r) => r.label).join('、')}）` : ''),
      );
      out.push({
        id: t.id,
        title: t.name,
        text: normaliseSpace([...names, ...places].join(' ')),
        labels: '',
        entry: true,
        page,
      });
    }
  }
  return out;
}
