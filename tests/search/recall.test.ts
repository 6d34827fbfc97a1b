import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchSections } from '../../src/lib/search/engine.ts';
import { foldForMatch } from '../../src/lib/search/rank.ts';
import type { SectionText } from '../../src/lib/search/sections.ts';
import { readDist } from '../support/dist.ts';
import { distDir } from '../support/paths.ts';
import { loadPagefind } from '../support/pagefind-node.ts';
import { searchTerms } from './terms.ts';

/**
 * Ground truth, computed from the built HTML on its own terms: drop what search must ignore,
 * cut the article's markup at each heading with an id, strip tags, and look for the term.
 */
function groundTruth(): { id: string; text: string }[] {
  const { document } = parseHTML(readDist());
  const article = document.querySelector('[data-pagefind-body]')!;
  article.querySelectorAll('[data-pagefind-ignore]').forEach((n) => n.remove());
  const parts = article.innerHTML.split(/(?=<h[1-6][^>]*\sid=")/);
  return parts
    .map((part) => {
      const id = /^<h[1-6][^>]*\sid="([^"]+)"/.exec(part)?.[1];
      const spaced = part.replace(/<\/(p|li|td|th|tr|div|caption|h[1-6])>/g, ' </$1>');
      const { document: frag } = parseHTML(`<html><body>${spaced}</body></html>`);
      return { id: id ?? '', text: foldForMatch(frag.body.textContent ?? '') };
    })
    .filter((s) => s.id);
}

describe('search recall and precision on the real index', () => {
  let pagefind: Awaited<ReturnType<typeof loadPagefind>>['pagefind'];
  let sections: SectionText[];
  const truth = groundTruth();

  beforeAll(async () => {
    ({ pagefind, sections } = await loadPagefind(distDir));
  });
  afterAll(async () => {
    await pagefind?.destroy?.();
  });

  it('splits the page into the same sections the ground truth sees: the chapter’s 20, then the term index’s', () => {
    // The index adds its own heading, one for each of its two parts, and one per letter group,
    // so a search for a term can land on the letter group that lists it.
    const letterGroups = parseHTML(readDist()).document.querySelectorAll('.term-index h4').length;
    expect(letterGroups).toBeGreaterThan(20);
    expect(truth.length).toBe(20 + 3 + letterGroups);
    expect(sections.map((s) => s.id)).toEqual(truth.map((t) => t.id));
  });

  it(`finds every section that contains each of ${searchTerms.length} terms, whole-query sections first`, async () => {
    expect(searchTerms.length).toBeGreaterThanOrEqual(40);
    let expected = 0;
    let found = 0;
    let rankedBeforePartial = 0;
    let correctBeforePartial = 0;
    let engineFound = 0;
    const misses: string[] = [];
    for (const term of searchTerms) {
      const relevant = truth.filter((s) => s.text.includes(foldForMatch(term))).map((s) => s.id);
      expect(relevant.length, `"${term}" must occur in the chapter`).toBeGreaterThan(0);
      const results = await searchSections(pagefind, sections, term);
      const returned = [...results.whole, ...results.partial].map((r) => r.id);
      const missing = relevant.filter((id) => !returned.includes(id));
      if (missing.length) misses.push(`${term}: ${missing.join(', ')}`);
      expected += relevant.length;
      found += relevant.length - missing.length;
      rankedBeforePartial += results.whole.length;
      correctBeforePartial += results.whole.filter((r) => relevant.includes(r.id)).length;
      // What Pagefind alone returns, for the record.
      const raw = await pagefind.search(term);
      const rawIds = raw ? (await Promise.all(raw.results.map((r) => r.data()))).flatMap((p) => p.sub_results.map((s) => s.anchor?.id)) : [];
      engineFound += relevant.filter((id) => rawIds.includes(id)).length;
    }
    const recall = found / expected;
    const precision = correctBeforePartial / rankedBeforePartial;
    console.log(
      `search over ${searchTerms.length} terms: recall ${(recall * 100).toFixed(1)}% (${found}/${expected}), ` +
        `precision before the first partial match ${(precision * 100).toFixed(1)}% (${correctBeforePartial}/${rankedBeforePartial}); ` +
        `Pagefind sub-results alone: recall ${((engineFound / expected) * 100).toFixed(1)}%`,
    );
    if (misses.length) console.log(`missed: ${misses.join('; ')}`);
    expect(recall).toBeGreaterThanOrEqual(0.95);
    expect(precision).toBeGreaterThanOrEqual(0.9);
  });

  it('ranks the section where the term is defined ahead of passing mentions', async () => {
    const r = await searchSections(pagefind, sections, '联邦推理');
    expect(r.whole[0].id).toBe('1431-重点技术演进');
    expect(r.whole.every((s) => s.whole)).toBe(true);
    const p = await searchSections(pagefind, sections, 'PagedAttention');
    // The term index's entry is a pointer to the others, so it comes after them.
    expect(p.whole.map((s) => s.id)).toEqual(['1422-软件技术栈生态', '参考文献', '术语索引-latin-p']);
  });

  it('puts sections that hold only part of a compound term after the whole matches', async () => {
    const r = await searchSections(pagefind, sections, '存算一体');
    expect(r.whole.map((s) => s.id)).toEqual(['1431-重点技术演进', '术语索引-han-c']);
    for (const s of r.partial) expect(truth.find((t) => t.id === s.id)!.text.includes('存算一体')).toBe(false);
  });
});
