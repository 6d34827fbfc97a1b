import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import { describe, expect, it } from 'vitest';
import { apa, bibtex, bibtexKey, type CitableWork, checkDate, chineseNumeral, gbt7714 } from '../../../src/lib/cite.ts';

// The chapter as it is: no known authors and no known date of publication.
const chapter: CitableWork = {
  title: '十四、总结与展望',
  containerTitle: 'AI 推理优化技术',
  authors: [],
  url: 'https://chapter14.example.org/',
  lang: 'zh-CN',
};
const accessed = '2026-11-25';
const people = (n: number) => Array.from({ length: n }, (_, i) => ({ family: `Family${String.fromCharCode(65 + i)}`, given: 'Ann Bee' }));

describe('GB/T 7714-2015, electronic resource in a larger work', () => {
  const entry = gbt7714(chapter, accessed);

  it('marks the type and carrier [EB/OL] right after the title, then // and the containing work', () => {
    expect(entry).toMatch(/^十四、总结与展望\[EB\/OL\]\/\/AI 推理优化技术\. /);
  });

  it('with no known author the entry starts with the title (allowed under the numeric system)', () => {
    expect(entry.startsWith(chapter.title)).toBe(true);
  });

  it('gives the cited date in square brackets as YYYY-MM-DD, then the URL, ending with a full stop', () => {
    expect(entry).toMatch(/\. \[2026-11-25\]\. https:\/\/chapter14\.example\.org\/\.$/);
  });

  it('puts a known revision date in round brackets directly before the cited date', () => {
    expect(gbt7714({ ...chapter, issued: '2026-03-01' }, accessed)).toContain('. (2026-03-01)[2026-11-25]. ');
  });

  it('uses Western punctuation only, never full-width marks the source title does not have', () => {
    const added = entry.replace(chapter.title, '').replace(chapter.containerTitle, '');
    expect(added).not.toMatch(/[。，：；（）［］]/);
  });

  it('writes Latin names surname first with initials and no full stops; Chinese names as written', () => {
    const one = gbt7714({ ...chapter, authors: [{ family: 'Vaswani', given: 'Ashish' }, { family: '王', given: '小明' }] }, accessed);
    expect(one.startsWith('Vaswani A, 王小明. 十四、总结与展望[EB/OL]')).toBe(true);
    expect(gbt7714({ ...chapter, authors: [{ family: 'Kwon', given: 'Woo-suk Joseph' }] }, accessed)).toMatch(/^Kwon W S J\. /);
  });

  it('lists at most three authors, then 等 for a Chinese work and et al otherwise', () => {
    expect(gbt7714({ ...chapter, authors: people(3) }, accessed)).toMatch(/^FamilyA A B, FamilyB A B, FamilyC A B\. /);
    expect(gbt7714({ ...chapter, authors: people(4) }, accessed)).toMatch(/^FamilyA A B, FamilyB A B, FamilyC A B, 等\. /);
    expect(gbt7714({ ...chapter, lang: 'en', authors: people(5) }, accessed)).toMatch(/, FamilyC A B, et al\. /);
  });
});

