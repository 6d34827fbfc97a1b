import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { sectionRanges } from '../../../src/lib/section-source.ts';

const parse = (md: string) => unified().use(remarkParse).use(remarkGfm).parse(md) as Root;

const doc = [
  '# 章',
  '',
  '引言。',
  '',
  '## 14.1 甲',
  '',
  '甲的正文。',
  '',
  '### 14.1.1 甲一',
  '',
  '| a | b |',
  '|---|---|',
  '| 1 | 2 |',
  '',
  '---',
  '',
  '## 14.2 乙',
  '',
  '乙的正文 [1]。',
  '',
].join('\n');

describe('section ranges in the Markdown source', () => {
  const ranges = sectionRanges(parse(doc));
  const slice = (id: string) => {
    const r = ranges.find((x) => x.heading.id === id)!;
    return doc.slice(r.start, r.end);
  };

  it('finds every h2 and h3 with the id its heading gets on the page', () => {
    expect(ranges.map((r) => [r.heading.id, r.heading.depth])).toEqual([
      ['141-甲', 2],
      ['1411-甲一', 3],
      ['142-乙', 2],
    ]);
  });

  it('an h2 section runs through its h3 subsections and stops before the next h2', () => {
    expect(slice('141-甲')).toBe(
      '## 14.1 甲\n\n甲的正文。\n\n### 14.1.1 甲一\n\n| a | b |\n|---|---|\n| 1 | 2 |',
    );
  });

  it('the --- rule between two parts belongs to neither', () => {
    expect(slice('1411-甲一').endsWith('| 1 | 2 |')).toBe(true);
    expect(slice('142-乙').startsWith('## 14.2 乙')).toBe(true);
  });

  it('the last section ends at its last block, without trailing blank lines', () => {
    expect(slice('142-乙')).toBe('## 14.2 乙\n\n乙的正文 [1]。');
  });

  it('offsets count UTF-16 code units, as String.prototype.slice does in the browser', () => {
    const withAstral = '## 𝔸 字\n\n文𝔹。\n';
    const [r] = sectionRanges(parse(withAstral));
    expect(withAstral.slice(r.start, r.end)).toBe('## 𝔸 字\n\n文𝔹。');
  });
});

describe('the same sections by line of the source file', () => {
  const lines = doc.split('\n');
  const at = (id: string) => sectionRanges(parse(doc)).find((x) => x.heading.id === id)!;
  const text = (id: string) => lines.slice(at(id).startLine - 1, at(id).endLine).join('\n');

  it('run from the heading’s line to the last line of the last block', () => {
    // Line numbers are 1-based and inclusive, as a link to lines #L5-L13 reads them.
    expect(sectionRanges(parse(doc)).map((r) => [r.heading.id, r.startLine, r.endLine])).toEqual([
      ['141-甲', 5, 13],
      ['1411-甲一', 9, 13],
      ['142-乙', 17, 19],
    ]);
    for (const r of sectionRanges(parse(doc)))
      expect(text(r.heading.id)).toBe(doc.slice(r.start, r.end));
  });
});
