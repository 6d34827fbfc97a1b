import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { chapterStore } from '../../../src/integrations/chapter-store.ts';
import { chapterProblemsError } from '../../../src/integrations/live-chapter.ts';
import { ContentError } from '../../../src/lib/content-error.ts';
import { contentDir, root } from '../../support/paths.ts';

const copies: string[] = [];
afterAll(() => {
  for (const dir of copies) fs.rmSync(dir, { recursive: true, force: true });
});

/** A copy of content/ to change, outside any repository (so nothing is dated). */
function contentCopy(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chapter-store-'));
  copies.push(dir);
  fs.cpSync(contentDir, dir, { recursive: true });
  return dir;
}

function replaceIn(file: string, from: string, to: string) {
  const text = fs.readFileSync(file, 'utf8');
  expect(text).toContain(from);
  fs.writeFileSync(file, text.replace(from, to));
}

const maturityOf = (store: ReturnType<typeof chapterStore>, row: string) =>
  store.model.figures.find((f) => f.name === 'maturity')!.rows.find((r) => r.id === row);

describe('the chapter store', () => {
  it('throws every problem of content that does not read, as the build reports them', () => {
    const dir = contentCopy();
    replaceIn(
      path.join(dir, '01-summary.mdx'),
      '| 1.58-bit 量化 | 试点阶段',
      '| 1.58-bit 量化 | 推广阶段',
    );
    expect(() => chapterStore(dir)).toThrow(ContentError);
    expect(() => chapterStore(dir)).toThrow(
      /01-summary\.mdx:\d+:\d+: figure "maturity".*"推广阶段"/,
    );
  });

  it('follows an edit, keeps the last good chapter beside the problems of a bad one, and reads all again after them', () => {
    const dir = contentCopy();
    const summary = path.join(dir, '01-summary.mdx');
    const store = chapterStore(dir);
    expect(store.problems).toEqual([]);
    const cell = (level: string) => `| 1.58-bit 量化 | ${level}`;

    replaceIn(summary, cell('试点阶段'), cell('生产阶段'));
    store.reread(summary);
    expect(store.problems).toEqual([]);
    expect(JSON.stringify(maturityOf(store, '158-bit-量化'))).toContain('生产阶段');

    replaceIn(summary, cell('生产阶段'), cell('推广阶段'));
    store.reread(summary);
    expect(store.problems).toEqual([
      expect.objectContaining({ file: summary, message: expect.stringContaining('"推广阶段"') }),
    ]);
    // Pages asked meanwhile get the problems; what the store keeps is the chapter last read well.
    expect(JSON.stringify(maturityOf(store, '158-bit-量化'))).toContain('生产阶段');

    replaceIn(summary, cell('推广阶段'), cell('成熟阶段'));
    store.reread(summary);
    expect(store.problems).toEqual([]);
    expect(JSON.stringify(maturityOf(store, '158-bit-量化'))).toContain('成熟阶段');

    // A file that cannot be parsed is not in the sources; when another file changes meanwhile,
    // everything is read again, so the slip is still reported rather than the old text used.
    const sentence = '降低计算精度来提升推理效率。\n';
    replaceIn(summary, sentence, '降低计算精度来提升推理效率。 {\n');
    store.reread(summary);
    expect(store.problems.map((p) => p.message).join('\n')).toContain('cannot parse MDX');
    const terms = path.join(dir, 'terms.yaml');
    fs.appendFileSync(terms, '- name: RWKV\n');
    store.reread(terms);
    expect(store.problems.map((p) => p.message).join('\n')).toContain('cannot parse MDX');

    replaceIn(summary, '降低计算精度来提升推理效率。 {\n', sentence);
    store.reread(summary);
    expect(store.problems).toEqual([
      expect.objectContaining({ file: terms, message: expect.stringContaining('"RWKV"') }),
    ]);
    replaceIn(terms, '- name: RWKV\n', '');
    store.reread(terms);
    expect(store.problems).toEqual([]);
  });

  it('gives the overlay the first problem’s place only inside the project, which Astro reads places against', () => {
    const problems = [
      { file: path.join(root, 'content/01-summary.mdx'), line: 87, column: 32, message: 'm' },
    ];
    expect(chapterProblemsError(problems, root).loc).toEqual({
      file: problems[0].file,
      line: 87,
      column: 32,
    });
    // Another project's folder: one the checkout cannot be inside, wherever it was cloned.
    const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), 'another-project-'));
    expect(chapterProblemsError(problems, elsewhere).loc).toBeUndefined();
    fs.rmSync(elsewhere, { recursive: true });
    expect(chapterProblemsError(problems, root).message).toBe(new ContentError(problems).message);
  });
});