describe('APA 7, a page on a website', () => {
  const { text, html } = apa(chapter, accessed);

  it('with no author the title takes the author position, followed by the date element', () => {
    expect(text.startsWith('十四、总结与展望. (n.d.). ')).toBe(true);
  });

  it('writes (n.d.) without a date and (Year, Month Day) with one', () => {
    expect(text).toContain('(n.d.)');
    expect(apa({ ...chapter, issued: '2026-11-03' }, accessed).text).toContain('(2026, November 3).');
  });

  it('italicises the site name, not the chapter title', () => {
    expect(html).toContain('<i>AI 推理优化技术</i>.');
    expect(html).not.toContain('<i>十四');
  });

  it('ends with the retrieval date and the URL, with no full stop after the URL', () => {
    expect(text.endsWith('Retrieved November 25, 2026, from https://chapter14.example.org/')).toBe(true);
  });

  it('formats authors with initials, & before the last, and the ellipsis form beyond twenty', () => {
    expect(apa({ ...chapter, authors: [{ family: 'Kwon', given: 'Woosuk' }] }, accessed).text).toMatch(/^Kwon, W\. \(n\.d\.\)\. 十四/);
    expect(apa({ ...chapter, authors: people(2) }, accessed).text).toMatch(/^FamilyA, A\. B\., & FamilyB, A\. B\. \(n\.d\.\)/);
    expect(apa({ ...chapter, authors: people(3) }, accessed).text).toMatch(/^FamilyA, A\. B\., FamilyB, A\. B\., & FamilyC, A\. B\. /);
    const many = apa({ ...chapter, authors: [...people(22)] }, accessed).text;
    expect(many).toContain('FamilyS, A. B., . . . FamilyV, A. B.');
    expect(many).not.toContain('FamilyT');
  });

  it('escapes the text it puts into HTML', () => {
    const { html: risky } = apa({ ...chapter, title: 'A <b> & B', containerTitle: 'C & <D>' }, accessed);
    expect(risky).toContain('A &lt;b&gt; &amp; B.');
    expect(risky).toContain('<i>C &amp; &lt;D&gt;</i>');
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

  it('keeps the title’s case with double braces and gives a year only when the date is known', () => {
    const text = bibtex(chapter, accessed);
    expect(text).toContain('title = {{十四、总结与展望}}');
    expect(text).not.toMatch(/\byear\b/);
    expect(bibtex({ ...chapter, issued: '2025-06-30' }, accessed)).toMatch(/year = \{2025\}/);
  });

  it('joins authors with "and" as Family, Given', () => {
    const { entries } = parseBibtex(bibtex({ ...chapter, authors: [{ family: 'Kwon', given: 'Woosuk' }, { family: 'Li', given: 'Zhuohan' }] }, accessed));
    expect(entries[0].fields.author).toEqual([
      { lastName: 'Kwon', firstName: 'Woosuk' },
      { lastName: 'Li', firstName: 'Zhuohan' },
    ]);
  });

  it('has an ASCII key any engine accepts, from the chapter number when no author is known', () => {
    expect(bibtexKey(chapter)).toBe('chapter14');
    expect(bibtexKey({ ...chapter, authors: [{ family: 'Müller' }], issued: '2024-01-02' })).toBe('muller2024');
    for (const work of [chapter, { ...chapter, title: '总结' }, { ...chapter, authors: [{ family: '王' }] }]) {
      expect(bibtexKey(work)).toMatch(/^[A-Za-z][A-Za-z0-9:_-]*$/);
    }
  });
});

describe('dates and numerals', () => {
  it('rejects dates that are not calendar days or not YYYY-MM-DD', () => {
    expect(() => gbt7714(chapter, '2026-02-30')).toThrowErrorMatchingInlineSnapshot(`[Error: accessed: "2026-02-30" is not a calendar date in the form YYYY-MM-DD]`);
    expect(() => apa(chapter, '2026-11-5')).toThrowErrorMatchingInlineSnapshot(`[Error: accessed: "2026-11-5" is not a calendar date in the form YYYY-MM-DD]`);
    expect(() => bibtex({ ...chapter, issued: '2026-13-01' }, accessed)).toThrowErrorMatchingInlineSnapshot(`[Error: issued: "2026-13-01" is not a calendar date in the form YYYY-MM-DD]`);
    expect(checkDate('2024-02-29', 'x')).toEqual({ y: 2024, m: 2, d: 29 });
  });

  it('reads Chinese chapter numerals up to ninety-nine', () => {
    expect([chineseNumeral('四'), chineseNumeral('十'), chineseNumeral('十四'), chineseNumeral('二十'), chineseNumeral('九十九')]).toEqual([4, 10, 14, 20, 99]);
    expect(chineseNumeral('十十')).toBeUndefined();
  });
});
