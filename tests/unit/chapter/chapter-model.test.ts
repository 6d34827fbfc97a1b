import { describe, expect, it } from 'vitest';
import { prepareChapter } from '../../../src/chapter/read-chapter.ts';
import { contentDir } from '../../support/paths.ts';
import { intro, MATRIX_SPEC, matrixSection, messageOf, modelFrom, references } from './content.ts';

const row = (cells: string[]) => `| ${cells.join(' | ')} |`;

describe('the chapter model of content/', () => {
  const chapter = prepareChapter(contentDir);

  it('indexes every citation, in prose and in figure cells alike, in reading order with one id scheme', () => {
    expect(chapter.citations.references).toEqual([1, 2, 3, 4, 5, 6, 7]);
    const five = chapter.citations.sites.filter((s) => s.reference === 5);
    // 14.1.2's list, the matrix's 推测解码 row, the milestones' 推测解码 row.
    expect(five.map((s) => [s.section, s.id])).toEqual([
      ['14.1.2 核心技术体系', 'cite-5-summary-1'],
      ['14.1.2 核心技术体系', 'cite-5-summary-2'],
      ['14.1.3 关键技术突破与趋势', 'cite-5-summary-3'],
    ]);
    expect(five.map((s) => s.occurrence)).toEqual([1, 2, 3]);
    expect(new Set(chapter.citations.sites.map((s) => s.id)).size).toBe(
      chapter.citations.sites.length,
    );
  });

  it('reads the eleven figures from the tables they wrap, captioned by the line or heading that introduces them', () => {
    expect(chapter.figures.map((f) => [f.name, f.caption])).toEqual([
      ['evolution', '推理优化技术演进'],
      ['maturity', '技术成熟度评估矩阵'],
      ['breakthroughs', '重大技术里程碑'],
      ['innovation', '创新领域发展态势'],
      ['hardware', '硬件生态格局'],
      ['softwareStack', '软件技术栈生态'],
      ['roadmap', '核心技术演进路线图'],
      ['trajectories', '重点技术发展轨迹'],
      ['milestones', '技术发展里程碑'],
      ['risks', '技术风险评估'],
      ['keyMilestones', '关键里程碑节点'],
    ]);
    const maturity = chapter.figures.find((f) => f.name === 'maturity')!;
    expect(maturity.rows.map((r) => r.id)).toContain('tensorrt');
    expect(chapter.figures.find((f) => f.name === 'milestones')!.rows.map((r) => r.id)).toContain(
      '2024-q3',
    );
  });

  it('takes the chapter title and each section title from the headings', () => {
    expect(chapter.title).toBe('十四、总结与展望');
    expect(chapter.parts.map((p) => p.title)).toEqual([
      '十四、总结与展望',
      '14.1 技术发展总结',
      '14.2 技术生态现状',
      '14.3 未来发展趋势',
      '14.4 结论与建议',
      '参考文献',
    ]);
  });
});

describe('a figure is read from the table it wraps', () => {
  it('checks each cell against its column and names the level, gain and link id it reads', () => {
    const { figures } = modelFrom({
      '00-intro.mdx': intro,
      '01-summary.mdx': matrixSection(),
      '09-references.mdx': references,
    });
    const [maturity] = figures;
    expect(
      maturity.rows.map((r) => [r.id, r.group, r.cells[2].level?.rank, r.cells[3].gain?.min]),
    ).toEqual([
      ['tensorrt', '推理引擎', 4, 5],
      ['onnx-runtime', '推理引擎', 2, 3.5],
    ]);
    // The empty group cell stands for the group above it, as the chapter's table leaves it.
    expect(maturity.rows[1].cells[0]).toEqual({ text: '', repeatsGroup: '推理引擎' });
    expect(maturity.rows[1].cells[4].text).toBe('跨平台通用方案 [1]');
  });
});

