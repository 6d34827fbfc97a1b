import fs from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { searchSections } from '../../src/lib/search/engine.ts';
import type { Glossary } from '../../src/lib/search/glossary.ts';
import type { SectionText } from '../../src/lib/search/sections.ts';
import { formsOf, termsFileSchema } from '../../src/lib/schemas/terms.ts';
import { readDist } from '../support/dist.ts';
import { distDir, root } from '../support/paths.ts';
import { loadPagefind } from '../support/pagefind-node.ts';
import {
  auditQueries,
  auditSearch,
  engineOf,
  type EngineSearch,
  findInPage,
  holdsTermName,
  pageSections,
  searchBreaches,
} from './audit.ts';

/**
 * Search over the real Pagefind index, in Node, judged by the built page: the truth is what a
 * reader's find-in-page finds in each section (tests/search/audit.ts), by rules that share no
 * code with the ranker. tests/search/broken-ranker.test.ts shows the same audit failing rankers
 * that are wrong.
 */
describe('search recall and precision on the real index', () => {
  let pagefind: Awaited<ReturnType<typeof loadPagefind>>['pagefind'];
  let release: () => Promise<void> = async () => {};
  let sections: SectionText[];
  let engine: EngineSearch;
  const truth = pageSections();
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
    engine = engineOf(pagefind);
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

  it(`shows every section that holds each of ${auditQueries.length} queries as a whole match, and only those; Pagefind returns them all among its partial matches`, async () => {
    expect(auditQueries.length).toBeGreaterThanOrEqual(80);
    const audit = await auditSearch(
      (query) => searchSections(pagefind, sections, query, glossary),
      engine,
      truth,
    );
    console.log(
      `search over ${audit.queries} queries: ${audit.found} of ${audit.relevant} sections that hold the query shown as whole matches, ` +
        `${audit.strays.length} whole matches without it; Pagefind alone: ${audit.foundByEngine} of ${audit.relevant} returned, ` +
        `${audit.engineHolding} of its ${audit.engineReturned} sub-results hold the query`,
    );
    expect(searchBreaches(audit)).toEqual([]);
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
    // Pagefind 1.6 takes 存算一体 as one word, but splits 服务治理 into 服务 and 治理.
    const r = await searchSections(pagefind, sections, '服务治理', glossary);
    const holds = (id: string) => findInPage(truth.find((t) => t.id === id)!.text, '服务治理');
    expect(r.whole.map((s) => s.id).filter(holds)).toEqual(r.whole.map((s) => s.id));
    expect(r.whole.length).toBeGreaterThan(0);
    expect(r.partial.length).toBeGreaterThan(3);
    expect(r.partial.map((s) => s.id).filter(holds)).toEqual([]);
    const compound = await searchSections(pagefind, sections, '存算一体', glossary);
    expect(compound.whole.map((s) => s.id)).toEqual(['1431-重点技术演进']);
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
      const holdsAName = (text: string) => names.some((n) => holdsTermName(text, n, term.excludes));
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
          if (!findInPage(text, name) && !holdsAName(text)) strays.push(`${name}: ${id}`);
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
