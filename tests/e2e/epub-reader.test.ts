import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import AxeBuilder from '@axe-core/playwright';
import { unzipSync } from 'fflate';
import type { FrameLocator, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { bookPath, openBook } from '../support/epub.ts';
import { useEngine } from '../support/engines.ts';
import { distDir } from '../support/paths.ts';

/*
 * The book in a reading system: epub.js (a reader library that opens the .epub itself, unzips it
 * in the page and lays each section out in an iframe, in pages) in Debian's Chromium, through the
 * one harness. The harness hosts a folder; this one holds a reader page, epub.js and the built
 * book, as a site that offers the book to read online would.
 */
const readerDir = fs.mkdtempSync(path.join(os.tmpdir(), 'book-reader-'));
const require = createRequire(import.meta.url);
// epub.js reads the .epub with JSZip, which it expects loaded beside it.
for (const file of ['jszip/dist/jszip.min.js', 'epubjs/dist/epub.min.js'])
  fs.copyFileSync(require.resolve(file), path.join(readerDir, path.basename(file)));
fs.copyFileSync(bookPath(), path.join(readerDir, 'book.epub'));
fs.writeFileSync(
  path.join(readerDir, 'index.html'),
  `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>阅读器</title>
<link rel="icon" href="data:,"><link rel="stylesheet" href="reader.css"></head>
<body><header>book.epub</header><div id="viewer"></div><script src="jszip.min.js"></script><script src="epub.min.js"></script><script src="reader.js"></script></body></html>`,
);
fs.writeFileSync(
  path.join(readerDir, 'reader.css'),
  // A line of text above the book: the harness waits for the page's first paint, and a page whose
  // only content is in an iframe never has one of its own.
  'html, body { margin: 0; } header { block-size: 1.5rem; font: 0.8rem/1.5rem sans-serif; padding-inline: 0.5rem; } #viewer { inline-size: 100vw; block-size: calc(100vh - 1.5rem); }',
);
// Paginated, one page at a time, as a phone's reader shows a book; a dark theme as a reader picks one.
// The book has no script; epub.js's sandbox is opened to scripts only because Playwright, which
// the harness drives, puts a script of its own in every frame, and the sandbox reports it blocked.
fs.writeFileSync(
  path.join(readerDir, 'reader.js'),
  `const book = ePub('book.epub');
const rendition = book.renderTo('viewer', { width: '100%', height: '100%', spread: 'none', flow: 'paginated', allowScriptedContent: true });
rendition.themes.register('dark', { body: { color: '#e6e6e6', background: '#16181d' }, a: { color: '#9cc3ff' } });
window.reader = { book, rendition, ready: rendition.display() };`,
);
// The book's files as they lie in the container, for axe to read each page of it as it is.
const unpackedDir = fs.mkdtempSync(path.join(os.tmpdir(), 'book-files-'));
for (const [name, data] of Object.entries(unzipSync(fs.readFileSync(bookPath())))) {
  fs.mkdirSync(path.dirname(path.join(unpackedDir, name)), { recursive: true });
  fs.writeFileSync(path.join(unpackedDir, name), data);
}
// Chromium asks a host for /favicon.ico, which a book's files do not have; the site's icon stands in.
fs.copyFileSync(path.join(distDir, 'favicon.svg'), path.join(unpackedDir, 'favicon.ico'));
afterAll(() => {
  fs.rmSync(readerDir, { recursive: true, force: true });
  fs.rmSync(unpackedDir, { recursive: true, force: true });
});

const chromium = useEngine('chromium', readerDir);
const shots = process.env.SCREENSHOT_DIR;
const phone = { width: 390, height: 844 };

/** The reader page, once the book's first page is shown. */
async function openReader(options = {}): Promise<Page> {
  const page = (await chromium.open('', { ...phone, ...options })).playwright;
  await page.waitForFunction(() => 'reader' in window);
  await page.evaluate(
    () => (window as unknown as { reader: { ready: Promise<void> } }).reader.ready,
  );
  return page;
}

type Reader = { rendition: { currentLocation(): { start: { href: string } } } };
const where = (page: Page) =>
  page.evaluate(
    () => (window as unknown as { reader: Reader }).reader.rendition.currentLocation().start.href,
  );

/** The section shown now, as an iframe of the reader. */
const shown = (page: Page): FrameLocator => page.frameLocator('#viewer iframe');

/** Whether the element is on the page the reader shows (epub.js lays pages side by side in the iframe). */
async function onScreen(page: Page, selector: string): Promise<boolean> {
  const frame = page.frames().find((f) => f !== page.mainFrame())!;
  const box = await frame.locator(selector).boundingBox();
  const viewer = (await page.locator('#viewer').boundingBox())!;
  return (
    !!box && box.x >= viewer.x - 1 && box.x + Math.min(box.width, 10) <= viewer.x + viewer.width + 1
  );
}

async function snap(page: Page, name: string) {
  if (!shots) return;
  fs.mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: path.join(shots, `ebook-${name}.png`) });
}

