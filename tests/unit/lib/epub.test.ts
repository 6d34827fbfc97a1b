import { spawnSync } from 'node:child_process';
import { strFromU8, unzipSync } from 'fflate';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { bookFiles, type BookSource } from '../../../src/lib/epub/book.ts';
import { epubContainer, zipTime } from '../../../src/lib/epub/container.ts';
import { tocList } from '../../../src/lib/epub/nav-document.ts';
import { bookIdentifier, packageDocument } from '../../../src/lib/epub/package-document.ts';
import { bookMarkup, relink, xhtmlDocument } from '../../../src/lib/epub/xhtml.ts';

const fragment = (html: string) => fromHtml(html, { fragment: true });

/** A small page in the shape the site builds: section files, then the cite panel. */
function pageOf(sections: string): Root {
  return fromHtml(
    `<html lang="zh-CN"><body><article>${sections}<section class="cite-chapter"><h2 id="引用本章">引用本章</h2></section></article></body></html>`,
  );
}

const facts = {
  title: '十四、总结与展望',
  lang: 'zh-CN',
  url: 'https://chapter14.example.org/',
  modified: '2026-11-26T00:02:10Z',
};

const source = (page: Root): BookSource => ({
  chapterUrl: 'https://chapter14.example.org/',
  chapterPage: page,
  parts: [
    { stem: '00-intro', headings: [{ depth: 1, text: '十四、总结与展望', id: '十四总结与展望' }] },
    {
      stem: '01-summary',
      headings: [{ depth: 2, text: '14.1 技术发展总结', id: '141-技术发展总结' }],
    },
  ],
  tocTitle: '目录',
  facts,
});

const files = (s: BookSource) =>
  Object.fromEntries(bookFiles(s).map((f) => [f.path, String(f.data)]));

describe('the page made fit for a book', () => {
  it('takes out buttons, copy-links, drawn marks, dates, data links and script-only notes, keeping the words and ids', () => {
    const tree = fragment(
      `<div class="heading-wrapper level-h2"><h2 id="141-技术发展总结">14.1 技术发展总结</h2><a class="anchor-link" href="#141-技术发展总结" aria-label="本节链接"></a><button type="button" class="copy-section">复制</button><span class="section-meta" data-added>更新于 2026-11-26</span></div>
<div class="table-region" role="region" tabindex="0"><table id="t"><tr id="早期阶段" data-order="0"><td data-label="时间">2015-2017<svg class="span" data-enc aria-hidden="true"><rect/></svg></td></tr></table></div>
<p class="figure-data">数据：<a href="/data/x.json">JSON</a></p><p class="other-forms"><a href="/chapter-14.epub">EPUB</a></p>
<p class="cite-note">更新日期。<span data-dated>引用日期……</span><template>今天</template></p>
<h3><span class="sr-only">拉丁字母 </span>A</h3><matrix-controls><button>全部</button></matrix-controls><script>x()</script>`,
    );
    bookMarkup(tree);
    expect(toHtml(tree)).toBe(
      `<h2 id="141-技术发展总结">14.1 技术发展总结</h2>
<table id="t"><tbody><tr id="早期阶段"><td>2015-2017</td></tr></tbody></table>

<p class="cite-note">更新日期。</p>
<h3>拉丁字母 A</h3>`,
    );
  });

  it('points fragments of the chapter and term pages at the book’s files, other site addresses at the site, and fails on a fragment the book lacks', () => {
    const tree = fragment(
      '<a href="#ref-1">1</a><a href="/#141-技术发展总结">14.1</a><a href="#term-x">x</a><a href="/chapter-14.md">md</a><a href="https://arxiv.org/">arXiv</a>',
    );
    const pages = new Set(['https://s.example/', 'https://s.example/terms/']);
    const fileOf = new Map([
      ['ref-1', '05-references.xhtml'],
      ['141-技术发展总结', '01-summary.xhtml'],
      ['term-x', 'terms.xhtml'],
    ]);
    relink(tree, 'https://s.example/terms/', pages, fileOf);
    expect((tree.children as Element[]).map((a) => a.properties.href)).toEqual([
      // From the term index's page, `#ref-1` is a fragment of that page: here it names an id the book has.
      '05-references.xhtml#ref-1',
      '01-summary.xhtml#141-技术发展总结',
      'terms.xhtml#term-x',
      'https://s.example/chapter-14.md',
      'https://arxiv.org/',
    ]);
    expect(() =>
      relink(fragment('<a href="#gone">x</a>'), 'https://s.example/', pages, fileOf),
    ).toThrow('the link #gone points to no id in the book');
  });

  it('writes XHTML: namespaces declared, void elements closed, empty elements with their end tags', () => {
    const doc = xhtmlDocument({
      title: 'T',
      lang: 'zh-CN',
      body: fragment('<p>a<br>b</p><table><tr><td></td><td>x</td></tr></table>')
        .children as Element[],
      bodyType: 'bodymatter',
      stylesheet: 'book.css',
    });
    expect(doc).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<!DOCTYPE html><html xmlns="http:\/\/www.w3.org\/1999\/xhtml" xmlns:epub="http:\/\/www.idpf.org\/2007\/ops" lang="zh-CN" xml:lang="zh-CN">/,
    );
    expect(doc).toContain('<link rel="stylesheet" href="book.css"/>');
    expect(doc).toContain('<body epub:type="bodymatter"><p>a<br/>b</p>');
    expect(doc).toContain('<td></td><td>x</td>');
    // Well-formed: an XML parser reads it back without complaint.
    const parsed = spawnSync(
      'python3',
      ['-c', 'import sys,xml.dom.minidom as m; m.parseString(sys.stdin.buffer.read())'],
      { input: doc },
    );
    expect(parsed.status, String(parsed.stderr)).toBe(0);
  });
});

