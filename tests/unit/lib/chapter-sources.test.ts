import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepareChapter } from '../../../src/build/chapter-sources.ts';
import { contentDir, root } from '../../support/paths.ts';

const fixture = (name: string) => path.join(root, 'tests/fixtures/content', name);

describe('prepareChapter', () => {
  it('indexes every citation of the chapter in reading order, numbering repeats per reference', () => {
    const { citations } = prepareChapter(contentDir);
    expect(citations.references).toEqual([1, 2, 3, 4, 5, 6, 7]);
    const five = citations.sites.filter((s) => s.reference === 5);
    expect(five.map((s) => s.occurrence)).toEqual([1, 2, 3]);
    expect(five.map((s) => s.section)).toEqual(['14.1.2 核心技术体系', '14.1.2 核心技术体系', '14.1.3 关键技术突破与趋势']);
    expect(new Set(citations.sites.map((s) => s.id)).size).toBe(citations.sites.length);
  });

  it('rejects a heading id used in two files, naming both', () => {
    expect(() => prepareChapter(fixture('duplicate-id'))).toThrow(/Duplicate id "141-技术发展总结": .*00-intro\.mdx:8 .* and .*01-summary\.mdx:6/);
  });

  it('rejects a title that is not the section heading, naming file and field', () => {
    expect(() => prepareChapter(fixture('title-mismatch'))).toThrow(
      /01-summary\.mdx: frontmatter field "title" is "14.1 技术发展概要" but the section's first heading is "14.1 技术发展总结"/,
    );
  });

  it('names the file when MDX cannot be parsed, and reads TeX braces as math, not as expressions', () => {
    expect(() => prepareChapter(fixture('broken-mdx'))).toThrow(/broken-mdx\/00-intro\.mdx: cannot parse MDX/);
    expect(() => prepareChapter(fixture('katex-error'))).not.toThrow();
  });
});
