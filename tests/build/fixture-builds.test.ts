import fs from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { afterAll, describe, expect, it } from 'vitest';
import { buildContent, removeBuilds, tempDir } from '../support/build-content.ts';
import { git } from '../support/git.ts';
import { contentDir, root } from '../support/paths.ts';

/*
 * Real `astro build`s of other content folders, as an author would run them. Only what a build
 * alone can show is checked here: that a message reaches the command line, and that an edit
 * reaches every published form. The messages themselves are pinned where they are raised
 * (tests/unit/chapter/chapter-model.test.ts).
 */
const fixtures = path.join(root, 'tests/fixtures/content');

const build = (content: string) => buildContent(content);
afterAll(removeBuilds);

describe('a content error stops the build with its place and a hint on the command line', () => {
  it('a figure cell whose level the scale does not know, and a facts file with a licence that is not an SPDX identifier and a misspelt field, all at once (found when the chapter is read)', () => {
    const { status, output } = build(path.join(fixtures, 'bad-content'));
    expect(status).not.toBe(0);
    expect(output).toContain(
      'tests/fixtures/content/bad-content/01-summary.mdx:21:33: figure "maturity", column "成熟度等级": "推广阶段" is not a level of 成熟度等级 (试点阶段 / 生产阶段 / 成熟/生产 / 成熟阶段)',
    );
    expect(output).toContain('Hint: Start the cell with one of those words');
    expect(output).toContain(
      'tests/fixtures/content/bad-content/chapter.yaml:3:10: field "license": "CC BY 4.0" is not an SPDX licence identifier',
    );
    expect(output).toContain(
      'tests/fixtures/content/bad-content/chapter.yaml:4:1: unknown field "author" (did you mean "authors"?)',
    );
    expect(output).toContain('Hint: Write the licence’s SPDX identifier');
  });

  it('a formula KaTeX cannot parse (found when the page is compiled)', () => {
    const { status, output } = build(path.join(fixtures, 'katex-error'));
    expect(status).not.toBe(0);
    expect(output).toContain('katex-error/00-intro.mdx');
    expect(output).toContain('KaTeX could not render a formula');
  });
});

