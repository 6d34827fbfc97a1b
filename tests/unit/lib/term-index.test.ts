import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { termsFileSchema, type TermEntry } from '../../../src/lib/schemas/terms.ts';
import { holdsName } from '../../../src/lib/search/glossary.ts';
import { buildTermIndex, type TermLocation, TermIndexError } from '../../../src/lib/term-index.ts';
import { root } from '../../support/paths.ts';
import { readSource } from '../../support/source.ts';

const section = (id: string, text: string): TermLocation => ({
  id,
  label: id,
  kind: 'section',
  sectionId: id,
  sectionLabel: id,
  text,
});
const row = (id: string, sectionId: string, text: string): TermLocation => ({
  id,
  label: id,
  kind: 'row',
  sectionId,
  sectionLabel: sectionId,
  text,
});

const entry = (name: string, extra: Partial<TermEntry> = {}): TermEntry => ({ name, ...extra });

describe('building the index', () => {
  const locations = [
    section('a', '动态批处理 与 TensorRT。'),
    row('row-1', 'a', '量化 TensorRT'),
    section('b', '剪枝、知识蒸馏与推测解码；PagedAttention。'),
    row('row-2', 'c', 'MoE'),
    section('c', '无关的文字'),
  ];

  it('lists each section where a term occurs once, in reading order, with its figure rows nested', () => {
    const index = buildTermIndex([entry('TensorRT')], locations);
    expect(index.latin[0].terms[0].places).toEqual([
      { sectionId: 'a', sectionLabel: 'a', inText: true, rows: [{ id: 'row-1', label: 'row-1' }] },
    ]);
  });

  it('a term found only in a figure row still names its section, marked as not in the prose', () => {
    const [place] = buildTermIndex([entry('MoE')], locations).latin[0].terms[0].places;
    expect(place).toMatchObject({ sectionId: 'c', inText: false, rows: [{ id: 'row-2' }] });
  });

  it('finds a term by its English name, Chinese name or an alias as well as its headword', () => {
    const index = buildTermIndex(
      [
        entry('Paged KV', { aliases: ['PagedAttention'] }),
        entry('Speculative', { zh: '推测解码' }),
      ],
      locations,
    );
    expect(
      index.latin.flatMap((g) => g.terms.map((t) => t.places.map((p) => p.sectionId))),
    ).toEqual([['b'], ['b']]);
  });

  it('groups Latin terms by first letter A–Z, with terms starting with a digit first under #', () => {
    const index = buildTermIndex(
      [entry('vLLM'), entry('1.58-bit'), entry('BitNet'), entry('bfloat16')],
      [section('s', 'vLLM 1.58-bit BitNet bfloat16')],
    );
    expect(index.latin.map((g) => [g.letter, g.terms.map((t) => t.name)])).toEqual([
      ['#', ['1.58-bit']],
      ['B', ['bfloat16', 'BitNet']],
      ['V', ['vLLM']],
    ]);
  });

  it('orders Chinese terms by pinyin and groups them by its first letter: dong < jian < liang < tui < zhi', () => {
    const terms = [
      entry('知识蒸馏', { pinyin: 'zhi shi zheng liu' }),
      entry('量化', { pinyin: 'liang hua' }),
      entry('推测解码', { pinyin: 'tui ce jie ma' }),
      entry('剪枝', { pinyin: 'jian zhi' }),
      entry('动态批处理', { pinyin: 'dong tai pi chu li' }),
    ];
    const index = buildTermIndex(terms, locations);
    expect(index.han.map((g) => [g.letter, g.terms.map((t) => t.name)])).toEqual([
      ['D', ['动态批处理']],
      ['J', ['剪枝']],
      ['L', ['量化']],
      ['T', ['推测解码']],
      ['Z', ['知识蒸馏']],
    ]);
  });

  it('a term whose every occurrence sits inside an excluded longer name is placed only where it stands alone', () => {
    const places = buildTermIndex(
      [entry('Triton', { excludes: ['Triton Server'] }), entry('Triton Server')],
      [section('compiler', 'TVM, MLIR, Triton'), section('serving', 'vLLM, TGI, Triton Server')],
    ).latin[0].terms.map((t) => [t.name, t.places.map((p) => p.sectionId)]);
    expect(places).toEqual([
      ['Triton', ['compiler']],
      ['Triton Server', ['serving']],
    ]);
  });

  it('fails, naming the term and the data file, when a term occurs nowhere', () => {
    expect(() =>
      buildTermIndex([entry('TensorRT'), entry('Mamba')], locations, 'content/terms.yaml'),
    ).toThrow(TermIndexError);
    expect(() =>
      buildTermIndex([entry('TensorRT'), entry('Mamba')], locations, 'content/terms.yaml'),
    ).toThrowErrorMatchingInlineSnapshot(
      `[TermIndexError: content/terms.yaml: term "Mamba" (entry 2) occurs nowhere in the chapter (looked for: Mamba)]`,
    );
  });

  it('names every absent term at once, not only the first', () => {
    expect(() =>
      buildTermIndex(
        [entry('Mamba'), entry('TensorRT'), entry('存算一体', { pinyin: 'cun suan yi ti' })],
        locations,
      ),
    ).toThrowErrorMatchingInlineSnapshot(
      `[TermIndexError: content/terms.yaml: term "Mamba" (entry 1) occurs nowhere in the chapter (looked for: Mamba); term "存算一体" (entry 3) occurs nowhere in the chapter (looked for: 存算一体)]`,
    );
  });

  it('gives each entry an id from its headword, apart from heading and row ids, and fails on two entries with one id', () => {
    const index = buildTermIndex(
      [entry('TensorRT'), entry('推测解码', { pinyin: 'tui ce jie ma' }), entry('PagedAttention')],
      locations,
    );
    expect([...index.latin, ...index.han].flatMap((g) => g.terms.map((t) => t.id))).toEqual([
      'term-pagedattention',
      'term-tensorrt',
      'term-推测解码',
    ]);
    // Different names, one slug: a link to either entry would be ambiguous.
    expect(() =>
      buildTermIndex([entry('1.58-bit'), entry('158-bit')], [section('a', '1.58-bit 与 158-bit')]),
    ).toThrow(
      /term "158-bit" \(entry 2\) would have the same entry id "term-158-bit" as "1.58-bit"/,
    );
  });

  it('fails when a pinyin in the data disagrees with the reading the collation knows', () => {
    // 量 is liang; written "ang hua" it would claim to sort before 剪 (jian).
    const terms = [entry('剪枝', { pinyin: 'jian zhi' }), entry('量化', { pinyin: 'ang hua' })];
    expect(() => buildTermIndex(terms, locations)).toThrowErrorMatchingInlineSnapshot(
      `[TermIndexError: content/terms.yaml: term "量化" has pinyin "ang hua", which sorts before "jian zhi" of "剪枝", yet the pinyin collation puts it after]`,
    );
  });
});

