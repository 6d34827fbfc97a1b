import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeBuilds, tempDir } from '../support/build-content.ts';
import { type DevServer, observeDevServer, startDevServer } from '../support/dev-server.ts';
import { type ChromiumReaderPage, useEngine } from '../support/engines.ts';
import { contentDir } from '../support/paths.ts';

// An author's loop: `npm run dev`, the page open in a browser, an edit saved in content/.

/** A copy of content/ the test edits, in a folder named content/ as an author's is. */
const content = path.join(tempDir('chapter-dev-'), 'content');
fs.cpSync(contentDir, content, { recursive: true });
afterAll(removeBuilds);

let dev: (DevServer & { url: string }) | undefined;
const chromium = useEngine('chromium', {
  host: async () => observeDevServer((dev = await startDevServer(content))),
});
const server = () => dev!;

/** Saves a file of the copy with one replacement, as an editor would, and checks it applied. */
function edit(file: string, from: string | RegExp, to: string) {
  const at = path.join(content, file);
  const before = fs.readFileSync(at, 'utf8');
  const after = before.replace(from, to);
  expect(after, `${file} holds ${from}`).not.toBe(before);
  fs.writeFileSync(at, after);
}

/** Where `text` first stands in a file of the copy, as `line:column` (1-based). */
function placeOf(file: string, text: string): string {
  const lines = fs.readFileSync(path.join(content, file), 'utf8').split('\n');
  const line = lines.findIndex((l) => l.includes(text));
  return `${line + 1}:${lines[line].indexOf(text) + 1}`;
}

/**
 * How long a save may take to show. It is a second or so (npm run
 * bench:dev times it); here the other tests share the two cores.
 */
const AFTER_SAVE = { timeout: 20_000 };

const OPENING = 'AI 推理优化技术正处在快速发展的关键时期。';
const EDITED = 'AI 推理优化技术正处在高速发展的关键时期。';
/** The matrix row whose maturity cell the test changes, and that cell. */
const ROW = '158-bit-量化';
const cell = (page: Page) =>
  page.evaluate((row) => {
    const level = document.getElementById(row)!.querySelector('.level-maturity .level')!;
    return { rank: level.getAttribute('data-rank'), text: level.textContent };
  }, ROW);
/** What the dev overlay says: its message (every problem, each with its hint), or null without one. */
const overlayText = (page: Page) =>
  page.evaluate(() => {
    const overlay = document.querySelector('vite-error-overlay')?.shadowRoot;
    return overlay ? (overlay.querySelector('#message-content')?.textContent ?? '') : null;
  });
const published = async (file: string) => (await fetch(server().url + file)).text();

