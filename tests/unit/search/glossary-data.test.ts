import { describe, expect, it } from 'vitest';
import { unfindableNames } from '../../../src/lib/search/glossary-check.ts';
import { glossaryForSearch } from '../../../src/lib/search/glossary-data.ts';
import type { Glossary } from '../../../src/lib/search/glossary.ts';
import type { SectionText } from '../../../src/lib/search/sections.ts';
import type { TermEntry } from '../../../src/lib/schemas/terms.ts';
import { buildTermIndex, type TermLocation } from '../../../src/lib/term-index.ts';

const section = (id: string, text: string): TermLocation => ({
  id,
  label: `${id} 小节`,
  kind: 'section',
  sectionId: id,
  sectionLabel: `${id} 小节`,
  text,
});

describe('the glossary search loads', () => {
  const terms: TermEntry[] = [
    {
      name: '推测解码',
      pinyin: 'tui ce jie ma',
      en: 'Speculative Decoding',
      aliases: ['投机解码'],
    },
    { name: 'Triton', excludes: ['Triton Server'] },
  ];
  const locations = [
    section('14.1.2', '推测解码 与 Triton'),
    {
      id: 'row-x',
      label: 'X 行',
      kind: 'row' as const,
      sectionId: '14.3.1',
      sectionLabel: '14.3.1 小节',
      text: '推测解码',
    },
  ];

  it('has every name from the data file and every place from the term index, in the index’s order', () => {
    const glossary = glossaryForSearch(terms, buildTermIndex(terms, locations));
    expect(glossary).toEqual({
      terms: [
        {
          name: 'Triton',
          excludes: ['Triton Server'],
          entryId: 'term-triton',
          places: [{ sectionId: '14.1.2', label: '14.1.2', inText: true, rows: [] }],
        },
        {
          name: '推测解码',
          en: 'Speculative Decoding',
          aliases: ['投机解码'],
          pinyin: 'tui ce jie ma',
          entryId: 'term-推测解码',
          places: [
            { sectionId: '14.1.2', label: '14.1.2', inText: true, rows: [] },
            {
              sectionId: '14.3.1',
              label: '14.3.1',
              inText: false,
              rows: [{ id: 'row-x', label: 'X 行' }],
            },
          ],
        },
      ],
    });
  });
});

describe('the build’s check that every name can be found', () => {
  const sections: SectionText[] = [
    { id: 'a', title: '14.1 甲', text: '推测解码 的原理', labels: '' },
    { id: 'b', title: '14.2 乙', text: 'Speculative Decoding 的实现', labels: '' },
  ];
  const term = (extra: Partial<Glossary['terms'][number]>) => ({
    name: '推测解码',
    en: 'Speculative Decoding',
    entryId: 'term-推测解码',
    places: [{ sectionId: 'a', label: '14.1', inText: true, rows: [] }],
    ...extra,
  });

  it('passes when every name brings up its term and the places the index lists', () => {
    expect(unfindableNames(sections, { terms: [term({})] })).toEqual([]);
  });

  // A name of only hyphens and spaces has an empty match key: no query can name the term by it.
  it('names a name that cannot bring up its term, and a listed place search does not find', () => {
    const problems = unfindableNames(sections, {
      terms: [
        term({
          aliases: ['- -'],
          places: [
            { sectionId: 'a', label: '14.1', inText: true, rows: [] },
            { sectionId: 'c', label: '14.3', inText: true, rows: [] },
          ],
        }),
      ],
    });
    expect(problems).toEqual([
      '"推测解码" (a name of "推测解码") misses c, which the term index lists',
      '"Speculative Decoding" (a name of "推测解码") misses c, which the term index lists',
      '"- -" (a name of "推测解码") does not bring up the term',
    ]);
  });
});
