import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { engineNames, type ReaderPage, useEngine } from '../support/engines.ts';

/**
 * A reader's journeys, the same in each engine: Chromium, Firefox ESR and WebKitGTK (Safari's
 * engine), on the build served with its production headers. Each journey ends with the page having
 * recorded no error and no CSP violation along the way.
 */
const desktop = { width: 1280, height: 900 };
const phone = { width: 390, height: 844 };

/** Set SCREENSHOT_DIR to keep a picture of each engine at the moments a reader would notice. */
async function picture(page: ReaderPage, moment: string, width: number) {
  const dir = process.env.SCREENSHOT_DIR;
  if (!dir) return;
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot(path.join(dir, `${page.engine}-${width}-${moment}.png`));
}

/** Where an element is drawn, and whether a reader sees it there: visible and on top at its centre. */
const seen = (selector: string) => {
  const el = document.querySelector(selector);
  if (!el) return { shown: false, top: NaN, bottom: NaN };
  const r = el.getBoundingClientRect();
  const onTop = el.contains(document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2));
  return {
    shown: getComputedStyle(el).visibility === 'visible' && r.width > 0 && onTop,
    top: r.top,
    bottom: r.bottom,
  };
};

/** The top of an element with this id relative to the bottom of the sticky header. Ids start with digits: no querySelector. */
const belowHeader = (id: string) =>
  document.getElementById(id)!.getBoundingClientRect().top -
  document.querySelector('.site-header')!.getBoundingClientRect().bottom;

/** The element is in view just below the sticky header: not under it, and less than `within` px down. */
async function expectJustBelowHeader(page: ReaderPage, id: string, within: number) {
  const gap = await page.evaluate(belowHeader, id);
  expect(gap).toBeGreaterThanOrEqual(0);
  expect(gap).toBeLessThan(within);
}