describe('the book', () => {
  it('fails naming the page and the part when a section file is not on the page', () => {
    const page = pageOf(
      '<section data-section="00-intro"><h1 id="十四总结与展望">十四、总结与展望</h1></section>',
    );
    expect(() => bookFiles(source(page))).toThrow(
      'the chapter page has no section[data-section="01-summary"]: the book cannot be made from it',
    );
  });

  it('fails when two parts have the same id, which would make a fragment mean two places', () => {
    const page = pageOf(
      '<section data-section="00-intro"><h1 id="十四总结与展望">十四、总结与展望</h1><p id="x">a</p></section><section data-section="01-summary"><h2 id="141-技术发展总结">14.1</h2><p id="x">b</p></section>',
    );
    expect(() => bookFiles(source(page))).toThrow(
      'the id "x" is in both 00-intro.xhtml and 01-summary.xhtml',
    );
  });

  it('puts KaTeX’s MathML in its namespace, and declares it: the manifest’s mathml property and the accessibility feature', () => {
    const math = katex.renderToString('x^2', { output: 'mathml' });
    const page = pageOf(
      `<section data-section="00-intro"><h1 id="十四总结与展望">十四、总结与展望</h1></section><section data-section="01-summary"><h2 id="141-技术发展总结">14.1</h2><p>${math}</p></section>`,
    );
    const book = files(source(page));
    expect(book['EPUB/01-summary.xhtml']).toContain(
      '<math xmlns="http://www.w3.org/1998/Math/MathML"',
    );
    expect(book['EPUB/package.opf']).toContain(
      'href="01-summary.xhtml" media-type="application/xhtml+xml" properties="mathml"',
    );
    expect(book['EPUB/package.opf']).not.toContain(
      'href="00-intro.xhtml" media-type="application/xhtml+xml" properties',
    );
    expect(book['EPUB/package.opf']).toContain(
      '<meta property="schema:accessibilityFeature">MathML</meta>',
    );
    expect(book['EPUB/package.opf']).toContain('公式为 MathML');
  });

  it('reads the 目录 where the chapter writes it, after the opening, and lists the h2s with their h3s beneath', () => {
    const page = pageOf(
      '<section data-section="00-intro"><h1 id="十四总结与展望">十四、总结与展望</h1></section><section data-section="01-summary"><h2 id="141-技术发展总结">14.1</h2></section>',
    );
    const opf = files(source(page))['EPUB/package.opf'];
    const spine = [...opf.matchAll(/<itemref idref="(\w+)" \/>/g)].map((m) => m[1]);
    const hrefOf = Object.fromEntries(
      [...opf.matchAll(/<item id="(\w+)" href="([^"]+)"/g)].map((m) => [m[1], m[2]]),
    );
    expect(spine.map((id) => hrefOf[id])).toEqual([
      '00-intro.xhtml',
      'nav.xhtml',
      '01-summary.xhtml',
      'cite.xhtml',
    ]);
    const list = tocList([
      { depth: 2, text: '14.1', id: 'a', file: 'f.xhtml' },
      { depth: 3, text: '14.1.1', id: 'b', file: 'f.xhtml' },
      { depth: 2, text: '参考文献', id: 'c', file: 'g.xhtml' },
    ]);
    expect(toHtml(list)).toBe(
      '<ol><li><a href="f.xhtml#a">14.1</a><ol><li><a href="f.xhtml#b">14.1.1</a></li></ol></li><li><a href="g.xhtml#c">参考文献</a></li></ol>',
    );
  });
});

