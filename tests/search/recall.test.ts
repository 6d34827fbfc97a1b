import fs from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { searchSections } from '../../src/lib/search/engine.ts';
import { findName, type Glossary, holdsName } from '../../src/lib/search/glossary.ts';
import type { SectionText } from '../../src/lib/search/sections.ts';
import { formsOf, termsFileSchema } from '../../src/lib/schemas/terms.ts';
import { readDist } from '../support/dist.ts';
import { distDir, root } from '../support/paths.ts';
import { loadPagefind } from '../support/pagefind-node.ts';
import { searchTerms } from './terms.ts';

/**
 * Ground truth, computed from the built HTML on its own terms: drop what search must ignore,
 * cut the article's markup at each heading with an id and each element with an id and a
 * `data-pagefind-title` (the term index's entries), strip tags, and look for the term.
 */
function groundTruth(): { id: string; text: string; entry: boolean }[] {
  // The chapter's page, then the term index's own page.
  return [...pageTruth('index.html'), ...pageTruth('terms/index.html')];
}

function pageTruth(page: string): { id: string; text: string; entry: boolean }[] {
  const { document } = parseHTML(readDist(page));
  const article = document.querySelector('[data-pagefind-body]')!;
  article.querySelectorAll('[data-pagefind-ignore]').forEach((n) => n.remove());
  const parts = article.innerHTML.split(
    /(?=<h[1-6][^>]*\sid="|<[a-z]+\s[^>]*\bdata-pagefind-title=")/,
  );
  return parts
    .map((part) => {
      const tag = /^<([a-z0-9]+)\s[^>]*/.exec(part);
      const id =
        tag && (/^h[1-6]$/.test(tag[1]) || tag[0].includes('data-pagefind-title='))
          ? /\sid="([^"]+)"/.exec(tag[0])?.[1]
          : undefined;
      const spaced = part.replace(/<\/(p|li|td|th|tr|div|caption|dt|dd|h[1-6])>/g, ' </$1>');
      const { document: frag } = parseHTML(`<html><body>${spaced}</body></html>`);
      return {
        id: id ?? '',
        text: (frag.body.textContent ?? '').replace(/\s+/g, ' '),
        entry: !/^h[1-6]$/.test(tag?.[1] ?? ''),
      };
    })
    .filter((s) => s.id);
}
const holdsQuery = (text: string, query: string) => findName(text, query).length > 0;

