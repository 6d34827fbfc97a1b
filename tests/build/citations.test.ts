import { describe, expect, it } from 'vitest';
import { chapterDocument } from '../support/dist.ts';
import { readSource } from '../support/source.ts';

describe('citations in the built page', () => {
  const doc = chapterDocument();
  const citations = [...doc.querySelectorAll('a.citation')];

  it('turns every [n] / [n,m] of the chapter into links (one per number)', () => {
    const body = readSource().split('## 参考文献')[0];
    const expected = [...body.matchAll(/\[(\d+(?:,\d+)*)\]/g)].flatMap((m) =>
      m[1].split(',').map(Number),
    );
    expect(citations.map((a) => Number(a.getAttribute('data-ref')))).toEqual(expected);
    for (const a of citations)
      expect(doc.getElementById(a.getAttribute('href')!.slice(1))).not.toBeNull();
  });

  it('lists, under each reference, a back-link to every place that cites it', () => {
    for (let n = 1; n <= 7; n++) {
      const entry = doc.getElementById(`ref-${n}`)!;
      expect(entry.textContent!.startsWith(`[${n}] `)).toBe(true);
      const back = [...entry.querySelectorAll('a.backref')].map((a) =>
        decodeURIComponent(a.getAttribute('href')!.slice(1)),
      );
      const citing = citations
        .filter((a) => a.getAttribute('data-ref') === String(n))
        .map((a) => a.id);
      expect(back).toEqual(citing);
    }
  });

  it('labels back-links distinctly: [5] is cited three times in the text, [2] three, [4] twice', () => {
    const labelsOf = (n: number) =>
      [...doc.querySelectorAll(`#ref-${n} a.backref`)].map((a) => a.getAttribute('aria-label'));
    expect(labelsOf(5)).toHaveLength(3);
    for (let n = 1; n <= 7; n++) expect(new Set(labelsOf(n)).size).toBe(labelsOf(n).length);
    const all = [...doc.querySelectorAll('a.backref')].map((a) => a.getAttribute('aria-label'));
    expect(new Set(all).size).toBe(all.length);
  });

  it('makes reference URLs real external links', () => {
    const hrefs = [...doc.querySelectorAll('p.reference a[href^="http"]')].map((a) =>
      a.getAttribute('href'),
    );
    expect(hrefs).toEqual(['https://github.com/deepseek-ai/DeepSeek-R1', 'https://openai.com/o1']);
  });
});