describe('the data file schema', () => {
  const base = Array.from({ length: 40 }, (_, i) => ({ name: `Term${i}` }));
  const issues = (data: unknown) => {
    const result = termsFileSchema.safeParse(data);
    return result.success
      ? []
      : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  };

  it('asks for the pinyin of a Chinese headword, naming the entry', () => {
    expect(issues([...base, { name: '量化' }])).toEqual([
      '40.pinyin: "量化" starts with a Chinese character, so it needs its pinyin',
    ]);
  });

  it('refuses pinyin on a Latin headword and pinyin that is not toneless syllables', () => {
    expect(issues([...base, { name: 'vLLM', pinyin: 'v l l m' }])[0]).toMatch(
      /^40\.pinyin: .*only for Chinese headwords/,
    );
    expect(issues([...base, { name: '量化', pinyin: 'liàng huà' }])[0]).toMatch(
      /^40\.pinyin: lowercase toneless syllables/,
    );
  });

  it('refuses a spelling shared by two entries, a misspelt field and a list under 40', () => {
    expect(issues([...base, { name: 'term3' }])[0]).toMatch(
      /^40\.name: "term3" is already a form of entry 4/,
    );
    expect(issues([...base, { name: 'X', aliases: ['- -'] }])[0]).toMatch(
      /^40\.name: "- -" is only spaces and hyphens/,
    );
    // Search cannot tell names apart that differ only in case, width, spaces or hyphens.
    expect(
      issues([...base, { name: 'KV-Cache' }, { name: 'KVC', aliases: ['KV Cache'] }])[0],
    ).toMatch(/^41\.name: "KV Cache" is already a form of entry 41 \("KV-Cache"\)/);
    expect(issues([...base, { name: 'X', alias: ['Y'] }])[0]).toMatch(
      /^40: Unrecognized key: "alias"/,
    );
    expect(issues(base.slice(1))[0]).toMatch(/at least 40 terms/);
  });

  it('refuses an excluded name that does not contain the term, which could never hide anything', () => {
    expect(issues([...base, { name: 'Triton', excludes: ['Triton Server', 'TensorRT'] }])).toEqual([
      '40.excludes.1: "TensorRT" does not contain "Triton" or another of its forms, so it could never hide one of its occurrences',
    ]);
  });

  it('the chapter’s own data file is valid, and every term in it occurs in the chapter body', () => {
    const terms = termsFileSchema.parse(
      parse(fs.readFileSync(path.join(root, 'content/terms.yaml'), 'utf8')),
    );
    expect(terms.length).toBeGreaterThanOrEqual(40);
    // The body without the 目录 list and the reference list, read straight from the source file.
    const source = readSource();
    const body = source.slice(source.indexOf('## 14.1 '), source.indexOf('## 参考文献'));
    const absent = terms.filter(
      (t) =>
        ![t.name, t.en, t.zh, ...(t.aliases ?? [])].some(
          (f) => f && holdsName(body, f, t.excludes),
        ),
    );
    expect(absent.map((t) => t.name)).toEqual([]);
  });
});