describe.each(engineNames)('reader journeys in %s', (name) => {
  const engine = useEngine(name);

  it.each([desktop, phone])(
    'at $width px: loads under the production headers with no error and no CSP violation; back-to-top is hidden at the top and shown after a screen of reading',
    async (size) => {
      const page = await engine.open('', size);
      // Nothing covers the text or the heading tools at the top of the chapter.
      expect(await page.evaluate(seen, 'a.back-to-top')).toMatchObject({ shown: false });
      await picture(page, 'top', size.width);
      // Reading on: a screen down the link is there, without covering what follows it.
      await page.evaluate(() => scrollTo(0, innerHeight * 0.6));
      await page.evaluate(
        () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
      );
      expect(await page.evaluate(seen, 'a.back-to-top')).toMatchObject({ shown: false });
      await page.evaluate(() => scrollTo(0, innerHeight * 1.5));
      await expect.poll(() => page.evaluate(seen, 'a.back-to-top')).toMatchObject({ shown: true });
      await picture(page, 'scrolled', size.width);
      await page.click('a.back-to-top');
      await expect.poll(() => page.evaluate(() => scrollY)).toBe(0);
      await expect.poll(() => page.evaluate(seen, 'a.back-to-top')).toMatchObject({ shown: false });
      expect(await page.problems()).toEqual([]);
    },
  );

  it('would notice a blocked inline script: the page records the violation and the browser reports it', async () => {
    const page = await engine.open('', desktop);
    await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.ranInline = true';
      document.body.append(s);
    });
    expect(await page.evaluate(() => 'ranInline' in window)).toBe(false);
    await page.expectProblems(
      /^script-src(-elem)? blocked inline/,
      /^reported to the server: script-src(-elem)? blocked inline/,
      // The engine's console says it too, in its own words, where its driver has one.
      ...(name === 'webkit' ? [] : [/^(console|page error): .*Content[- ]Security[- ]Policy/i]),
    );
  });

  it('an anchor loaded directly lands just below the sticky header', async () => {
    const page = await engine.open('#' + encodeURIComponent('1432-技术发展里程碑'), desktop);
    await expectJustBelowHeader(page, '1432-技术发展里程碑', 48);
    expect(await page.problems()).toEqual([]);
  });

  it('the theme switches to dark and stays dark on the next visit', async () => {
    const page = await engine.open('', desktop);
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(await background()).toBe('rgb(251, 250, 247)');
    // 跟随系统 → 浅色 → 深色.
    await page.click('theme-toggle button');
    await page.click('theme-toggle button');
    await expect.poll(background).toBe('rgb(22, 24, 29)');
    expect(
      await page.evaluate(() => document.querySelector('theme-toggle button')!.textContent),
    ).toContain('深色');
    await page.reload();
    expect(await background()).toBe('rgb(22, 24, 29)');
    expect(await page.problems()).toEqual([]);
  });

  it('at 1280 px the TOC beside the text leads to a section, lands it below the header and marks it current', async () => {
    const page = await engine.open('', desktop);
    const link = 'nav.toc a[href="#1433-技术风险评估"]';
    expect(await page.evaluate(seen, link)).toMatchObject({ shown: true });
    await page.click(link);
    await expect
      .poll(() => page.evaluate(() => decodeURIComponent(location.hash)))
      .toBe('#1433-技术风险评估');
    await expectJustBelowHeader(page, '1433-技术风险评估', 48);
    await expect
      .poll(() =>
        page.evaluate(() => document.querySelector('nav.toc a[aria-current="true"]')?.textContent),
      )
      .toBe('14.3.3 技术风险评估');
    expect(await page.problems()).toEqual([]);
  });

  it('at 390 px the TOC is folded into a panel that opens and leads to a section below the header', async () => {
    const page = await engine.open('', phone);
    const link = 'nav.toc a[href="#1433-技术风险评估"]';
    expect(await page.evaluate(seen, link)).toMatchObject({ shown: false });
    await page.click('nav.toc summary');
    await expect.poll(() => page.evaluate(seen, link)).toMatchObject({ shown: true });
    await picture(page, 'toc-open', phone.width);
    await page.click(link);
    await expect
      .poll(() => page.evaluate(() => decodeURIComponent(location.hash)))
      .toBe('#1433-技术风险评估');
    await expectJustBelowHeader(page, '1433-技术风险评估', 150);
    expect(await page.problems()).toEqual([]);
  });

  it('search finds 推测解码 and the first result lands on its section', async () => {
    const page = await engine.open('', desktop);
    await page.click('button[data-search-open]');
    // The dialog's module loads on first use.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.id), { timeout: 20_000 })
      .toBe('search-input');
    await page.type('推测解码');
    await expect
      .poll(() =>
        page.evaluate(() => document.querySelector('.search-dialog [role="status"]')?.textContent),
      )
      .toMatch(/^找到 [1-9]\d* 个包含“推测解码”/);
    const target = await page.evaluate(() =>
      decodeURIComponent(
        document.querySelector('.search-results a')!.getAttribute('href')!.slice(1),
      ),
    );
    await page.press('ArrowDown');
    await page.press('Enter');
    await expect
      .poll(() => page.evaluate(() => decodeURIComponent(location.hash)))
      .toBe(`#${target}`);
    expect(
      await page.evaluate(
        () => (document.querySelector('.search-dialog') as HTMLDialogElement).open,
      ),
    ).toBe(false);
    await expectJustBelowHeader(page, target, 150);
    expect(await page.problems()).toEqual([]);
  });

  it('a citation preview near the top of a scrolled page opens inside the window, clear of the header, and closes with Esc', async () => {
    const page = await engine.open('', desktop);
    const cite = 'a.citation[data-ref="4"]';
    // Scrolled so that the citation sits just below the header, where a preview above it would not fit.
    await page.evaluate(
      (s) => scrollBy(0, document.querySelector(s)!.getBoundingClientRect().top - 90),
      cite,
    );
    await page.hover(cite);
    await expect
      .poll(() => page.evaluate(() => !!document.querySelector('#citation-preview:popover-open')))
      .toBe(true);
    // Settled where the reader sees it: two frames after it opened.
    await page.evaluate(
      () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
    );
    await picture(page, 'preview-near-top', desktop.width);
    const placed = await page.evaluate((s) => {
      const p = document.getElementById('citation-preview')!.getBoundingClientRect();
      const c = document.querySelector(s)!.getBoundingClientRect();
      const header = document.querySelector('.site-header')!.getBoundingClientRect().bottom;
      const { clientWidth, clientHeight } = document.documentElement;
      return {
        insideWindow:
          p.left >= 0 && p.top >= 0 && p.right <= clientWidth && p.bottom <= clientHeight,
        clearOfHeader: p.top >= header,
        coversCitation:
          p.top < c.bottom && p.bottom > c.top && p.left < c.right && p.right > c.left,
      };
    }, cite);
    expect(placed).toEqual({ insideWindow: true, clearOfHeader: true, coversCitation: false });
    expect(
      await page.evaluate(
        () => document.querySelector('#citation-preview .citation-preview-more')?.textContent,
      ),
    ).toBe('在参考文献中查看 [4]');
    await page.press('Escape');
    await expect
      .poll(() => page.evaluate(() => !!document.querySelector('#citation-preview:popover-open')))
      .toBe(false);
    expect(await page.problems()).toEqual([]);
  });

  it('copying a section as Markdown says so in the visible status', async () => {
    const page = await engine.open('#' + encodeURIComponent('1412-核心技术体系'), desktop);
    await page.click('button[data-copy-section="14.1.2 核心技术体系"]');
    await expect
      .poll(() => page.evaluate(() => document.getElementById('reader-status')!.textContent))
      .toBe('已复制“14.1.2 核心技术体系”的 Markdown 原文');
    expect(await page.evaluate(seen, '#reader-status')).toMatchObject({ shown: true });
    expect(await page.problems()).toEqual([]);
  });
});
