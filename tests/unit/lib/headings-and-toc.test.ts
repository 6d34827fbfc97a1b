import { describe, expect, it } from 'vitest';
import { findDuplicateIds } from '../../../src/lib/heading-ids.ts';
import { currentSectionIndex } from '../../../src/lib/scroll-spy.ts';
import { hashForId, slugForHeading } from '../../../src/lib/slug.ts';
import { captionFrom } from '../../../src/lib/tables.ts';
import { buildToc } from '../../../src/lib/toc.ts';

describe('slugForHeading', () => {
  it('matches the fragments of the chapter 目录', () => {
    expect(slugForHeading('14.1 技术发展总结')).toBe('141-技术发展总结');
    expect(slugForHeading('14.3.2 技术发展里程碑')).toBe('1432-技术发展里程碑');
    expect(slugForHeading('参考文献')).toBe('参考文献');
  });
  it('is stateless: the same heading twice gives the same id (so duplicates can be detected)', () => {
    expect(slugForHeading('参考文献')).toBe(slugForHeading('参考文献'));
  });
  it('percent-encodes ids the way location.hash reports them', () => {
    expect(hashForId('141-技术发展总结')).toBe(
      '#141-%E6%8A%80%E6%9C%AF%E5%8F%91%E5%B1%95%E6%80%BB%E7%BB%93',
    );
  });
});

describe('findDuplicateIds', () => {
  it('reports an id given to headings in two files, with both places', () => {
    const dups = findDuplicateIds([
      { file: 'a.mdx', line: 3, text: '参考文献', id: '参考文献' },
      { file: 'b.mdx', line: 9, text: '参考文献', id: '参考文献' },
      { file: 'b.mdx', line: 1, text: '14.1 技术发展总结', id: '141-技术发展总结' },
    ]);
    expect(dups).toHaveLength(1);
    expect(dups[0].occurrences.map((o) => `${o.file}:${o.line}`)).toEqual(['a.mdx:3', 'b.mdx:9']);
  });
});

describe('buildToc', () => {
  it('nests h3 under h2 and leaves the page title out', () => {
    const toc = buildToc([
      { depth: 1, id: 't', text: '十四、总结与展望' },
      { depth: 2, id: 'a', text: '14.1' },
      { depth: 3, id: 'b', text: '14.1.1' },
      { depth: 2, id: 'c', text: '参考文献' },
    ]);
    expect(toc.map((i) => [i.id, i.children.map((c) => c.id)])).toEqual([
      ['a', ['b']],
      ['c', []],
    ]);
  });
});

describe('currentSectionIndex', () => {
  it('is the last heading at or above the reading line', () => {
    expect(currentSectionIndex([-500, -20, 60, 900], 80, false)).toBe(2);
  });
  it('is the first section before any heading reaches the line', () => {
    expect(currentSectionIndex([200, 900], 80, false)).toBe(0);
  });
  it('makes a short last section current at the bottom of the page', () => {
    expect(currentSectionIndex([-900, -100, 300], 80, true)).toBe(2);
  });
});

describe('captionFrom', () => {
  it('prefers the bold lead line and strips numbering and the colon', () => {
    expect(captionFrom('1. 重大技术里程碑', '14.1.3 关键技术突破与趋势')).toBe('重大技术里程碑');
    expect(captionFrom('核心技术演进路线图：', '14.3.1 重点技术演进')).toBe('核心技术演进路线图');
  });
  it('uses the heading without its section number otherwise', () => {
    expect(captionFrom(undefined, '14.3.3 技术风险评估')).toBe('技术风险评估');
  });
});