describe('math, when the chapter has some', () => {
  it('renders $…$ and $$…$$ as MathML through remark-math and rehype-katex, loading nothing for it', () => {
    const { status, output, read } = build(path.join(fixtures, 'math'));
    expect(status, output).toBe(0);
    const html = read('index.html');
    expect(html).toMatch(/<math[^>]*><semantics><mrow><mi>T<\/mi>/);
    expect(html).toContain('display="block"');
    expect(html).not.toMatch(/katex(\.min)?\.css|cdn\.|jsdelivr/);
    expect(html).not.toMatch(/\sstyle="/);
    // The published Markdown keeps the formulas as written.
    expect(read('chapter-14.md')).toContain('吞吐量近似为 $T = B / t$，其中 B 为批大小。');
  });
});

describe('one edit in one section file reaches every published form', () => {
  it('a sentence and a matrix cell changed in content/01-summary.mdx show on the page, in the chapter Markdown, in the copied section and in the figure data', () => {
    const copy = tempDir('chapter-content-');
    fs.cpSync(contentDir, copy, { recursive: true });
    const file = path.join(copy, '01-summary.mdx');
    const sentence = [
      '模型压缩技术通过减少模型参数数量或降低计算精度来提升推理效率。',
      '模型压缩技术通过减少模型参数数量或降低计算精度来提升推理效率与能效。',
    ];
    const cell = [
      '| **推理引擎** | TensorRT      | 成熟阶段       | 5.0x         |',
      '| **推理引擎** | TensorRT      | 成熟阶段       | 6.0x         |',
    ];
    const source = fs.readFileSync(file, 'utf8');
    expect(source).toContain(sentence[0]);
    expect(source).toContain(cell[0]);
    fs.writeFileSync(file, source.replace(sentence[0], sentence[1]).replace(cell[0], cell[1]));

    const { status, output, read } = build(copy);
    expect(status, output).toBe(0);

    const page = parseHTML(read('index.html')).document;
    expect([...page.querySelectorAll('p')].some((p) => p.textContent === sentence[1])).toBe(true);
    // A copy of the files has no history: no date anywhere, and one line of the build log says why.
    expect(output.match(/^.*Dates of last change left out.*$/gm)).toEqual([
      expect.stringMatching(
        /chapter-content-\w+ is not in a git repository; they are read from the chapter's git history\.$/,
      ),
    ]);
    expect(page.querySelectorAll('.chapter-updated, .section-meta, time')).toHaveLength(0);
    expect(page.querySelector('script[type="application/ld+json"]')!.textContent).not.toContain(
      'dateModified',
    );
    const tensorrt = page.getElementById('tensorrt')!;
    expect(tensorrt.querySelector('td.gain')!.textContent!.trim()).toBe('6.0x');
    expect(tensorrt.querySelector('td.gain')!.getAttribute('data-sort')).toBe('6');

    const markdown = read('chapter-14.md');
    expect(markdown).toContain(sentence[1]);
    expect(markdown).toContain(cell[1]);
    expect(markdown).not.toContain(cell[0]);

    const button = page.querySelector('button[data-copy-section="14.1.2 核心技术体系"]')!;
    const copied = markdown.slice(
      Number(button.getAttribute('data-start')),
      Number(button.getAttribute('data-end')),
    );
    expect(copied.startsWith('### 14.1.2 核心技术体系')).toBe(true);
    expect(copied).toContain(sentence[1]);
    expect(copied).toContain(cell[1]);
    expect(
      copied.endsWith(
        '| **LPU 加速**  | 试点阶段       | 10-20x       | 中             | **特定场景（如实时交互）优势** [6] |',
      ),
    ).toBe(true);

    const data = JSON.parse(read('data/maturity.json')) as {
      rows: { id: string; cells: Record<string, string> }[];
    };
    expect(data.rows.find((r) => r.id === 'tensorrt')!.cells['性能提升']).toBe('6.0x');
    expect(read('data/maturity.csv')).toContain(
      'tensorrt,推理引擎,TensorRT,成熟阶段,6.0x,中等,NVIDIA GPU 首选',
    );
  });
});

describe('the facts file and the history reach every published form', () => {
  it('with every fact known, a repository and one commit: page metadata, JSON-LD, the three citations, llms.txt, the dates and a source link per section', () => {
    // The chapter as a repository of its own, committed at 20:00 UTC on 3 February 2026: 04:00 on 4 February at UTC+8.
    const repo = tempDir('chapter-repo-');
    const copy = path.join(repo, 'content');
    fs.cpSync(contentDir, copy, { recursive: true });
    fs.writeFileSync(
      path.join(copy, 'chapter.yaml'),
      [
        'partOf: 推理优化综述',
        'authors:',
        '  - { family: 王, given: 小明 }',
        '  - { family: Vaswani, given: Ashish }',
        'published: 2025-06-30',
        'license: CC-BY-4.0',
        'site: https://facts.example.org',
        'repository:',
        '  url: https://github.com/owner/chapter',
        '  branch: main',
        '',
      ].join('\n'),
    );
    const at = { author: '2026-02-03T20:00:00Z', committer: '2026-02-03T20:00:00Z' };
    git(repo, ['init', '-q', '-b', 'main']);
    git(repo, ['add', '-A']);
    git(repo, ['commit', '-q', '-m', 'the chapter'], at);

    const { status, output, read } = build(copy);
    expect(status, output).toBe(0);
    expect(output).not.toContain('Dates of last change left out');
    const page = parseHTML(read('index.html')).document;
    const meta = (sel: string) => page.querySelector(sel)?.getAttribute('content');

    expect(page.querySelector('link[rel="canonical"]')!.getAttribute('href')).toBe(
      'https://facts.example.org/',
    );
    expect(meta('meta[name="author"]')).toBe('王小明, Ashish Vaswani');
    expect(meta('meta[property="og:site_name"]')).toBe('推理优化综述');
    expect(meta('meta[property="article:published_time"]')).toBe('2025-06-30');
    expect(meta('meta[property="article:modified_time"]')).toBe('2026-02-04');
    expect(page.querySelector('link[rel="license"]')!.getAttribute('href')).toBe(
      'https://spdx.org/licenses/CC-BY-4.0.html',
    );
    const ld = JSON.parse(page.querySelector('script[type="application/ld+json"]')!.textContent!);
    expect(ld).toMatchObject({
      author: [
        { '@type': 'Person', name: '王小明' },
        { '@type': 'Person', name: 'Ashish Vaswani' },
      ],
      datePublished: '2025-06-30',
      dateModified: '2026-02-04',
      license: 'https://spdx.org/licenses/CC-BY-4.0.html',
      isPartOf: { '@type': 'CreativeWork', name: '推理优化综述' },
    });

    // The citations as a reader sees them before the script fills in the access date: without one.
    expect(page.getElementById('cite-gbt')!.textContent).toBe(
      '王小明, Vaswani A. 十四、总结与展望[EB/OL]//推理优化综述. 2025(2026-02-04). https://facts.example.org/.',
    );
    expect(page.getElementById('cite-apa')!.textContent).toBe(
      '王小明, & Vaswani, A. (2026, February 4). 十四、总结与展望. 推理优化综述. https://facts.example.org/',
    );
    const bib = page.getElementById('cite-bibtex')!.textContent!;
    expect(bib).toContain('author = {王, 小明 and Vaswani, Ashish},');
    expect(bib).toContain('booktitle = {推理优化综述},');
    expect(bib).toContain('date = {2025-06-30},');
    expect(bib).toContain('note = {Last updated: 2026-02-04.},');
    const note = page.querySelector('.cite-note')!.textContent!;
    expect(note).not.toContain('不详');
    expect(page.querySelector('.cite-chapter a[rel="license"]')!.textContent).toBe('CC-BY-4.0');

    const llms = read('llms.txt');
    expect(llms).toContain('《推理优化综述》中「十四、总结与展望」一章的网页版。');
    expect(llms).toContain(
      '作者：王小明、Ashish Vaswani。出版日期：2025-06-30。最后更新：2026-02-04。许可：CC-BY-4.0。',
    );

    // The dates: under the title, and beside every h2/h3 of the chapter.
    expect(page.querySelector('h1 + .chapter-updated time')!.getAttribute('datetime')).toBe(
      '2026-02-04',
    );
    const headings = [...page.querySelectorAll('.chapter-section[data-section] :is(h2, h3)')];
    expect(headings).toHaveLength(19);
    for (const h of headings) {
      const meta = h.parentElement!.querySelector('.section-meta')!;
      expect(meta.querySelector('time')!.getAttribute('datetime'), h.id).toBe('2026-02-04');
      // Each link opens the section's own lines: the first is its heading, the last its last block.
      const link = meta.querySelector('a.section-source')!;
      const match =
        /^https:\/\/github\.com\/owner\/chapter\/blob\/main\/(content\/[\w-]+\.mdx)#L(\d+)-L(\d+)$/.exec(
          link.getAttribute('href')!,
        );
      expect(match, link.getAttribute('href')!).not.toBeNull();
      const lines = fs.readFileSync(path.join(repo, match![1]), 'utf8').split('\n');
      const [start, end] = [Number(match![2]), Number(match![3])];
      expect(lines[start - 1], h.id).toBe(`${h.tagName === 'H2' ? '##' : '###'} ${h.textContent}`);
      const rest = lines.slice(end).filter((l) => l.trim() !== '' && l.trim() !== '---');
      expect(lines[end - 1].trim(), h.id).not.toBe('');
      expect(
        rest.length === 0 || new RegExp(`^#{1,${h.tagName === 'H2' ? 2 : 3}} `).test(rest[0]),
        h.id,
      ).toBe(true);
      expect(link.textContent).toBe(`在源文件中查看本节：${h.textContent}`);
    }
    // Kept out of search and of the chapter's text.
    expect(
      page.querySelectorAll('.section-meta:not([data-pagefind-ignore="all"][data-added])'),
    ).toHaveLength(0);
  });
});
