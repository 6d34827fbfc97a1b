import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SectionText } from '../../src/lib/search/sections.ts';
import { chapterDocument, termsDocument } from '../support/dist.ts';
import { distDir } from '../support/paths.ts';
import { sectionTextsFromDocument } from '../support/section-texts.ts';

describe('search’s section texts, derived from the chapter model', () => {
  const derived = JSON.parse(
    fs.readFileSync(path.join(distDir, 'pagefind', 'chapter-sections.json'), 'utf8'),
  ) as SectionText[];
  // The chapter's page, then the term index's own page, as the site shows them.
  const shown = [
    ...sectionTextsFromDocument(chapterDocument()),
    ...sectionTextsFromDocument(termsDocument()).map((s) => ({ ...s, page: 'terms/' })),
  ];

  it('cover the site’s sections, page by page in the pages’ order, each under the id Pagefind gives its sub-result and with its page', () => {
    expect(derived.map((s) => [s.id, s.title, s.page ?? ''])).toEqual(
      shown.map((s) => [s.id, s.title, s.page ?? '']),
    );
  });

  it('hold, for every section of the chapter and every entry of the term index, the text the page shows, word for word', () => {
    // The opening and its 19 sections and the term index's section; on the index's page its two parts and its 94 entries.
    expect(derived.filter((s) => !s.entry && !s.id.startsWith('术语索引')).length).toBe(20);
    expect(derived.filter((s) => s.entry).length).toBe(94);
    for (const s of derived) expect(s.text, s.id).toBe(shown.find((x) => x.id === s.id)!.text);
    // The names of an entry stay apart, as the page draws them.
    expect(derived.find((s) => s.id === 'term-推测解码')!.text).toMatch(
      /^推测解码 Speculative Decoding tui ce jie ma /,
    );
  });

  it('name as labels what the page sets off: bold lead-ins, header cells and the cells that head figure rows', () => {
    const split = (labels: string) =>
      labels
        .split('|')
        .map((l) => l.trim())
        .filter(Boolean);
    for (const s of derived)
      expect(split(s.labels), s.id).toEqual(split(shown.find((x) => x.id === s.id)!.labels));
  });
});