describe('the dev server follows the author', { timeout: 90_000 }, () => {
  let page: ChromiumReaderPage;
  let scrolled: number;

  // One page for the whole block, as an author keeps it open: checked when the block ends.
  beforeAll(async () => {
    page = await chromium.open('');
  });

  it('opens the chapter, read from the copy', async () => {
    const tab = page.playwright;
    await expect.poll(() => cell(tab)).toEqual({ rank: '1', text: '试点阶段' });
    // The reader is at the matrix, far below the opening sentence.
    scrolled = await tab.evaluate((row) => {
      document.getElementById(row)!.scrollIntoView({ block: 'center' });
      return scrollY;
    }, ROW);
    expect(scrolled).toBeGreaterThan(1000);
  });

  it('shows an edited sentence and matrix cell in the open page and /chapter-14.md, without a restart, where the reader was', async () => {
    const tab = page.playwright;
    edit('00-intro.mdx', OPENING, EDITED);
    await expect
      .poll(() => tab.evaluate(() => document.querySelector('article p')?.textContent), AFTER_SAVE)
      .toContain(EDITED);
    edit('01-summary.mdx', /(\| 1\.58-bit 量化 \| )试点阶段/, '$1生产阶段');
    await expect.poll(() => cell(tab), AFTER_SAVE).toEqual({ rank: '2', text: '生产阶段' });
    expect(await tab.evaluate(() => scrollY)).toBe(scrolled);

    const markdown = await published('chapter-14.md');
    expect(markdown).toContain(EDITED);
    expect(markdown).toMatch(/\| 1\.58-bit 量化 \| 生产阶段/);
    expect(await published('data/maturity.json')).toMatch(
      /"技术名称": "1\.58-bit 量化",\s*"成熟度等级": "生产阶段"/,
    );
    expect(await published('llms.txt')).toContain(EDITED);

    expect(server().running()).toBe(true);
    expect(server().log()).not.toMatch(/restart/i);
    expect(server().log()).toContain('00-intro.mdx read again');
  });

  it('shows a cell that is not a level of its scale over the page, with its place and hint; the fix shows the page', async () => {
    const tab = page.playwright;
    edit('01-summary.mdx', /(\| 1\.58-bit 量化 \| )生产阶段/, '$1推广阶段');
    await expect
      .poll(() => overlayText(tab), AFTER_SAVE)
      .toContain(
        `content/01-summary.mdx:${placeOf('01-summary.mdx', '推广阶段')}: figure "maturity", column "成熟度等级": "推广阶段" is not a level of 成熟度等级`,
      );
    expect(await overlayText(tab)).toContain(
      'Hint: Start the cell with one of those words (a note may follow after a space or a bracket',
    );

    edit('01-summary.mdx', /(\| 1\.58-bit 量化 \| )推广阶段/, '$1成熟阶段');
    await expect.poll(() => overlayText(tab), AFTER_SAVE).toBeNull();
    await expect.poll(() => cell(tab), AFTER_SAVE).toEqual({ rank: '4', text: '成熟阶段' });
    expect(await tab.evaluate(() => scrollY)).toBe(scrolled);
  });

  it('does the same for a term that occurs nowhere in the chapter', async () => {
    const tab = page.playwright;
    const terms = fs.readFileSync(path.join(content, 'terms.yaml'), 'utf8');
    fs.writeFileSync(path.join(content, 'terms.yaml'), `${terms}- name: RWKV\n`);
    const line = terms.split('\n').length;
    await expect
      .poll(() => overlayText(tab), AFTER_SAVE)
      .toMatch(
        new RegExp(
          `content/terms\\.yaml:${line}:3: term "RWKV" \\(entry \\d+\\) occurs nowhere in the chapter`,
        ),
      );
    expect(await overlayText(tab)).toContain(
      'Hint: Write the term as the chapter does (or add the spelling it uses as an alias), or remove the entry.',
    );

    fs.writeFileSync(path.join(content, 'terms.yaml'), terms);
    await expect.poll(() => overlayText(tab), AFTER_SAVE).toBeNull();
    await expect.poll(() => cell(tab), AFTER_SAVE).toEqual({ rank: '4', text: '成熟阶段' });
    expect(server().log()).not.toMatch(/restart/i);
  });

  it('leaves the page alone when a file the page is not made from changes', async () => {
    const tab = page.playwright;
    await tab.evaluate(() => Object.assign(window, { notReloaded: true }));
    fs.appendFileSync(path.join(content, 'anchors.txt'), '\n');
    fs.writeFileSync(path.join(content, '.01-summary.mdx.swp'), 'an editor’s swap file');
    await tab.waitForTimeout(1500);
    expect(await tab.evaluate(() => 'notReloaded' in window)).toBe(true);
    expect(server().log()).not.toMatch(/anchors\.txt read again|swp read again/);
  });

  it('says in search that the index needs a build, rather than failing silently', async () => {
    const tab = page.playwright;
    const said = () => tab.locator('dialog[open] .search-status').textContent();
    await page.click('button[data-search-open]');
    await expect.poll(said).toContain('请运行 npm run build，再用 npm run preview');
    // A query gets the same answer, and no request for an index that is not there.
    await page.type('量化');
    await expect.poll(() => tab.locator('dialog[open] input').inputValue()).toBe('量化');
    expect(await said()).toContain('npm run build');
  });
});