describe('the book in a reading system (epub.js in Chromium, 390 px)', () => {
  it('opens at the title, with the 目录 of the book and its metadata', async () => {
    const page = await openReader();
    expect(await where(page)).toBe('00-intro.xhtml');
    await expect.poll(() => shown(page).locator('h1').textContent()).toBe('十四、总结与展望');
    const { toc, title, language } = await page.evaluate(async () => {
      const { book } = (window as unknown as { reader: { book: any } }).reader;
      const nav = await book.loaded.navigation;
      const meta = await book.loaded.metadata;
      const flat = (items: any[]): string[] =>
        items.flatMap((i) => [i.label.trim(), ...flat(i.subitems ?? [])]);
      return { toc: flat(nav.toc), title: meta.title, language: meta.language };
    });
    expect(title).toBe('十四、总结与展望');
    expect(language).toBe('zh-CN');
    // The chapter's own 19 (参考文献 the last), then the back matter.
    expect(toc).toHaveLength(21);
    expect(toc.slice(0, 3)).toEqual([
      '14.1 技术发展总结',
      '14.1.1 推理优化技术演进',
      '14.1.2 核心技术体系',
    ]);
    expect(toc.slice(-3)).toEqual(['参考文献', '术语索引', '引用本章']);
    await snap(page, 'title');
    await page.evaluate(() =>
      (window as unknown as { reader: { rendition: any } }).reader.rendition.next(),
    );
    await expect.poll(() => where(page)).toBe('nav.xhtml');
    await snap(page, 'contents');
  });

  it('pages forward from 14.4 to the references, then follows a back-link to the citation and the citation back', async () => {
    const page = await openReader();
    await page.evaluate(() =>
      (window as unknown as { reader: { rendition: any } }).reader.rendition.display(
        '04-conclusions.xhtml#144-结论与建议',
      ),
    );
    await expect.poll(() => where(page)).toBe('04-conclusions.xhtml');
    let turns = 0;
    while ((await where(page)) !== '05-references.xhtml' && turns < 40) {
      await page.evaluate(() =>
        (window as unknown as { reader: { rendition: any } }).reader.rendition.next(),
      );
      turns++;
    }
    expect(await where(page)).toBe('05-references.xhtml');
    expect(turns).toBeGreaterThan(1);
    await expect.poll(() => shown(page).locator('#ref-1').isVisible()).toBe(true);
    await snap(page, 'references');

    // The reference [4] lists where it is cited; its first back-link leads to 14.1.2.
    const backref = shown(page).locator('#ref-4 a.backref').first();
    await expect.poll(() => onScreen(page, '#ref-4')).toBe(true);
    await backref.click();
    await expect.poll(() => where(page)).toBe('01-summary.xhtml');
    await expect.poll(() => onScreen(page, '#cite-4-summary-1')).toBe(true);
    await snap(page, 'citation');

    // And the citation [4] leads back to its reference.
    await shown(page).locator('#cite-4-summary-1').click();
    await expect.poll(() => where(page)).toBe('05-references.xhtml');
    await expect.poll(() => onScreen(page, '#ref-4')).toBe(true);
  });

  it('opens a section by its web fragment, and shows a figure as its table', async () => {
    const page = await openReader();
    await page.evaluate(() =>
      (window as unknown as { reader: { rendition: any } }).reader.rendition.display(
        '03-trends.xhtml#1432-技术发展里程碑',
      ),
    );
    await expect.poll(() => where(page)).toBe('03-trends.xhtml');
    await expect.poll(() => onScreen(page, '[id="1432-技术发展里程碑"]')).toBe(true);
    await snap(page, 'milestones');
    // The figure follows its introduction, and breaks across pages like any text.
    await expect.poll(() => onScreen(page, '[id="tbl-技术发展里程碑"]')).toBe(true);
  });

  it('takes the reader’s dark theme whole: text, table rules and links in its colours, none of the book’s own', async () => {
    const page = await openReader();
    await page.evaluate(async () => {
      const { rendition } = (window as unknown as { reader: { rendition: any } }).reader;
      rendition.themes.select('dark');
      await rendition.display('01-summary.xhtml#1412-核心技术体系');
    });
    await expect.poll(() => where(page)).toBe('01-summary.xhtml');
    const colours = await shown(page)
      .locator('td')
      .first()
      .evaluate((td) => {
        const style = getComputedStyle(td);
        return {
          text: getComputedStyle(td.ownerDocument.body).color,
          rule: style.borderTopColor,
          page: getComputedStyle(td.ownerDocument.body).backgroundColor,
        };
      });
    expect(colours).toEqual({
      text: 'rgb(230, 230, 230)',
      rule: 'rgb(230, 230, 230)',
      page: 'rgb(22, 24, 29)',
    });
    await snap(page, 'dark');
  });
});

/*
 * The book claims EPUB Accessibility 1.1 at WCAG 2.2 AA: each of its pages, read by Chromium as
 * the XHTML it is (served as application/xhtml+xml), has no violation axe can find, at a phone's
 * width. (The package-level checks are epubcheck's and tests/build/epub.test.ts's.)
 */
describe('each page of the book under axe', () => {
  const files = useEngine('chromium', unpackedDir);
  const book = openBook();
  // WCAG's rules, the claim made; axe's best practices for a web page (one main landmark, one h1
  // per page) do not fit a book whose chapter is split over files with one title.
  const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

  it.each(book.spine.map((s) => s.href))(
    '%s has no violation',
    async (href) => {
      const page = (await files.open(`${book.root}${href}`, phone)).playwright;
      expect(await page.evaluate(() => document.contentType)).toBe('application/xhtml+xml');
      const { violations } = await new AxeBuilder({ page }).withTags(tags).analyze();
      expect(
        violations.flatMap((v) =>
          v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} — ${n.failureSummary}`),
        ),
      ).toEqual([]);
    },
    120_000,
  );
});