describe('search recall and precision on the real index', () => {
  let pagefind: Awaited<ReturnType<typeof loadPagefind>>['pagefind'];
  let release: () => Promise<void> = async () => {};
  let sections: SectionText[];
  const truth = groundTruth();
  const chapter = truth.filter((t) => !t.entry && !t.id.startsWith('术语索引'));
  // The names come from the data file; the dialog's glossary is what the build wrote.
  const terms = termsFileSchema.parse(
    parseYaml(fs.readFileSync(path.join(root, 'content/terms.yaml'), 'utf8')),
  );
  const glossary = JSON.parse(
    fs.readFileSync(path.join(distDir, 'pagefind', 'chapter-glossary.json'), 'utf8'),
  ) as Glossary;

  beforeAll(async () => {
    ({ pagefind, sections, release } = await loadPagefind(distDir));
  });
  afterAll(async () => {
    await release();
  });

  it('splits the site into the same sections the ground truth sees: the chapter’s 20 and the term index’s, then the index page’s entries', () => {
    // The chapter's page has the index's section; its own page one heading for each of its two
    // parts, then every entry is a result of its own, and no letter group is ("拼音 T" answers nothing).
    const entries = parseHTML(readDist('terms/index.html')).document.querySelectorAll(
      '.term-index .term',
    );
    expect(entries.length).toBe(terms.length);
    expect(truth.length).toBe(20 + 1 + 2 + terms.length);
    expect(sections.map((s) => s.id)).toEqual(truth.map((t) => t.id));
    expect(
      sections
        .filter((s) => s.entry)
        .map((s) => s.title)
        .sort(),
    ).toEqual(terms.map((t) => t.name).sort());
    const groupTitle = /(拼音|拉丁字母) [A-Z#]/;
    expect(sections.filter((s) => groupTitle.test(s.title) || groupTitle.test(s.text))).toEqual([]);
    expect(truth.filter((t) => groupTitle.test(t.text))).toEqual([]);
  });

  it('writes a glossary beside the index with every term of the data file, its entry on the index’s page and its places on the chapter’s', () => {
    const { document } = parseHTML(readDist());
    const index = parseHTML(readDist('terms/index.html')).document;
    expect(glossary.terms.map((t) => t.name).sort()).toEqual(terms.map((t) => t.name).sort());
    for (const t of glossary.terms) {
      const source = terms.find((e) => e.name === t.name)!;
      expect([t.en, t.zh, t.aliases, t.pinyin]).toEqual([
        source.en,
        source.zh,
        source.aliases,
        source.pinyin,
      ]);
      expect(
        index.getElementById(t.entryId)?.querySelector('.term-name')?.textContent,
        t.name,
      ).toBe(t.name);
      for (const p of t.places) {
        expect(document.getElementById(p.sectionId), `${t.name} → ${p.sectionId}`).not.toBeNull();
        for (const r of p.rows)
          expect(document.getElementById(r.id)?.tagName, `${t.name} → ${r.id}`).toBe('TR');
      }
    }
  });

  it('indexes the names of a term index entry apart, so excerpts never run them together', async () => {
    const entry = truth.find((t) => t.id === 'term-推测解码')!;
    expect(entry.text).toMatch(/^推测解码 Speculative Decoding tui ce jie ma 14\.1\.2/);
    const raw = await pagefind.search('Speculative Decoding');
    const subs = raw
      ? (await Promise.all(raw.results.map((r) => r.data()))).flatMap((p) => p.sub_results)
      : [];
    const excerpt = subs.find((s) => s.anchor?.id === 'term-推测解码')?.excerpt ?? '';
    expect(excerpt.replace(/<\/?mark>/g, '')).toContain(
      '推测解码 Speculative Decoding tui ce jie ma',
    );
  });

  it(`finds every section that contains each of ${searchTerms.length} terms (or another name of the term it names), whole matches first`, async () => {
    expect(searchTerms.length).toBeGreaterThanOrEqual(40);
    let expected = 0;
    let found = 0;
    let rankedBeforePartial = 0;
    let correctBeforePartial = 0;
    let engineFound = 0;
    const misses: string[] = [];
    for (const term of searchTerms) {
      const results = await searchSections(pagefind, sections, term, glossary);
      // A query that names a term also asks for the term's other names; the term's own entry in
      // the index is the card above the results.
      const named = terms.find((t) => t.name === results.term?.name);
      const holdsOtherName = (text: string) =>
        !!named && formsOf(named).some((n) => holdsName(text, n, named.excludes));
      const relevant = truth
        .filter(
          (s) =>
            s.id !== results.term?.entryId && (holdsQuery(s.text, term) || holdsOtherName(s.text)),
        )
        .map((s) => s.id);
      expect(relevant.length, `"${term}" must occur in the chapter`).toBeGreaterThan(0);
      const returned = [...results.whole, ...results.partial].map((r) => r.id);
      const missing = relevant.filter((id) => !returned.includes(id));
      if (missing.length) misses.push(`${term}: ${missing.join(', ')}`);
      expected += relevant.length;
      found += relevant.length - missing.length;
      rankedBeforePartial += results.whole.length;
      correctBeforePartial += results.whole.filter((r) => relevant.includes(r.id)).length;
      // What Pagefind alone returns, for the record.
      const raw = await pagefind.search(term);
      const rawIds = raw
        ? (await Promise.all(raw.results.map((r) => r.data()))).flatMap((p) =>
            p.sub_results.map((s) => s.anchor?.id),
          )
        : [];
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
    const r = await searchSections(pagefind, sections, '联邦推理', glossary);
    expect(r.whole[0].id).toBe('1431-重点技术演进');
    expect(r.whole.every((s) => s.whole)).toBe(true);
    // 14.2.2 and the reference list hold it; its entry in the term index is the card, not a result.
    const p = await searchSections(pagefind, sections, 'PagedAttention', glossary);
    expect(p.term?.entryId).toBe('term-pagedattention');
    expect(p.whole.map((s) => s.id)).toEqual(['1422-软件技术栈生态', '参考文献']);
  });

  it('lists the entries of other terms after the chapter’s sections, titled by their term', async () => {
    // "Runtime" names no term; ONNX Runtime's entry holds it, as do the sections that name it.
    const r = await searchSections(pagefind, sections, 'Runtime', glossary);
    expect(r.term).toBeUndefined();
    const entries = r.whole.filter((s) => s.entry);
    expect(entries.map((s) => s.title)).toContain('ONNX Runtime');
    expect(r.whole.slice(-entries.length)).toEqual(entries);
  });

  it('puts sections that hold only part of a compound term after the whole matches', async () => {
    const r = await searchSections(pagefind, sections, '存算一体', glossary);
    expect(r.whole.map((s) => s.id)).toEqual(['1431-重点技术演进']);
    for (const s of r.partial)
      expect(holdsQuery(truth.find((t) => t.id === s.id)!.text, '存算一体')).toBe(false);
  });

  it(`finds, for every name of every term in the data file, every section holding any of its names, and only those`, async () => {
    expect(terms.length).toBeGreaterThanOrEqual(90);
    let queries = 0;
    let expected = 0;
    let found = 0;
    let returned = 0;
    const misses: string[] = [];
    const strays: string[] = [];
    for (const term of terms) {
      const names = formsOf(term);
      const holdsAName = (text: string) => names.some((n) => holdsName(text, n, term.excludes));
      const relevant = chapter.filter((s) => holdsAName(s.text)).map((s) => s.id);
      expect(relevant.length, `"${term.name}" must occur in the chapter`).toBeGreaterThan(0);
      for (const name of names) {
        queries++;
        const r = await searchSections(pagefind, sections, name, glossary);
        expect(r.term?.name, `"${name}" brings up the card of "${term.name}"`).toBe(term.name);
        const whole = r.whole.filter((s) => !s.entry).map((s) => s.id);
        const missing = relevant.filter((id) => !whole.includes(id));
        if (missing.length) misses.push(`${name}: ${missing.join(', ')}`);
        expected += relevant.length;
        found += relevant.length - missing.length;
        returned += whole.length;
        // The contract: a whole match holds the query as typed, or another name of the term.
        for (const id of whole) {
          const text = truth.find((t) => t.id === id)!.text;
          if (!holdsQuery(text, name) && !holdsAName(text)) strays.push(`${name}: ${id}`);
        }
      }
    }
    console.log(
      `glossary: ${queries} names of ${terms.length} terms, recall ${((found / expected) * 100).toFixed(1)}% (${found}/${expected}), ${returned} whole matches, ${strays.length} without the query or a name`,
    );
    expect(misses).toEqual([]);
    expect(strays).toEqual([]);
  });
});
