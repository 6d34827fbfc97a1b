import { describe, expect, it } from 'vitest';
import {
  expandQuery,
  findName,
  type Glossary,
  holdsName,
  keyed,
  markSpans,
  nameKey,
  namesHeld,
} from '../../../src/lib/search/glossary.ts';

const term = (name: string, extra: Partial<Glossary['terms'][number]> = {}) => ({
  name,
  entryId: `term-${name}`,
  places: [],
  ...extra,
});
const glossary: Glossary = {
  terms: [
    term('推测解码', { en: 'Speculative Decoding', pinyin: 'tui ce jie ma' }),
    term('KV-Cache', { zh: '键值缓存' }),
    term('MoE', { zh: '混合专家', aliases: ['Mixture of Experts'] }),
    term('思维链', { en: 'Chain-of-Thought', aliases: ['CoT'] }),
    term('存算一体', { en: 'Computing-in-Memory' }),
    term('1.58-bit'),
    term('Triton', { excludes: ['Triton Server'] }),
  ],
};

describe('the match key of a name', () => {
  it('ignores case, character width, white space and hyphens', () => {
    for (const variant of [
      'KV-Cache',
      'KV Cache',
      'kv-cache',
      'kvcache',
      'ＫＶ－Ｃａｃｈｅ',
      'KV‐Cache',
      ' KV  Cache ',
    ])
      expect(nameKey(variant)).toBe('kvcache');
    expect(nameKey('Chain of Thought')).toBe(nameKey('Chain-of-Thought'));
    expect(nameKey('1.58 bit')).toBe(nameKey('1.58-bit'));
  });

  it('keeps everything else, so different names stay different', () => {
    expect(nameKey('1.58-bit')).not.toBe(nameKey('158-bit'));
    expect(nameKey('INT8/FP8')).toBe('int8/fp8');
    expect(nameKey('推测解码')).toBe('推测解码');
  });

  it('maps each key character back to where it was written, so a match can be marked in the original', () => {
    const text = '采用 ＫＶ－Ｃａｃｈｅ 缓存';
    const k = keyed(text);
    expect(k.key).toBe('采用kvcache缓存');
    const at = k.key.indexOf('kvcache');
    expect(text.slice(k.from[at], k.to[at + 6])).toBe('ＫＶ－Ｃａｃｈｅ');
  });
});

describe('finding a name in a text', () => {
  it('finds it across spacing and hyphenation, and returns the span as written', () => {
    const text = '本节讨论 KV-Cache 的管理与 Chain-of-Thought 推理';
    const [kv] = findName(text, 'KV Cache');
    expect(text.slice(kv.start, kv.end)).toBe('KV-Cache');
    const [cot] = findName(text, 'chain of thought');
    expect(text.slice(cot.start, cot.end)).toBe('Chain-of-Thought');
  });

  it('looks for a literal query anywhere, and for a name only as whole words', () => {
    expect(findName('多个 LPUs 组成', 'LPU')).toHaveLength(1);
    expect(holdsName('多个 LPUs 组成', 'LPU')).toBe(false);
    expect(holdsName('their requirements', 'IR')).toBe(false);
    expect(holdsName('中间表示（IR）', 'IR')).toBe(true);
    // A Chinese character, a slash or a dropped hyphen is a boundary.
    expect(holdsName('基于TensorRT的优化', 'TensorRT')).toBe(true);
    expect(holdsName('INT8/INT4 量化', 'INT8')).toBe(true);
    expect(holdsName('采用 KV-Cache 压缩', 'Cache')).toBe(true);
    // Chinese names match anywhere; a different word is not the name.
    expect(holdsName('极低比特量化突破', '量化')).toBe(true);
    expect(holdsName('推测性解码', '推测解码')).toBe(false);
    // A variant of the name is the name; the name run on into a longer word is not.
    expect(holdsName('1.58 bit 量化', '1.58-bit')).toBe(true);
    expect(holdsName('KV-Caches', 'KV-Cache')).toBe(false);
  });

  it('reads full-width letters and digits as their ASCII forms and any white space as one space', () => {
    expect(holdsName('ＩＮＴ８ 量化', 'INT8')).toBe(true);
    expect(holdsName('ONNX\n  Runtime', 'ONNX Runtime')).toBe(true);
  });

  it('does not count a match inside a longer name of something else', () => {
    expect(holdsName('vLLM、TGI、Triton Server', 'Triton', ['Triton Server'])).toBe(false);
    expect(holdsName('vLLM、TGI、Triton-Server', 'Triton', ['Triton Server'])).toBe(false);
    expect(holdsName('TVM、MLIR、Triton', 'Triton', ['Triton Server'])).toBe(true);
    // ONNX the format is not ONNX Runtime, but is still found beside it, however the longer name is cased or spaced.
    expect(holdsName('ONNX Runtime 之外，ONNX 等标准', 'ONNX', ['ONNX Runtime'])).toBe(true);
    expect(holdsName('onnx\n runtime', 'ONNX', ['ONNX Runtime'])).toBe(false);
  });

  it('lists the names a text holds in the glossary’s order', () => {
    expect(
      namesHeld('推测解码（Speculative Decoding）', ['推测解码', 'Speculative Decoding']),
    ).toEqual(['推测解码', 'Speculative Decoding']);
    expect(namesHeld('speculative-decoding 方法', ['推测解码', 'Speculative Decoding'])).toEqual([
      'Speculative Decoding',
    ]);
  });
});

describe('expanding a query through the glossary', () => {
  it('finds the term from its headword, its other name or an alias, however spaced or cased', () => {
    for (const q of ['speculative decoding', 'Speculative-Decoding', '推测解码'])
      expect(expandQuery(glossary, q)?.term.name).toBe('推测解码');
    for (const q of ['KV Cache', 'kv-cache', '键值缓存'])
      expect(expandQuery(glossary, q)?.term.name).toBe('KV-Cache');
    for (const q of ['mixture of experts', 'MOE', '混合专家'])
      expect(expandQuery(glossary, q)?.term.name).toBe('MoE');
    expect(expandQuery(glossary, 'Chain of Thought')?.term.name).toBe('思维链');
    expect(expandQuery(glossary, 'computing in memory')?.term.name).toBe('存算一体');
    expect(expandQuery(glossary, '1.58 bit')?.term.name).toBe('1.58-bit');
  });

  it('gives the term’s other names, not the one typed', () => {
    expect(expandQuery(glossary, 'mixture-of-experts')?.others).toEqual(['MoE', '混合专家']);
    expect(expandQuery(glossary, '推测解码')?.others).toEqual(['Speculative Decoding']);
    expect(expandQuery(glossary, '1.58 bit')?.others).toEqual([]);
  });

  it('leaves a query that names no term alone, including part of a name', () => {
    expect(expandQuery(glossary, '解码')).toBeUndefined();
    expect(expandQuery(glossary, 'Cache')).toBeUndefined();
    expect(expandQuery(glossary, '  ')).toBeUndefined();
  });
});

describe('marking matches', () => {
  it('marks the literal query anywhere and the other names as whole words, merging overlaps', () => {
    const text = 'MoE 即 Mixture of Experts（混合专家），不是 moment';
    const spans = markSpans(text, ['mixture-of-experts'], ['MoE', '混合专家']);
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual([
      'MoE',
      'Mixture of Experts',
      '混合专家',
    ]);
    const overlap = markSpans('量化技术', ['量化', '量化技术']);
    expect(overlap).toEqual([{ start: 0, end: 4 }]);
  });
});
