import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import { describe, expect, it } from 'vitest';
import {
  apa,
  bibtex,
  bibtexKey,
  type CitableWork,
  checkDate,
  chineseNumeral,
  gbt7714,
} from '../../../src/lib/cite.ts';
import { readApa, readBibtex, readGbt7714 } from '../../support/citation-readers.ts';

// The chapter as it is: no known authors, date of publication or larger work, and (here) no history.
const chapter: CitableWork = {
  title: '十四、总结与展望',
  authors: [],
  url: 'https://chapter14.example.org/',
  lang: 'zh-CN',
};
// The same chapter with everything known, for the rules that place each part.
const known: CitableWork = {
  ...chapter,
  containerTitle: '推理优化综述',
  authors: [{ family: '王', given: '小明' }],
  published: '2025-06-30',
  updated: '2026-11-24',
};
const accessed = '2026-11-25';
const people = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    family: `Family${String.fromCharCode(65 + i)}`,
    given: 'Ann Bee',
  }));

describe('GB/T 7714-2015, electronic resource in a larger work', () => {
  const entry = gbt7714(chapter, accessed);

  it('with nothing known besides the title: title, [EB/OL], the cited date in square brackets, the URL, a final full stop', () => {
    // §8.1: under the numeric system an entry with no known author may start with its title;
    // §8.4: an electronic resource may leave out place and publisher. No `//`: no larger work is known.
    expect(entry).toBe('十四、总结与展望[EB/OL]. [2026-11-25]. https://chapter14.example.org/.');
  });

  it('with everything known: authors, title, [EB/OL]//larger work, year of publication, (revision)[cited], URL', () => {
    expect(gbt7714(known, accessed)).toBe(
      '王小明. 十四、总结与展望[EB/OL]//推理优化综述. 2025(2026-11-24)[2026-11-25]. https://chapter14.example.org/.',
    );
  });

  it('puts a known revision date in round brackets directly before the cited date, with or without a year of publication', () => {
    expect(gbt7714({ ...chapter, updated: '2026-03-01' }, accessed)).toContain(
      '[EB/OL]. (2026-03-01)[2026-11-25]. ',
    );
    expect(
      gbt7714({ ...chapter, published: '2025-06', updated: '2026-03-01' }, accessed),
    ).toContain('[EB/OL]. 2025(2026-03-01)[2026-11-25]. ');
  });

  it('gives only the year of a known publication date, before the cited date', () => {
    expect(gbt7714({ ...chapter, published: '2025-06-30' }, accessed)).toContain(
      '[EB/OL]. 2025[2026-11-25]. ',
    );
    expect(gbt7714({ ...chapter, published: '2025' }, accessed)).toContain(
      '[EB/OL]. 2025[2026-11-25]. ',
    );
  });

  it('joins a known larger work with // after the type mark, and names none when it is not known', () => {
    expect(gbt7714({ ...chapter, containerTitle: '推理优化综述' }, accessed)).toMatch(
      /^十四、总结与展望\[EB\/OL\]\/\/推理优化综述\. \[/,
    );
    expect(entry).not.toContain('//推');
  });

  it('uses Western punctuation only, never full-width marks the source title does not have', () => {
    const added = gbt7714(known, accessed)
      .replace(known.title, '')
      .replace(known.containerTitle!, '');
    expect(added).not.toMatch(/[。，：；（）［］]/);
  });

  it('writes Latin names surname first with initials and no full stops; Chinese names as written', () => {
    const one = gbt7714(
      {
        ...chapter,
        authors: [
          { family: 'Vaswani', given: 'Ashish' },
          { family: '王', given: '小明' },
        ],
      },
      accessed,
    );
    expect(one.startsWith('Vaswani A, 王小明. 十四、总结与展望[EB/OL]')).toBe(true);
    expect(
      gbt7714({ ...chapter, authors: [{ family: 'Kwon', given: 'Woo-suk Joseph' }] }, accessed),
    ).toMatch(/^Kwon W S J\. /);
  });

  it('lists at most three authors, then 等 for a Chinese work and et al otherwise', () => {
    expect(gbt7714({ ...chapter, authors: people(3) }, accessed)).toMatch(
      /^FamilyA A B, FamilyB A B, FamilyC A B\. /,
    );
    expect(gbt7714({ ...chapter, authors: people(4) }, accessed)).toMatch(
      /^FamilyA A B, FamilyB A B, FamilyC A B, 等\. /,
    );
    expect(gbt7714({ ...chapter, lang: 'en', authors: people(5) }, accessed)).toMatch(
      /, FamilyC A B, et al\. /,
    );
  });
});

describe('APA 7, a webpage on a website', () => {
  const { text, html } = apa(chapter, accessed);

  it('with no author and no date: the title in the author position, (n.d.), no site name, the retrieval date and URL', () => {
    // §9.12 moves the title to the author position; with no larger work known there is no site name to give.
    expect(text).toBe(
      '十四、总结与展望. (n.d.). Retrieved November 25, 2026, from https://chapter14.example.org/',
    );
  });

  it('with everything known: author, (date of the last update), title, site name, retrieval', () => {
    expect(apa(known, accessed).text).toBe(
      '王小明. (2026, November 24). 十四、总结与展望. 推理优化综述. Retrieved November 25, 2026, from https://chapter14.example.org/',
    );
  });

  it('dates the page by its last update when known, else by its publication to the precision given, else (n.d.)', () => {
    expect(apa({ ...chapter, updated: '2026-11-03' }, accessed).text).toContain(
      '十四、总结与展望. (2026, November 3). Retrieved',
    );
    expect(
      apa({ ...chapter, published: '2025-06-30', updated: '2026-11-03' }, accessed).text,
    ).toContain('(2026, November 3).');
    expect(apa({ ...chapter, published: '2025-06-30' }, accessed).text).toContain(
      '(2025, June 30).',
    );
    expect(apa({ ...chapter, published: '2025-06' }, accessed).text).toContain('(2025, June).');
    expect(apa({ ...chapter, published: '2025' }, accessed).text).toContain('(2025).');
  });

  it('italicises the page title (§10.16), in the author position too, and not the site name', () => {
    expect(html).toMatch(/^<i>十四、总结与展望<\/i>\. \(n\.d\.\)\. /);
    const full = apa(known, accessed).html;
    expect(full).toContain('(2026, November 24). <i>十四、总结与展望</i>. 推理优化综述. Retrieved');
    expect(full).not.toContain('<i>推理优化综述');
  });

  it('ends with the retrieval date and the URL, with no full stop after the URL', () => {
    expect(text.endsWith('Retrieved November 25, 2026, from https://chapter14.example.org/')).toBe(
      true,
    );
  });

  it('formats authors with initials, & before the last, and the ellipsis form beyond twenty', () => {
    expect(
      apa({ ...chapter, authors: [{ family: 'Kwon', given: 'Woosuk' }] }, accessed).text,
    ).toMatch(/^Kwon, W\. \(n\.d\.\)\. 十四/);
    expect(apa({ ...chapter, authors: people(2) }, accessed).text).toMatch(
      /^FamilyA, A\. B\., & FamilyB, A\. B\. \(n\.d\.\)/,
    );
    expect(apa({ ...chapter, authors: people(3) }, accessed).text).toMatch(
      /^FamilyA, A\. B\., FamilyB, A\. B\., & FamilyC, A\. B\. /,
    );
    const many = apa({ ...chapter, authors: [...people(22)] }, accessed).text;
    expect(many).toContain('FamilyS, A. B., . . . FamilyV, A. B.');
    expect(many).not.toContain('FamilyT');
  });

  it('escapes the text it puts into HTML', () => {
    const { html: risky } = apa(
      { ...chapter, title: 'A <b> & B', containerTitle: 'C & <D>' },
      accessed,
    );
    expect(risky).toContain('<i>A &lt;b&gt; &amp; B</i>.');
    expect(risky).toContain(' C &amp; &lt;D&gt;. ');
  });
});

describe('BibTeX', () => {
  it('is read by a BibTeX parser as one @misc entry whose fields are the chapter', () => {
    const { entries, errors } = parseBibtex(bibtex(chapter, accessed));
    expect(errors).toEqual([]);
    expect(entries).toHaveLength(1);
    expect(entries[0].type).toBe('misc');
    expect(entries[0].fields.title).toBe(chapter.title);
    expect(entries[0].fields.url).toBe(chapter.url);
    expect(entries[0].fields.urldate).toBe(accessed);
  });

  it('escapes BibTeX specials so the text survives a round trip', () => {
    const work = { ...chapter, title: 'Q&A: 50% of $x_1$ #1', url: 'https://example.org/a_b%20c' };
    const { entries, errors } = parseBibtex(bibtex(work, accessed));
    expect(errors).toEqual([]);
    expect(entries[0].fields.title).toBe('Q&A: 50% of $x_1$ #1');
    expect(entries[0].fields.url).toBe(work.url);
  });

  it('escapes every BibTeX special, backslash and braces included, so none is read as markup', () => {
    const title = 'a~b^c\\d{e}f & 5% $ # _';
    const { entries, errors } = parseBibtex(bibtex({ ...chapter, title }, accessed));
    expect(errors).toEqual([]);
    expect(entries[0].fields.title).toBe(title);
  });

  it('gives the URL to plain BibTeX in howpublished and notes the access date in words', () => {
    const text = bibtex(chapter, accessed);
    expect(text).toContain('howpublished = {\\url{https://chapter14.example.org/}}');
    const { entries } = parseBibtex(text);
    expect(entries[0].fields.note).toBe('Accessed: 2026-11-25');
    expect(entries[0].fields.langid).toBe(entries[0].fields.language);
    expect(entries[0].fields.language).toBeTruthy();
  });

  it('keeps the title’s case with double braces', () => {
    expect(bibtex(chapter, accessed)).toContain('title = {{十四、总结与展望}}');
  });

  it('with nothing known writes no author, booktitle, year or date field at all, not even an empty one', () => {
    const { entries } = parseBibtex(bibtex(chapter, accessed));
    expect(Object.keys(entries[0].fields).sort()).toEqual([
      'howpublished',
      'langid',
      'language',
      'note',
      'title',
      'url',
      'urldate',
    ]);
  });

  it('dates the entry by its publication, else by the revision cited, and notes a known revision beside the access date', () => {
    const full = parseBibtex(bibtex(known, accessed)).entries[0].fields;
    expect([full.year, full.date, full.booktitle]).toEqual(['2025', '2025-06-30', '推理优化综述']);
    expect(full.note).toBe('Last updated: 2026-11-24. Accessed: 2026-11-25');
    const revised = parseBibtex(bibtex({ ...chapter, updated: '2026-11-24' }, accessed)).entries[0]
      .fields;
    expect([revised.year, revised.date, revised.note]).toEqual([
      '2026',
      '2026-11-24',
      'Last updated: 2026-11-24. Accessed: 2026-11-25',
    ]);
    expect(
      parseBibtex(bibtex({ ...chapter, published: '2025' }, accessed)).entries[0].fields,
    ).toMatchObject({ year: '2025', date: '2025' });
  });

  it('joins authors with "and" as Family, Given; a name written whole stays whole (Sun Yat-sen is not Yat-sen, Sun)', () => {
    const { entries } = parseBibtex(
      bibtex(
        {
          ...chapter,
          authors: [
            { family: 'Kwon', given: 'Woosuk' },
            { family: 'Li', given: 'Zhuohan' },
            { family: 'Sun Yat-sen' },
          ],
        },
        accessed,
      ),
    );
    expect(entries[0].fields.author).toEqual([
      { lastName: 'Kwon', firstName: 'Woosuk' },
      { lastName: 'Li', firstName: 'Zhuohan' },
      { name: 'Sun Yat-sen' },
    ]);
  });

  it('has an ASCII key any engine accepts, from the chapter number when no author is known', () => {
    expect(bibtexKey(chapter)).toBe('chapter14');
    expect(
      bibtexKey({ ...chapter, authors: [{ family: 'Müller' }], published: '2024-01-02' }),
    ).toBe('muller2024');
    expect(bibtexKey({ ...chapter, authors: [{ family: 'Müller' }], updated: '2026-01-02' })).toBe(
      'muller2026',
    );
    expect(bibtexKey({ ...chapter, authors: [{ family: 'Müller' }] })).toBe('mullernd');
    for (const work of [
      chapter,
      { ...chapter, title: '总结' },
      { ...chapter, authors: [{ family: '王' }] },
    ]) {
      expect(bibtexKey(work)).toMatch(/^[A-Za-z][A-Za-z0-9:_-]*$/);
    }
  });
});

describe('dates and numerals', () => {
  it('rejects dates that are not calendar days or not in their form', () => {
    expect(() => gbt7714(chapter, '2026-02-30')).toThrowErrorMatchingInlineSnapshot(
      `[Error: accessed: "2026-02-30" is not a calendar date in the form YYYY-MM-DD]`,
    );
    expect(() => apa(chapter, '2026-11-5')).toThrowErrorMatchingInlineSnapshot(
      `[Error: accessed: "2026-11-5" is not a calendar date in the form YYYY-MM-DD]`,
    );
    expect(() =>
      bibtex({ ...chapter, published: '2026-13' }, accessed),
    ).toThrowErrorMatchingInlineSnapshot(
      `[Error: published: "2026-13" is not a calendar date in the form YYYY-MM-DD, YYYY-MM or YYYY]`,
    );
    // A revision is a day: the history gives one.
    expect(() =>
      gbt7714({ ...chapter, updated: '2026-11' }, accessed),
    ).toThrowErrorMatchingInlineSnapshot(
      `[Error: updated: "2026-11" is not a calendar date in the form YYYY-MM-DD]`,
    );
    expect(checkDate('2024-02-29', 'x')).toEqual({ y: 2024, m: 2, d: 29 });
  });

  it('reads Chinese chapter numerals up to ninety-nine', () => {
    expect([
      chineseNumeral('四'),
      chineseNumeral('十'),
      chineseNumeral('十四'),
      chineseNumeral('二十'),
      chineseNumeral('九十九'),
    ]).toEqual([4, 10, 14, 20, 99]);
    expect(chineseNumeral('十十')).toBeUndefined();
  });
});

describe('without an access date (the reader’s, unknown until a script on the page knows it)', () => {
  it('GB/T 7714 leaves out the date cited, and the block of dates when nothing else is known', () => {
    expect(gbt7714(chapter)).toBe('十四、总结与展望[EB/OL]. https://chapter14.example.org/.');
    expect(gbt7714({ ...chapter, updated: '2026-11-26' })).toBe(
      '十四、总结与展望[EB/OL]. (2026-11-26). https://chapter14.example.org/.',
    );
    expect(gbt7714(known)).toBe(
      '王小明. 十四、总结与展望[EB/OL]//推理优化综述. 2025(2026-11-24). https://chapter14.example.org/.',
    );
  });

  it('APA gives the URL alone, with no retrieval date', () => {
    expect(apa(chapter).text).toBe('十四、总结与展望. (n.d.). https://chapter14.example.org/');
    expect(apa(known).text).toBe(
      '王小明. (2026, November 24). 十四、总结与展望. 推理优化综述. https://chapter14.example.org/',
    );
  });

  it('BibTeX has no urldate and no access date in its note, and still parses', () => {
    const bare = readBibtex(bibtex(chapter));
    expect(bare.fields).not.toHaveProperty('urldate');
    expect(bare.fields).not.toHaveProperty('note');
    expect(readBibtex(bibtex({ ...chapter, updated: '2026-11-26' })).fields.note).toBe(
      'Last updated: 2026-11-26.',
    );
  });
});

describe('reading the three citations back by their styles’ rules', () => {
  it('reads each part of every form, with and without an access date, and every date is a calendar day', () => {
    for (const work of [chapter, known, { ...chapter, updated: '2026-11-26' }]) {
      expect(readGbt7714(gbt7714(work, accessed))).toMatchObject({
        title: work.title,
        url: work.url,
        cited: accessed,
        updated: work.updated,
      });
      expect(readGbt7714(gbt7714(work)).cited).toBeUndefined();
      expect(readApa(apa(work, accessed).text)).toMatchObject({
        url: work.url,
        retrieved: accessed,
      });
      expect(readApa(apa(work).text).retrieved).toBeUndefined();
      expect(readBibtex(bibtex(work, accessed)).urldate).toBe(accessed);
      expect(readBibtex(bibtex(work)).urldate).toBeUndefined();
    }
    expect(readApa(apa(known).text).date).toBe('2026-11-24');
  });

  it('rejects the placeholders the panel once showed, and a date that is no day', () => {
    const url = 'https://chapter14.example.org/';
    expect(() => readGbt7714(`十四、总结与展望[EB/OL]. [YYYY-MM-DD]. ${url}.`)).toThrow(
      /placeholder "YYYY"/,
    );
    expect(() => readApa(`十四、总结与展望. (n.d.). Retrieved Month D, YYYY, from ${url}`)).toThrow(
      /placeholder/,
    );
    expect(() =>
      readBibtex(
        `@misc{chapter14,\n  title = {{十四、总结与展望}},\n  url = {${url}},\n  urldate = {YYYY-MM-DD},\n}\n`,
      ),
    ).toThrow(/placeholder/);
    expect(() => readGbt7714(`十四、总结与展望[EB/OL]. [2026-02-30]. ${url}.`)).toThrow(
      /not a day on the calendar/,
    );
    expect(() =>
      readApa(`十四、总结与展望. (n.d.). Retrieved February 30, 2026, from ${url}`),
    ).toThrow(/not a day on the calendar/);
    expect(() =>
      readBibtex(`@misc{chapter14,\n  url = {${url}},\n  urldate = {2026-13-01},\n}\n`),
    ).toThrow(/not a day on the calendar/);
  });
});
