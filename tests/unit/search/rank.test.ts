import { describe, expect, it } from 'vitest';
import { excerptPieces, markedWords } from '../../../src/lib/search/excerpt.ts';
import { expandQuery, type Glossary } from '../../../src/lib/search/glossary.ts';
import { loosenQuery, rankSections } from '../../../src/lib/search/rank.ts';

const sections = [
  { id: 'a', title: '14.1.2 核心技术体系', text: '内存与算法的优化', labels: '' },
  {
    id: 'b',
    title: '14.3.1 重点技术演进',
    text: '硬件加速 GPU/TPU/LPU 存算一体落地',
    labels: '硬件加速',
  },
  { id: 'c', title: '14.4.4 行动计划', text: '存算一体 与 存算一体 的标准', labels: '' },
  { id: 'd', title: '存算一体专题', text: '概述', labels: '' },
];

describe('rankSections', () => {
  it('puts sections with the whole query first, heading matches before frequent mentions', () => {
    const r = rankSections('存算一体', sections, [
      { id: 'a', words: ['存', '算'] },
      { id: 'b', words: ['存'] },
    ]);
    expect(r.whole.map((s) => s.id)).toEqual(['d', 'c', 'b']);
    expect(r.partial.map((s) => s.id)).toEqual(['a']);
    expect(r.partial[0].terms).toEqual(['存', '算']);
  });

  it('counts a term set off as a label above a passing mention', () => {
    const r = rankSections(
      '硬件加速',
      [
        { id: 'x', title: 'x', text: '硬件加速 与 硬件加速', labels: '' },
        { id: 'y', title: 'y', text: '硬件加速 方案', labels: '硬件加速' },
      ],
      [],
    );
    expect(r.whole.map((s) => s.id)).toEqual(['y', 'x']);
  });

  it('matches regardless of case and full-width letters', () => {
    const r = rankSections(
      'ＴensorRT',
      [{ id: 'a', title: 'a', text: 'NVIDIA TensorRT 优化', labels: '' }],
      [],
    );
    expect(r.whole).toHaveLength(1);
  });

  it('matches a Latin query across spacing and hyphenation, and marks it as written', () => {
    const r = rankSections(
      'KV Cache',
      [
        { id: 'a', title: 'a', text: '掌握 KV-Cache 管理', labels: '' },
        { id: 'b', title: 'b', text: 'cache 与 KV 分开出现', labels: '' },
      ],
      [],
    );
    expect(r.whole.map((s) => s.id)).toEqual(['a']);
    const pieces = excerptPieces('掌握 KV-Cache 管理', r.whole[0].terms);
    expect(pieces.filter((p) => p.mark).map((p) => p.text)).toEqual(['KV-Cache']);
    expect(
      rankSections('1.58 bit', [{ id: 'x', title: 'x', text: '1.58-bit 量化', labels: '' }], [])
        .whole,
    ).toHaveLength(1);
  });

  it('returns nothing for an empty query', () => {
    expect(rankSections('  ', sections, [{ id: 'a', words: [] }])).toEqual({
      whole: [],
      partial: [],
    });
  });
});

describe('rankSections with a query that names a glossary term', () => {
  const glossary: Glossary = {
    terms: [
      { name: '推测解码', en: 'Speculative Decoding', entryId: 'term-推测解码', places: [] },
      { name: 'Triton', excludes: ['Triton Server'], entryId: 'term-triton', places: [] },
      {
        name: '中间表示',
        en: 'Intermediate Representation',
        aliases: ['IR'],
        entryId: 'term-中间表示',
        places: [],
      },
    ],
  };
  const chapter = [
    {
      id: 'p',
      title: '14.1.2 核心技术体系',
      text: '推测解码 与 推测解码 的加速',
      labels: '推测解码',
    },
    { id: 'q', title: '14.1.3 突破', text: '推测解码 一次', labels: '' },
    { id: 'r', title: '参考文献', text: 'Fast Inference via Speculative Decoding', labels: '' },
    { id: 's', title: '14.2 生态', text: '解码 器 与 speculative 采样', labels: '' },
    {
      id: 'term-推测解码',
      title: '推测解码',
      text: '推测解码 Speculative Decoding 14.1.2',
      labels: '',
      entry: true as const,
    },
  ];

  it('finds the sections holding the term’s other names among the whole matches, ranked with them, and says which name each holds', () => {
    const r = rankSections(
      'speculative decoding',
      chapter,
      [{ id: 's', words: ['speculative'] }],
      expandQuery(glossary, 'speculative decoding'),
    );
    expect(r.whole.map((s) => s.id)).toEqual(['p', 'q', 'r', 'term-推测解码']);
    expect(r.whole.map((s) => [s.holdsQuery, s.names])).toEqual([
      [false, ['推测解码']],
      [false, ['推测解码']],
      [true, []],
      [true, ['推测解码']],
    ]);
    // A section with only a piece of the query is no match of the term.
    expect(r.partial.map((s) => s.id)).toEqual(['s']);
  });

  it('keeps precision: a section with neither the query nor another name of the term is not a whole match', () => {
    const r = rankSections(
      '推测解码',
      [{ id: 'x', title: 'x', text: 'Speculative 与 Decoding 分开', labels: '' }],
      [],
      expandQuery(glossary, '推测解码'),
    );
    expect(r.whole).toEqual([]);
  });

  it('looks for the other names as whole words and honours the term’s excludes', () => {
    const ir = rankSections(
      '中间表示',
      [
        { id: 'a', title: 'a', text: 'their requirements', labels: '' },
        { id: 'b', title: 'b', text: '统一的 IR 层', labels: '' },
      ],
      [],
      expandQuery(glossary, 'Intermediate Representation'),
    );
    expect(ir.whole.map((s) => s.id)).toEqual(['b']);
    const triton = rankSections(
      'triton',
      [{ id: 'a', title: 'a', text: 'TGI、Triton Server', labels: '' }],
      [],
      expandQuery(glossary, 'triton'),
    );
    // The query itself is still found anywhere, as typed.
    expect(triton.whole.map((s) => [s.id, s.holdsQuery])).toEqual([['a', true]]);
  });
});

describe('loosenQuery', () => {
  it('offers each word of a multi-word query, and nothing for one word', () => {
    expect(loosenQuery('联邦 量子推理')).toEqual(['联邦', '量子推理']);
    expect(loosenQuery('联邦推理')).toEqual([]);
  });
});

describe('excerptPieces', () => {
  it('cuts an excerpt around the first match and marks every occurrence, keeping the original text', () => {
    const pieces = excerptPieces('前文很长很长。量化技术：INT8 量化已成为标配。', ['量化'], {
      radius: 6,
    });
    expect(pieces.filter((p) => p.mark).map((p) => p.text)).toEqual(['量化', '量化']);
    expect(pieces[0]).toEqual({ text: '…', mark: false });
    expect(pieces.map((p) => p.text).join('')).toContain('量化技术：INT8 量化');
  });

  it('keeps markup in a query as plain text pieces', () => {
    const pieces = excerptPieces('文本 <img src=x onerror=alert(1)> 结束', [
      '<img src=x onerror=alert(1)>',
    ]);
    expect(pieces.find((p) => p.mark)!.text).toBe('<img src=x onerror=alert(1)>');
  });
});

describe('markedWords', () => {
  it('reads the words Pagefind marked, decoding entities', () => {
    expect(markedWords('…<mark>存</mark>算一体 <mark>a&amp;b</mark> <mark>存</mark>')).toEqual([
      '存',
      'a&b',
    ]);
  });
});
