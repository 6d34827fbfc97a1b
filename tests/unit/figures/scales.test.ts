import { describe, expect, it } from 'vitest';
import { logPosition, parseGain } from '../../../src/lib/figures/gain.ts';
import { rowIdFor, withoutCitations } from '../../../src/lib/figures/model.ts';
import { nextSort, sortRows } from '../../../src/lib/figures/sort.ts';
import { parseSpan } from '../../../src/lib/figures/time.ts';
import { readLevel, scales } from '../../../src/lib/scales.ts';

describe('scales', () => {
  it('orders maturity from pilot to mature', () => {
    expect(
      ['试点阶段', '生产阶段', '成熟/生产', '成熟阶段'].map((w) => readLevel('maturity', w)!.rank),
    ).toEqual([1, 2, 3, 4]);
  });
  it('orders complexity 低 → 中 → 中等 → 中高 → 高, reading the longest word first', () => {
    expect(['低', '中', '中等', '中高', '高'].map((w) => readLevel('complexity', w)!.rank)).toEqual(
      [1, 2, 3, 4, 5],
    );
  });
  it('reads a level word followed by a note or a citation', () => {
    expect(readLevel('level', '极高 (CUDA/ROCm)')).toEqual({
      word: '极高',
      rank: 4,
      max: 4,
      rest: ' (CUDA/ROCm)',
    });
    expect(readLevel('industry', '范式转移 [1,3]')!.rank).toBe(scales.industry.max);
  });
  it('rejects words that are not levels, and a level glued to other text', () => {
    expect(readLevel('maturity', '快速阶段')).toBeUndefined();
    expect(readLevel('level', '中度')).toBeUndefined();
  });
});

describe('parseGain', () => {
  it('reads single values and ranges with or without 提升', () => {
    expect(parseGain('2.0x')).toEqual({ min: 2, max: 2, mid: 2 });
    expect(parseGain('4-10x')!.mid).toBeCloseTo(Math.sqrt(40));
    expect(parseGain('2-5x 提升')).toMatchObject({ min: 2, max: 5 });
  });
  it('rejects malformed gains', () => {
    for (const bad of ['2-x', 'x5', '10-4x', '深度思考能力'])
      expect(parseGain(bad), bad).toBeUndefined();
  });
  it('places values on a log axis', () => {
    expect(logPosition(10, 1, 100)).toBeCloseTo(0.5);
    expect(logPosition(1000, 1, 100)).toBe(1);
  });
});

describe('parseSpan', () => {
  it('reads periods, open periods, quarters and year ends', () => {
    expect(parseSpan('2015-2017')).toEqual({ start: 2015, end: 2018, open: false });
    expect(parseSpan('2026+')).toEqual({ start: 2026, end: 2027, open: true });
    expect(parseSpan('**2024 Q3**')).toEqual({ start: 2024.5, end: 2024.75, open: false });
    expect(parseSpan('2025 年底')!.start).toBeCloseTo(2025.875);
    expect(parseSpan('明年')).toBeUndefined();
  });
});

describe('rows and cells', () => {
  it('gives rows readable ids like the headings get, from the label without its citations', () => {
    expect(rowIdFor('TensorRT')).toBe('tensorrt');
    expect(rowIdFor('2024 Q3')).toBe('2024-q3');
    expect(rowIdFor('LPU 加速 [6]')).toBe('lpu-加速');
    expect(rowIdFor('推测解码', 'milestone-')).toBe('milestone-推测解码');
  });
  it('drops citation markers, written with or without spaces, and nothing else', () => {
    expect(withoutCitations('特定场景（如实时交互）优势 [6]')).toBe('特定场景（如实时交互）优势');
    expect(withoutCitations('范式转移 [1, 3]')).toBe('范式转移');
    expect(withoutCitations('三元权重（-1, 0, 1）')).toBe('三元权重（-1, 0, 1）');
  });
  it('sorts highest first, then lowest first, then back to the source order; ties keep source order', () => {
    const rows = [
      { order: 0, key: 2 },
      { order: 1, key: 5 },
      { order: 2, key: 2 },
    ];
    expect(sortRows(rows, 'descending').map((r) => r.order)).toEqual([1, 0, 2]);
    expect(sortRows(rows, 'ascending').map((r) => r.order)).toEqual([0, 2, 1]);
    expect(nextSort('none')).toBe('descending');
    expect(nextSort('ascending')).toBe('none');
  });
});