describe('bad content fails with the file, line, column and a hint', () => {
  const build = (summary: string, extra: Record<string, string> = {}) =>
    messageOf(() =>
      modelFrom({
        '00-intro.mdx': intro,
        '01-summary.mdx': summary,
        '09-references.mdx': references,
        ...extra,
      }),
    );

  it('a cell whose level word is not on its scale', () => {
    const rows = [
      row(['**推理引擎**', 'TensorRT', '成熟阶段', '5.0x', 'x']),
      row(['', 'ONNX Runtime', '推广阶段', '3.5x', 'y']),
    ];
    expect(build(matrixSection({ rows }))).toMatchInlineSnapshot(`
      "content/01-summary.mdx:22:21: figure "maturity", column "成熟度等级": "推广阶段" is not a level of 成熟度等级 (试点阶段 / 生产阶段 / 成熟/生产 / 成熟阶段)
        Hint: Start the cell with one of those words (a note may follow after a space or a bracket, as in "高 (特定框架支持)"), or draw the column differently at figures.maturity.columns.成熟度等级."
    `);
  });

  it('a malformed gain', () => {
    const rows = [row(['**推理引擎**', 'TensorRT', '成熟阶段', '2-x', 'x'])];
    expect(build(matrixSection({ rows }))).toMatchInlineSnapshot(`
      "content/01-summary.mdx:21:32: figure "maturity", column "性能提升": "2-x" is not a gain
        Hint: Write a gain as 2.0x, 4-10x or 2-5x 提升."
    `);
  });

  it('a malformed date', () => {
    const summary = [
      '---',
      'order: 1',
      'figures:',
      '  milestones:',
      '    form: timeline',
      '    columns:',
      '      时间: span',
      '---',
      '',
      '## 14.3.2 技术发展里程碑',
      '',
      '<Figure name="milestones">',
      '',
      '| **时间** | **技术突破** |',
      '| --- | --- |',
      '| **2024 Q5** | 某项突破 |',
      '',
      '</Figure>',
      '',
    ].join('\n');
    expect(build(summary)).toMatchInlineSnapshot(`
      "content/01-summary.mdx:16:3: figure "milestones", column "时间": "2024 Q5" is not a time
        Hint: Write a year (2017), a span of years (2015-2017), an open span (2026+), a quarter (2024 Q3) or a year’s end (2024 年底)."
    `);
  });

  it('an empty cell outside a group column', () => {
    const rows = [row(['**推理引擎**', ' ', '成熟阶段', '5.0x', 'x'])];
    expect(build(matrixSection({ rows }))).toMatchInlineSnapshot(`
      "content/01-summary.mdx:21:12: figure "maturity", column "技术名称": the cell is empty
        Hint: Only a column drawn with { groups: true } may leave a cell empty, to repeat the label above it."
    `);
  });

  it('an encoding that names a column the table does not have', () => {
    const spec = [...MATRIX_SPEC, '      实施复杂度: level:complexity'];
    expect(build(matrixSection({ spec }))).toMatchInlineSnapshot(`
      "content/01-summary.mdx:11:7: figure "maturity": the frontmatter draws a column "实施复杂度", which the table does not have (its columns: 技术领域, 技术名称, 成熟度等级, 性能提升, 备注)
        Hint: Key each column by its header text as the table writes it, without the ** marks."
    `);
  });

  it('an encoding that is not one', () => {
    const spec = MATRIX_SPEC.map((l) => l.replace('level:maturity', 'level:maturty'));
    expect(build(matrixSection({ spec }))).toMatchInlineSnapshot(
      `"content/01-summary.mdx:9:7: frontmatter field "figures.maturity.columns.成熟度等级.encode": "level:maturty" is not an encoding; use one of text, gain, span, level:maturity, level:complexity, level:level, level:industry, level:stage"`,
    );
  });

  it('a <Figure> that wraps no table, or two', () => {
    const none = matrixSection().replace(
      /\| \*\*技术领域[\s\S]*?\n\n<\/Figure>/,
      '这里没有表格。\n\n</Figure>',
    );
    expect(build(none)).toMatchInlineSnapshot(`
      "content/01-summary.mdx:17:1: <Figure name="maturity"> wraps no table; it must wrap exactly one table
        Hint: Write the chapter's GFM table between <Figure name="maturity"> and </Figure>, each on its own line with a blank line before and after the table."
    `);
    const two = matrixSection().replace(
      '\n\n</Figure>',
      '\n\n| a | b |\n| --- | --- |\n| 1 | 2 |\n\n</Figure>',
    );
    expect(build(two)).toMatchInlineSnapshot(`
      "content/01-summary.mdx:17:1: <Figure name="maturity"> wraps 2 tables; it must wrap exactly one table
        Hint: Write the chapter's GFM table between <Figure name="maturity"> and </Figure>, each on its own line with a blank line before and after the table."
    `);
  });

  it('a <Figure> whose name has no spec, and a spec that no <Figure> uses', () => {
    expect(build(matrixSection().replace('<Figure name="maturity">', '<Figure name="matrix">')))
      .toMatchInlineSnapshot(`
      "content/01-summary.mdx:4:3: figures.maturity is defined in the frontmatter but no <Figure name="maturity"> uses it
        Hint: Wrap the figure's table in <Figure name="maturity"> … </Figure>, or remove figures.maturity.
      content/01-summary.mdx:17:1: <Figure name="matrix"> has no entry figures.matrix in the frontmatter
        Hint: Add figures.matrix with its form (and how its columns are drawn) to this file's frontmatter, or correct the name (this file defines: maturity)."
    `);
  });

  it('a frontmatter field of the wrong type, and a misspelt one', () => {
    expect(build(matrixSection().replace('order: 1', 'order: "first"'))).toMatchInlineSnapshot(
      `"content/01-summary.mdx:2:1: frontmatter field "order": order must be a whole number giving the section position"`,
    );
    expect(
      build(matrixSection().replace('order: 1', 'order: 1\ntittle: 14.1')),
    ).toMatchInlineSnapshot(
      `"content/01-summary.mdx:3:1: frontmatter field "tittle": Unrecognized key: "tittle""`,
    );
  });

  it('the same heading id in two section files', () => {
    expect(
      build(matrixSection(), {
        '02-again.mdx': '---\norder: 2\n---\n\n## 14.1 技术发展总结\n\n重复的标题。\n',
      }),
    ).toMatchInlineSnapshot(`
      "content/02-again.mdx:5: duplicate id "141-技术发展总结": heading "14.1 技术发展总结" gets the same id as heading "14.1 技术发展总结" at content/01-summary.mdx:13
        Hint: Every heading and figure row is a link target, so each needs its own id; reword one of them (or give a figure an idPrefix)."
    `);
  });

  it('a citation of a reference that is not in the list', () => {
    expect(build(matrixSection().replace('跨平台通用方案 [1]', '跨平台通用方案 [1,8]')))
      .toMatchInlineSnapshot(`
      "content/01-summary.mdx:22:42: citation [8] refers to a reference that is not in the reference list (it has: 1)
        Hint: Cite a number the reference list has, or add the entry to the list as a paragraph starting with "[n] "."
    `);
  });

  it('MDX that cannot be parsed, and MDX that cannot be published as Markdown', () => {
    expect(
      build(
        matrixSection().replace(
          '## 14.1 技术发展总结',
          '## 14.1 技术发展总结\n\n一个未闭合的表达式 {frontmatter.title 在这里。',
        ),
      ),
    ).toMatchInlineSnapshot(
      `"content/01-summary.mdx:15:34: cannot parse MDX: Unexpected end of file in expression, expected a corresponding closing brace for \`{\`"`,
    );
    expect(
      build(
        matrixSection().replace(
          '## 14.1 技术发展总结',
          "import Chart from './Chart.astro';\n\n## 14.1 技术发展总结",
        ),
      ),
    ).toMatchInlineSnapshot(`
      "content/01-summary.mdx:13:1: An import or export cannot be published as the chapter's Markdown
        Hint: Section files hold the chapter as Markdown; the only element they may use is <Figure name="…"> around a table."
    `);
  });

  it('YAML that cannot be read, in a frontmatter, the facts or the terms: one message, at its place in the file, with a hint for that file', () => {
    const sections = { '00-intro.mdx': intro, '09-references.mdx': references };
    // The same slip everywhere: a key written twice.
    expect(build(matrixSection().replace('order: 1', 'order: 1\norder: 2'))).toBe(
      [
        'content/01-summary.mdx:3:1: not valid YAML: Map keys must be unique',
        '  Hint: The frontmatter is the YAML between the two --- lines at the top of the file: field: value, one per line (docs/authoring.md).',
      ].join('\n'),
    );
    // What only Astro's own reader of frontmatter (js-yaml) rejects is reported the same way.
    expect(build(matrixSection().replace('order: 1', 'order: !wat 1'))).toBe(
      [
        'content/01-summary.mdx:2:14: not valid YAML: unknown tag !<!wat>',
        '  Hint: The frontmatter is the YAML between the two --- lines at the top of the file: field: value, one per line (docs/authoring.md).',
      ].join('\n'),
    );
    expect(messageOf(() => modelFrom(sections, undefined, { facts: 'site: a\nsite: b\n' }))).toBe(
      [
        'content/chapter.yaml:2:1: not valid YAML: Map keys must be unique',
        '  Hint: Write each fact once, as field: value on a line of its own (docs/authoring.md).',
      ].join('\n'),
    );
    expect(messageOf(() => modelFrom(sections, '- name: A\n  en: B\n  en: C\n'))).toBe(
      [
        'content/terms.yaml:3:3: not valid YAML: Map keys must be unique',
        '  Hint: Each term is an item of the list, - name: …, with its other fields (en or zh, aliases, pinyin) indented under it (docs/authoring.md).',
      ].join('\n'),
    );
  });

  it('a term of the index that the chapter never mentions', () => {
    const names = [
      'TensorRT',
      'ONNX Runtime',
      ...Array.from({ length: 38 }, (_, i) => `Term${i}`),
      'Mamba',
    ];
    const prose = `---\norder: 2\n---\n\n## 14.2 术语\n\n${names.slice(2, -1).join('、')}。\n`;
    const terms = names.map((n) => `- name: ${n}`).join('\n');
    expect(
      messageOf(() =>
        modelFrom(
          {
            '00-intro.mdx': intro,
            '01-summary.mdx': matrixSection(),
            '02-terms.mdx': prose,
            '09-references.mdx': references,
          },
          terms,
        ),
      ),
    ).toMatchInlineSnapshot(`
      "content/terms.yaml:41:3: term "Mamba" (entry 41) occurs nowhere in the chapter (looked for: Mamba)
        Hint: Write the term as the chapter does (or add the spelling it uses as an alias), or remove the entry."
    `);
  });

  it('every problem at once, in the order an author meets them', () => {
    const rows = [row(['**推理引擎**', 'TensorRT', '推广阶段', '2-x', 'x'])];
    const message = build(matrixSection({ rows }));
    expect(message.split('\n').filter((l) => !l.startsWith('  Hint'))).toEqual([
      // Row 1 of the table is line 21; its third cell starts at column 25, its fourth at 32.
      expect.stringMatching(/^content\/01-summary\.mdx:21:25: .*"推广阶段" is not a level/),
      expect.stringMatching(/^content\/01-summary\.mdx:21:32: .*"2-x" is not a gain/),
    ]);
  });
});
