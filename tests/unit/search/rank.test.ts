import { describe, expect, it } from 'vitest';
import { excerptPieces, markedWords } from '../../../src/lib/search/excerpt.ts';
import { foldForMatch, loosenQuery, rankSections } from '../../../src/lib/search/rank.ts';

const sections = [
  { id: 'a', title: '14.1.2 核心技术体系', text: '内存与算法的优化', labels: '' },
  { id: 'b', title: '14.3.1 重点技术演进', text: '硬件加速 GPU/TPU/LPU 存算一体落地', labels: '硬件加速' },
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
    const r = rankSections('硬件加速', [
      { id: 'x', title: 'x', text: '硬件加速 与 硬件加速', labels: '' },
      { id: 'y', title: 'y', text: '硬件加速 方案', labels: '硬件加速' },
    ], []);
    expect(r.whole.map((s) => s.id)).toEqual(['y', 'x']);
  });

  it('matches regardless of case and full-width letters', () => {
    expect(foldForMatch('ＴensorRT  Core')).toBe('tensorrt core');
    const r = rankSections('tensorrt', [{ id: 'a', title: 'a', text: 'NVIDIA TensorRT 优化', labels: '' }], []);
    expect(r.whole).toHaveLength(1);
  });

  it('returns nothing for an empty query', () => {
    expect(rankSections('  ', sections, [{ id: 'a', words: [] }])).toEqual({ whole: [], partial: [] });
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
    const pieces = excerptPieces('前文很长很长。量化技术：INT8 量化已成为标配。', ['量化'], 6);
    expect(pieces.filter((p) => p.mark).map((p) => p.text)).toEqual(['量化', '量化']);
    expect(pieces[0]).toEqual({ text: '…', mark: false });
    expect(pieces.map((p) => p.text).join('')).toContain('量化技术：INT8 量化');
  });

  it('keeps markup in a query as plain text pieces', () => {
    const pieces = excerptPieces('文本 <img src=x onerror=alert(1)> 结束', ['<img src=x onerror=alert(1)>']);
    expect(pieces.find((p) => p.mark)!.text).toBe('<img src=x onerror=alert(1)>');
  });
});

describe('markedWords', () => {
  it('reads the words Pagefind marked, decoding entities', () => {
    expect(markedWords('…<mark>存</mark>算一体 <mark>a&amp;b</mark> <mark>存</mark>')).toEqual(['存', 'a&b']);
  });
});
