import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { modelOf, readChapter } from '../../../src/chapter/read-chapter.ts';
import { readChapterSources, rereadSource } from '../../../src/chapter/sources.ts';
import { contentDir } from '../../support/paths.ts';

const copies: string[] = [];
afterAll(() => {
  for (const dir of copies) fs.rmSync(dir, { recursive: true, force: true });
});

/** A copy of content/ to change, outside any repository (so nothing is dated). */
function contentCopy(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chapter-read-'));
  copies.push(dir);
  fs.cpSync(contentDir, dir, { recursive: true });
  return dir;
}

describe('reading the chapter as a function of its content folder', () => {
  it('gives the model, or every problem with its place, without throwing', () => {
    const dir = contentCopy();
    const read = readChapter(dir);
    expect(read.problems).toBeUndefined();
    expect(read.model!.title).toBe('十四、总结与展望');
    const facts = path.join(dir, 'chapter.yaml');
    fs.writeFileSync(facts, fs.readFileSync(facts, 'utf8') + '\nlicence: MIT\n');
    const broken = readChapter(dir);
    expect(broken.model).toBeUndefined();
    expect(broken.problems).toEqual([
      expect.objectContaining({ file: facts, message: expect.stringContaining('"licence"') }),
    ]);
  });

  it('reads again only what a changed file holds, and the model follows', () => {
    const dir = contentCopy();
    const sources = readChapterSources(dir);
    const terms = path.join(dir, 'terms.yaml');
    fs.writeFileSync(terms, fs.readFileSync(terms, 'utf8').replace('- name: BitNet\n', ''));
    const afterTerms = rereadSource(sources, dir, terms);
    // The section files were not read again: their trees are the very same objects.
    expect(afterTerms.sections).toBe(sources.sections);
    expect(afterTerms.facts).toBe(sources.facts);
    expect(afterTerms.terms!.text).not.toContain('BitNet');
    const names = (s: typeof sources) => modelOf(s).glossary.terms.map((t) => t.name);
    expect(names(sources)).toContain('BitNet');
    expect(names(afterTerms)).not.toContain('BitNet');

    const summary = path.join(dir, '01-summary.mdx');
    fs.writeFileSync(
      summary,
      fs.readFileSync(summary, 'utf8').replace('## 14.1 技术发展总结', '## 14.1 技术总结'),
    );
    const afterSection = rereadSource(afterTerms, dir, summary);
    expect(afterSection.terms).toBe(afterTerms.terms);
    expect(modelOf(afterSection).parts[1].title).toBe('14.1 技术总结');
    // Of the section files, only the changed one was parsed again.
    expect(afterSection.sections[0]).toBe(afterTerms.sections[0]);
    expect(afterSection.sections[1]).not.toBe(afterTerms.sections[1]);
    // A file the model does not read changes nothing.
    expect(rereadSource(afterSection, dir, path.join(dir, 'anchors.txt'))).toBe(afterSection);
  });
});
