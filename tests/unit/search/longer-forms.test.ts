import { describe, expect, it } from 'vitest';
import { resultsFor } from '../../../src/lib/search/engine.ts';
import { findLongerForm, type Glossary } from '../../../src/lib/search/glossary.ts';

const term = (name: string, extra: Partial<Glossary['terms'][number]> = {}) => ({
  name,
  entryId: `term-${name}`,
  places: [],
  ...extra,
});
const glossary: Glossary = {
  terms: [
    term('推测解码', { en: 'Speculative Decoding', aliases: ['投机解码'] }),
    term('MoE', { zh: '混合专家', aliases: ['Mixture of Experts'] }),
    term('vLLM'),
    term('INT8'),
    term('FP8'),
    term('量化', { en: 'Quantization' }),
    term('端侧', { en: 'On-device' }),
    term('SLM', { zh: '端侧大模型' }),
    term('中间表示', { aliases: ['IR'] }),
    term('Triton', { excludes: ['Triton Server'] }),
    term('Triton Server'),
  ],
};

describe('a longer form of a term: its name with other words', () => {
  it('is found for a name followed by 模型, 技术 or "model", and for any of the term’s names', () => {
    const cases = [
      ['推测解码技术', '推测解码', '推测解码'],
      ['投机解码 技术', '推测解码', '投机解码'],
      ['speculative decoding model', '推测解码', 'Speculative Decoding'],
      ['MoE模型', 'MoE', 'MoE'],
      ['混合专家模型', 'MoE', '混合专家'],
      ['vllm model', 'vLLM', 'vLLM'],
    ];
    for (const [query, headword, name] of cases)
      expect(findLongerForm(glossary, query), query).toMatchObject({
        term: { name: headword },
        name,
      });
  });

  it('is not a name itself: a query that is a term’s name is the term, as before', () => {
    for (const q of ['推测解码', 'Speculative-Decoding', 'mixture of experts'])
      expect(findLongerForm(glossary, q)).toBeUndefined();
  });

  it('holds one term only: a query naming two terms is about neither alone', () => {
    expect(findLongerForm(glossary, 'INT8/FP8 量化')).toBeUndefined();
    expect(findLongerForm(glossary, 'vLLM 推测解码')).toBeUndefined();
  });

  it('counts the longest name the query holds, not a shorter name inside it', () => {
    // 端侧 is a term of its own, and part of 端侧大模型, a name of SLM.
    expect(findLongerForm(glossary, '端侧大模型技术')).toMatchObject({
      term: { name: 'SLM' },
      name: '端侧大模型',
    });
    // Triton's excludes: "Triton Server" is another thing.
    expect(findLongerForm(glossary, 'Triton Server 模型')).toMatchObject({
      term: { name: 'Triton Server' },
    });
  });

  it('reads names as whole words, as the term index does: IR is not in "their model"', () => {
    expect(findLongerForm(glossary, 'their model')).toBeUndefined();
    expect(findLongerForm(glossary, 'IR 技术')).toMatchObject({ term: { name: '中间表示' } });
    expect(findLongerForm(glossary, '解码技术')).toBeUndefined();
  });
});

describe('results for a longer form', () => {
  const sections = [
    {
      id: 'a',
      title: '14.1.2 核心技术体系',
      text: '推测解码技术 让解码更快；推测解码',
      labels: '',
    },
    { id: 'b', title: '14.1.3 关键技术突破', text: '推测解码 与 量化', labels: '推测解码' },
    { id: 'c', title: '14.3.2 新兴技术', text: '投机解码 一次', labels: '' },
    { id: 'd', title: '参考文献', text: 'Fast Inference via Speculative Decoding', labels: '' },
    { id: 'e', title: '14.2 生态', text: '解码 器 与 技术 路线', labels: '' },
    {
      id: 'term-推测解码',
      title: '推测解码',
      text: '推测解码 Speculative Decoding 投机解码 14.1.2',
      labels: '',
      entry: true as const,
      page: 'terms/',
    },
  ];
  const hits = ['a', 'b', 'c', 'e'].map((id) => ({ id, words: ['技术'] }));

  it('lists the sections holding the whole query first, then the term’s sections under all its names, each saying which it holds', () => {
    const r = resultsFor('推测解码技术', sections, hits, glossary);
    // The term it holds is the card; `term` stays for a query that is a term's name.
    expect(r.term).toBeUndefined();
    expect(r.longer?.term.name).toBe('推测解码');
    expect(r.whole.map((s) => [s.id, s.holdsQuery])).toEqual([['a', true]]);
    expect(r.longer?.name).toBe('推测解码');
    // By label, then frequency, as whole matches are ranked.
    expect(r.longer?.sections.map((s) => [s.id, s.names])).toEqual([
      ['b', ['推测解码']],
      ['c', ['投机解码']],
      ['d', ['Speculative Decoding']],
    ]);
    expect(r.longer?.sections.every((s) => !s.holdsQuery && !s.whole)).toBe(true);
    // A section with only the generic word stays a partial match; the term's own entry gives way to the card.
    expect(r.partial.map((s) => s.id)).toEqual(['e']);
    expect(
      [...r.whole, ...r.longer!.sections, ...r.partial].some((s) => s.id === 'term-推测解码'),
    ).toBe(false);
  });

  it('finds the term’s sections when no section holds the whole query', () => {
    const r = resultsFor('speculative decoding model', sections, [], glossary);
    expect(r.whole).toEqual([]);
    expect(r.longer?.sections.map((s) => s.id)).toEqual(['b', 'a', 'c', 'd']);
  });

  it('leaves a query that names nothing in the glossary exactly as it was without one', () => {
    for (const q of ['解码技术', '技术', 'INT8/FP8 量化', 'their model']) {
      const withGlossary = resultsFor(q, sections, hits, glossary);
      expect(withGlossary, q).toEqual(resultsFor(q, sections, hits));
      expect(withGlossary.term).toBeUndefined();
      expect(withGlossary.longer).toBeUndefined();
    }
  });
});