describe('the package document', () => {
  const accessibility = {
    accessibilityFeatures: ['tableOfContents'],
    accessibilitySummary: '摘要',
  };

  it('says only what it is told: no author, date, licence or larger work when the facts give none', () => {
    const opf = packageDocument({ ...facts, ...accessibility }, []);
    expect(opf).not.toMatch(/dc:creator|dc:date|dc:rights|dcterms:license|isPartOf|dc:publisher/);
    expect(opf).toContain('<dc:language>zh-CN</dc:language>');
    expect(opf).toContain('<meta property="dcterms:modified">2026-11-26T00:02:10Z</meta>');
  });

  it('names each author, the date, the licence and the larger work when the facts give them', () => {
    const opf = packageDocument(
      {
        ...facts,
        ...accessibility,
        authors: ['王小明', 'Ashish Vaswani'],
        published: '2026-05',
        license: { id: 'CC-BY-4.0', url: 'https://spdx.org/licenses/CC-BY-4.0.html' },
        partOf: 'AI 推理优化综述',
      },
      [],
    );
    expect(opf).toContain('<dc:creator>王小明</dc:creator><dc:creator>Ashish Vaswani</dc:creator>');
    expect(opf).toContain('<dc:date>2026-05</dc:date>');
    expect(opf).toContain(
      '<dc:rights>CC-BY-4.0</dc:rights><link rel="dcterms:license" href="https://spdx.org/licenses/CC-BY-4.0.html" />',
    );
    expect(opf).toContain('<meta property="dcterms:isPartOf">AI 推理优化综述</meta>');
  });

  it('identifies the book by a version 5 UUID of its address: the same address, the same book', () => {
    // Python's uuid.uuid5(uuid.NAMESPACE_URL, 'https://chapter14.example.org/'), for a second opinion.
    expect(bookIdentifier('https://chapter14.example.org/')).toBe(
      'urn:uuid:1f56a31a-a692-5a1d-ba7e-7816fd69497d',
    );
    expect(bookIdentifier('https://chapter14.example.org/chapter-14/')).not.toBe(
      bookIdentifier('https://chapter14.example.org/'),
    );
  });
});

describe('the container', () => {
  const book = [
    { path: 'META-INF/container.xml', data: '<container/>' },
    { path: 'EPUB/a.xhtml', data: '<html/>' },
  ];

  it('writes the same bytes in any time zone, dating every entry at the instant’s UTC fields', () => {
    const zone = process.env.TZ;
    try {
      process.env.TZ = 'Asia/Shanghai';
      const east = epubContainer(book, facts.modified);
      process.env.TZ = 'America/New_York';
      const west = epubContainer(book, facts.modified);
      expect(Buffer.from(east).equals(Buffer.from(west))).toBe(true);
      expect(zipTime(facts.modified).getHours()).toBe(0);
      expect(zipTime(facts.modified).getDate()).toBe(26);
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it('puts mimetype first, and refuses a file given twice', () => {
    const entries = unzipSync(epubContainer(book, facts.modified));
    expect(Object.keys(entries)).toEqual(['mimetype', 'META-INF/container.xml', 'EPUB/a.xhtml']);
    expect(strFromU8(entries.mimetype)).toBe('application/epub+zip');
    expect(() => epubContainer([...book, book[1]], facts.modified)).toThrow(
      'the book has EPUB/a.xhtml twice',
    );
  });
});
