import type { Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { readSections } from '../../../src/chapter/read-sections.ts';
import { contentDir } from '../../support/paths.ts';
import { readSource, sourceTree } from '../../support/source.ts';

/**
 * Every paragraph (list items hold paragraphs) and table cell of a tree, as the source text
 * it is written with. Header cells are cells too.
 */
function fragments(tree: Root, source: string, skip: (node: RootContent) => boolean = () => false): string[] {
  const out: string[] = [];
  for (const block of tree.children) {
    if (skip(block)) continue;
    visit(block, (n) => {
      if (n.type !== 'paragraph' && n.type !== 'tableCell') return;
      const first = n.children[0]?.position?.start.offset;
      const last = n.children.at(-1)?.position?.end.offset;
      out.push(first === undefined || last === undefined ? '' : source.slice(first, last));
      return 'skip';
    });
  }
  return out.filter((f) => f !== '');
}

const count = (list: string[]) => list.reduce((m, f) => m.set(f, (m.get(f) ?? 0) + 1), new Map<string, number>());

describe('content/ holds each of the chapter’s words once', () => {
  const sections = readSections(contentDir);
  const goldenTree = sourceTree();
  // The 目录 is generated from the headings, so its list is not written anywhere.
  let inToc = false;
  const golden = fragments(goldenTree, readSource(), (node) => {
    if (node.type === 'heading') inToc = toString(node) === '目录';
    return inToc;
  });
  const written = sections.flatMap((s) => fragments(s.tree, s.body));

  it('every paragraph, list item and table cell of the chapter occurs in the section files exactly as often as in the chapter', () => {
    expect(golden.length).toBeGreaterThan(300);
    const want = count(golden);
    const have = count(written);
    const wrong = [...new Set([...want.keys(), ...have.keys()])].filter((f) => want.get(f) !== have.get(f)).map((f) => `${f}: chapter ${want.get(f) ?? 0}, content ${have.get(f) ?? 0}`);
    expect(wrong).toEqual([]);
  });

  it('frontmatter holds no words of the chapter besides the column headers it keys encodings by', () => {
    const headers = new Set(
      sections.flatMap((s) => {
        const out: string[] = [];
        visit(s.tree, 'tableRow', (row, i) => {
          if (i === 0) out.push(...row.children.map((c) => toString(c)));
        });
        return out;
      }),
    );
    const plain = new Set(golden.map((f) => f.replace(/\*\*/g, '').trim()));
    const strings = (value: unknown): string[] =>
      typeof value === 'string' ? [value] : Array.isArray(value) ? value.flatMap(strings) : value && typeof value === 'object' ? Object.entries(value).flatMap(([k, v]) => [k, ...strings(v)]) : [];
    // Chinese words, or any cell or paragraph of the chapter, are the chapter's words.
    const chapterWords = (frontmatter: unknown) => strings(frontmatter).filter((w) => (/\p{Script=Han}/u.test(w) || plain.has(w)) && !headers.has(w));
    expect(sections.flatMap((s) => chapterWords(s.frontmatter))).toEqual([]);
    // A cell copied into the frontmatter, as the figures' rows once were, is caught.
    expect(chapterWords({ figures: { maturity: { form: 'matrix', rows: [['TensorRT', 'NVIDIA GPU 首选']] } } })).toEqual(['TensorRT', 'NVIDIA GPU 首选']);
  });
});
