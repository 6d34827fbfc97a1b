import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { prepareChapter } from '../../../src/chapter/read-chapter.ts';
import { tocMarkdown } from '../../../src/lib/chapter-markdown.ts';
import { contentDir, sourceMarkdown } from '../../support/paths.ts';
import { tocFragments } from '../../support/source.ts';
import { intro, matrixSection, modelFrom, references } from './content.ts';

describe('the chapter Markdown derived from content/', () => {
  const chapter = prepareChapter(contentDir);
  const golden = fs.readFileSync(sourceMarkdown, 'utf8');

  it('equals the chapter as published, byte for byte', () => {
    // Compared line by line first, so a difference is reported where it is.
    expect(chapter.markdown.split('\n')).toEqual(golden.split('\n'));
    expect(Buffer.from(chapter.markdown)).toEqual(fs.readFileSync(sourceMarkdown));
  });

  it('generates the 目录 from the headings: the chapter’s 19 links, each to a heading that exists', () => {
    const ids = new Set(chapter.parts.flatMap((p) => p.headings.map((h) => h.id)));
    expect(tocFragments()).toHaveLength(19);
    for (const fragment of tocFragments())
      expect(ids.has(decodeURIComponent(fragment.slice(1))), fragment).toBe(true);
  });

  it('cuts each h2 and h3 section out exactly: from its heading to the block before the next heading of its level', () => {
    expect(chapter.sections).toHaveLength(19);
    for (const { heading, start, end } of chapter.sections) {
      const text = chapter.markdown.slice(start, end);
      expect(text.startsWith(`${'#'.repeat(heading.depth)} ${heading.text}\n`), heading.id).toBe(
        true,
      );
      const rest = chapter.markdown.slice(end);
      // What follows is the next heading of the same or a higher level, a rule before the next part, or the end.
      const next = new RegExp(`^\\n\\n(---\\n\\n)?#{1,${heading.depth}} |^\\n$`);
      expect(rest, heading.id).toMatch(next);
    }
    const trends = chapter.sections.find((s) => s.heading.id === '1432-技术发展里程碑')!;
    expect(chapter.markdown.slice(trends.start, trends.end)).toContain(
      '| **2024 Q3** | OpenAI o1 (Strawberry)  | 极高 ',
    );
  });
});

describe('deriving the Markdown', () => {
  const chapter = modelFrom({
    '00-intro.mdx': intro,
    '01-summary.mdx': matrixSection(),
    '09-references.mdx': references,
  });

  it('keeps a figure’s table exactly as written and leaves its <Figure> wrapper out', () => {
    const part = chapter.markdown.slice(
      chapter.markdown.indexOf('## 14.1'),
      chapter.markdown.indexOf('\n\n---\n\n## 参考文献'),
    );
    expect(part).toBe(
      [
        '## 14.1 技术发展总结',
        '',
        '**技术成熟度评估矩阵**：',
        '',
        '| **技术领域** | **技术名称** | **成熟度等级** | **性能提升** | **备注** |',
        '| --- | --- | --- | --- | --- |',
        '| **推理引擎** | TensorRT | 成熟阶段 | 5.0x | NVIDIA GPU 首选 |',
        '| | ONNX Runtime | 生产阶段 | 3.5x | 跨平台通用方案 [1] |',
      ].join('\n'),
    );
  });

  it('puts the generated 目录 after the opening, a rule before every later part, and a newline at the end', () => {
    const lines = chapter.markdown.split('\n');
    expect(lines.slice(0, 10)).toEqual([
      '# 十四、总结与展望',
      '',
      '引言。',
      '',
      '## 目录',
      '',
      '- [14.1 技术发展总结](#141-技术发展总结)',
      '- [参考文献](#参考文献)',
      '',
      '---',
    ]);
    expect(
      chapter.markdown.endsWith('\n\n---\n\n## 参考文献\n\n[1] Example, A. "A Reference." 2025.\n'),
    ).toBe(true);
    expect(
      tocMarkdown([
        { depth: 2, text: '14.1 甲', id: '141-甲' },
        { depth: 3, text: '14.1.1 乙', id: '1411-乙' },
      ]),
    ).toBe('## 目录\n\n- [14.1 甲](#141-甲)\n  - [14.1.1 乙](#1411-乙)');
  });
});
