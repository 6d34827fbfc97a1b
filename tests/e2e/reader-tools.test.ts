import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { prepareChapter } from '../../src/chapter/read-chapter.ts';
import { apa, gbt7714 } from '../../src/lib/cite.ts';
import { citableChapter } from '../../src/lib/site.ts';
import { afterNextFrame } from '../support/browser.ts';
import { PLACEHOLDER, readApa, readBibtex, readGbt7714 } from '../support/citation-readers.ts';
import { type OpenOptionsOf, useEngine } from '../support/engines.ts';
import { contentDir, subBase, subDistDir } from '../support/paths.ts';
import { readSource } from '../support/source.ts';

const chromium = useEngine('chromium');
/** Most of these tests need only Playwright's page; the harness still observes and checks it. */
const open = async (path = '', options: OpenOptionsOf<'chromium'> = {}) =>
  (await chromium.open(path, options)).playwright;
/** The phone the tests below hold: touch, 390 × 800. */
const phone = { phone: true, width: 390, height: 800 };
const byId = (id: string) => `[id="${id}"]`;
/** The citation of reference `n` in a figure row, found by the row's own link id. */
const citationInRow = (rowId: string, n: number) => `${byId(rowId)} a.citation[data-ref="${n}"]`;
const previewOpen = (page: Page) =>
  page.evaluate(() => !!document.querySelector('#citation-preview:popover-open'));
const clipboard = (page: Page) => page.evaluate(() => navigator.clipboard.readText());
const today = () => {
  const d = new Date();
  return [d.getFullYear(), d.getMonth() + 1, d.getDate()]
    .map((n) => String(n).padStart(2, '0'))
    .join('-');
};

/** The text of reference n as the reference list shows it, without its back-links. */
async function referenceText(page: Page, n: number) {
  return page.evaluate((n) => {
    const copy = document.getElementById(`ref-${n}`)!.cloneNode(true) as HTMLElement;
    copy.querySelector('.backrefs')?.remove();
    return copy.textContent!.trim();
  }, n);
}

describe('citation previews', () => {
  it('hovering a citation shows its full reference beside it; the pointer can move onto it; leaving closes it', async () => {
    const page = await open();
    const cite = page.locator('a.citation[data-ref="4"]').first();
    await cite.scrollIntoViewIfNeeded();
    await cite.hover();
    await expect.poll(() => previewOpen(page)).toBe(true);
    const preview = page.locator('#citation-preview');
    expect(await preview.locator('.citation-preview-text').textContent()).toBe(
      await referenceText(page, 4),
    );
    expect(await cite.getAttribute('aria-describedby')).toBe('citation-preview');
    // Placed against the citation and inside the window.
    const [c, p] = [await cite.boundingBox(), await preview.boundingBox()];
    expect(Math.abs(p!.y - (c!.y + c!.height)) < 20 || Math.abs(p!.y + p!.height - c!.y) < 20).toBe(
      true,
    );
    expect(p!.x >= 0 && p!.x + p!.width <= 1280).toBe(true);
    await preview.hover();
    await page.waitForTimeout(500);
    expect(await previewOpen(page)).toBe(true);
    await page.mouse.move(5, 880);
    await expect.poll(() => previewOpen(page)).toBe(false);
    expect(await cite.getAttribute('aria-describedby')).toBeNull();
  });

  it('a citation written as [1,3] previews both references, in the order written, and stays open moving from 1 to 3', async () => {
    const page = await open();
    const one = page.locator(citationInRow('milestone-推理时计算o1r1', 1));
    const three = page.locator(citationInRow('milestone-推理时计算o1r1', 3));
    // The two links are the one bracket the source writes.
    expect(await one.evaluate((a) => a.parentElement!.textContent)).toContain('[1,3]');
    await one.focus();
    await expect.poll(() => previewOpen(page)).toBe(true);
    const preview = page.locator('#citation-preview');
    expect(await preview.locator('.citation-preview-text').allTextContents()).toEqual([
      await referenceText(page, 1),
      await referenceText(page, 3),
    ]);
    expect(await preview.locator('.citation-preview-more').allTextContents()).toEqual([
      '在参考文献中查看 [1]',
      '在参考文献中查看 [3]',
    ]);
    // Inside a figure cell the entries still wrap: nothing is cut off at the preview's edge.
    expect(
      await preview.evaluate(
        (el) => el.scrollWidth <= el.clientWidth && el.getBoundingClientRect().right <= innerWidth,
      ),
    ).toBe(true);
    // Tab goes on to [3] first (the preview follows the bracket), then into the preview.
    await page.keyboard.press('Tab');
    expect(await three.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await previewOpen(page)).toBe(true);
    expect(await three.getAttribute('aria-describedby')).toBe('citation-preview');
    expect(await one.getAttribute('aria-describedby')).toBeNull();
    await page.keyboard.press('Tab');
    // Into reference 1's own link first: the order of the entries is the order of the bracket.
    expect(
      await page.evaluate(() => {
        const first = document.querySelector('#citation-preview a');
        return (
          first !== null &&
          document.activeElement === first &&
          first.closest('.citation-preview-text') ===
            document.querySelector('#citation-preview .citation-preview-text')
        );
      }),
    ).toBe(true);
    // A single citation still previews only its own reference.
    await page.keyboard.press('Escape');
    await page.locator('a.citation[data-ref="4"]').first().hover();
    await expect.poll(() => preview.locator('.citation-preview-text').count()).toBe(1);
  });

  it('moving from 1 to 3 of [1,3] and on into the preview quicker than a frame leaves the page where it was', async () => {
    const page = await open();
    const one = page.locator(citationInRow('milestone-推理时计算o1r1', 1));
    await one.evaluate((el) => window.scrollBy(0, el.getBoundingClientRect().top - 600));
    await one.focus();
    await expect.poll(() => previewOpen(page)).toBe(true);
    // Let the preview be drawn against [1] before its anchor moves.
    await afterNextFrame(page);
    const moved = await page.evaluate(async () => {
      const y = scrollY;
      // A screen reader or a busy machine can move focus twice between two frames.
      document
        .getElementById('milestone-推理时计算o1r1')!
        .querySelector<HTMLElement>('a.citation[data-ref="3"]')!
        .focus();
      const first = document.querySelector<HTMLElement>('#citation-preview a')!;
      first.focus();
      await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
      const r = first.getBoundingClientRect();
      return {
        scrolled: scrollY - y,
        inView: r.top >= 0 && r.bottom <= innerHeight,
        focused: document.activeElement === first,
      };
    });
    expect(moved).toEqual({ scrolled: 0, inView: true, focused: true });
    expect(
      await page
        .locator(citationInRow('milestone-推理时计算o1r1', 3))
        .getAttribute('aria-describedby'),
    ).toBe('citation-preview');
  });

  it('by keyboard: focus opens it, Tab enters its links, Esc closes it and returns focus to the citation', async () => {
    const page = await open();
    const cite = page.locator('a.citation[data-ref="2"]').first();
    await cite.focus();
    await expect.poll(() => previewOpen(page)).toBe(true);
    await page.keyboard.press('Tab');
    expect(
      await page.evaluate(() => document.activeElement?.closest('#citation-preview') !== null),
    ).toBe(true);
    await page.keyboard.press('Escape');
    expect(await previewOpen(page)).toBe(false);
    expect(await cite.evaluate((el) => el === document.activeElement)).toBe(true);
    // Esc with focus still on the citation closes it too, and Enter then follows the link.
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    await expect.poll(() => previewOpen(page)).toBe(true);
    await page.keyboard.press('Escape');
    expect(await previewOpen(page)).toBe(false);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#ref-2');
  });

  it('on a phone, a tap previews instead of jumping; a second tap follows the link; a tap elsewhere closes it', async () => {
    const page = await open('', phone);
    const cite = page.locator('a.citation[data-ref="5"]').first();
    await cite.scrollIntoViewIfNeeded();
    await cite.tap();
    await expect.poll(() => previewOpen(page)).toBe(true);
    expect(await page.evaluate(() => location.hash)).toBe('');
    const box = (await page.locator('#citation-preview').boundingBox())!;
    expect(box.x >= 0 && box.x + box.width <= 390 && box.y + box.height <= 800).toBe(true);
    await page.locator('main p').first().tap();
    await expect.poll(() => previewOpen(page)).toBe(false);
    await cite.tap();
    await expect.poll(() => previewOpen(page)).toBe(true);
    await cite.tap();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#ref-5');
  });

  it('on a phone the sheet never covers the citation it explains, and closes once the citation has scrolled away', async () => {
    const page = await open('', phone);
    const cite = page.locator(citationInRow('milestone-推理时计算o1r1', 3));
    await cite.scrollIntoViewIfNeeded();
    // Bring the citation down to the bottom edge, where the sheet opens.
    await cite.evaluate((el) =>
      window.scrollBy(0, el.getBoundingClientRect().bottom - innerHeight + 30),
    );
    await cite.tap();
    await expect.poll(() => previewOpen(page)).toBe(true);
    const [c, p] = [
      (await cite.boundingBox())!,
      (await page.locator('#citation-preview').boundingBox())!,
    ];
    expect(c.y >= 0 && c.y + c.height <= p.y).toBe(true);
    expect(await page.locator('#citation-preview .citation-preview-text').count()).toBe(2);
    expect(await page.evaluate(() => location.hash)).toBe('');
    // Reading on, the citation scrolls away and the sheet goes with it.
    await page.mouse.wheel(0, 1600);
    await expect.poll(() => previewOpen(page)).toBe(false);
    expect(await cite.getAttribute('aria-describedby')).toBeNull();
  });

  it('a finger resting on a citation only loads its preview; the tap shows it, even when the preview loaded in between', async () => {
    const page = await open('', phone);
    const cite = page.locator('a.citation[data-ref="5"]').first();
    await cite.scrollIntoViewIfNeeded();
    const box = (await cite.boundingBox())!;
    const point = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    // A tap split in two: the finger's approach loads the preview, and the click only comes once it has loaded.
    await page.evaluate(() =>
      document.addEventListener(
        'click',
        () => document.body.setAttribute('data-clicked', ''),
        true,
      ),
    );
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [point] });
    const loaded = () =>
      page.evaluate(() =>
        performance.getEntriesByType('resource').some((e) => e.name.includes('citation-preview')),
      );
    await expect.poll(loaded, { interval: 10 }).toBe(true);
    // A finger that comes down may be starting a scroll: nothing opens over the text until it lifts.
    await page.waitForTimeout(300);
    expect(await previewOpen(page)).toBe(false);
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    // The click did happen (a tap, not a long press), and it neither jumped nor closed the preview.
    await expect
      .poll(() => page.evaluate(() => document.body.hasAttribute('data-clicked')))
      .toBe(true);
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => location.hash)).toBe('');
    expect(await previewOpen(page)).toBe(true);
  });

  it('while the preview is still loading, a tap previews without jumping and a mouse click follows the link at once', async () => {
    // The preview's script arrives a second after it is asked for, as on a slow connection.
    const slowPreview = async (page: Page) => {
      await page.route('**/citation-preview.*.js', async (route) => {
        await new Promise((done) => setTimeout(done, 1000));
        await route.continue();
      });
      const cite = page.locator('a.citation[data-ref="5"]').first();
      await cite.scrollIntoViewIfNeeded();
      return cite;
    };
    const loaded = (page: Page) =>
      page.evaluate(() =>
        performance.getEntriesByType('resource').some((e) => e.name.includes('citation-preview')),
      );

    // Routes see only what no service worker answers: this reader's browser keeps nothing.
    const phone = await open('', { phone: true, serviceWorkers: 'block' });
    await (await slowPreview(phone)).tap();
    expect(await loaded(phone)).toBe(false);
    await expect.poll(() => previewOpen(phone)).toBe(true);
    expect(await phone.evaluate(() => location.hash)).toBe('');

    const desktop = await open('', { serviceWorkers: 'block' });
    await (await slowPreview(desktop)).click();
    expect(await loaded(desktop)).toBe(false);
    expect(await desktop.evaluate(() => location.hash)).toBe('#ref-5');
    // Once loaded, the preview does not open over the reference the reader went to.
    await expect.poll(() => loaded(desktop)).toBe(true);
    await desktop.waitForTimeout(500);
    expect(await previewOpen(desktop)).toBe(false);
  });

  it('without JavaScript a citation is a plain link to its reference', async () => {
    const page = await open('', { javaScriptEnabled: false });
    const cite = page.locator('a.citation[data-ref="6"]').first();
    expect(await cite.getAttribute('href')).toBe('#ref-6');
    await cite.click();
    expect(await page.evaluate(() => location.hash)).toBe('#ref-6');
  });
});

describe('copy a section as Markdown', () => {
  const source = readSource();
  /** What a reader expects: the source from the heading line to just before the next heading of that level, without the --- rule. */
  const sourceBetween = (from: string, to: string) =>
    source
      .slice(source.indexOf(from), source.indexOf(to))
      .trimEnd()
      .replace(/\n+---$/, '');

  it('copies the exact source text of an h3 section, tables and citations included, and says so', async () => {
    const page = await open('#1412-核心技术体系');
    await page.locator('button[data-copy-section="14.1.2 核心技术体系"]').click();
    await expect
      .poll(() => clipboard(page))
      .toBe(sourceBetween('### 14.1.2 核心技术体系', '### 14.1.3 '));
    const status = page.locator('#reader-status');
    await expect
      .poll(() => status.textContent())
      .toBe('已复制“14.1.2 核心技术体系”的 Markdown 原文');
    expect(await status.getAttribute('role')).toBe('status');
    expect(await status.isVisible()).toBe(true);
  });

  it('an h2 section takes its subsections with it and stops before the rule that ends it; keyboard works', async () => {
    const page = await open('#144-结论与建议');
    await page.locator('button[data-copy-section="14.4 结论与建议"]').focus();
    await page.keyboard.press('Enter');
    const expected = sourceBetween('## 14.4 结论与建议', '## 参考文献');
    expect(expected).toContain('### 14.4.4 行动计划');
    await expect.poll(() => clipboard(page)).toBe(expected);
  });

  it('when the source cannot be fetched, the reader is told it failed, visibly and aloud', async () => {
    // No copy kept by a service worker: the reader's first visit.
    const reader = await chromium.open('#1421-硬件生态格局', { serviceWorkers: 'block' });
    const page = reader.playwright;
    await page.route('**/chapter-14.md', (route) => route.fulfill({ status: 503, body: '' }));
    await page.locator('button[data-copy-section="14.2.1 硬件生态格局"]').click();
    const status = page.locator('#reader-status');
    await expect
      .poll(() => status.textContent())
      .toBe('复制失败：未能取得本节的 Markdown 原文，请检查网络后重试');
    expect(await status.getAttribute('data-tone')).toBe('error');
    expect(await status.isVisible()).toBe(true);
    // The browser logs the failed load; nothing else goes wrong.
    await reader.expectProblems(/^console: Failed to load resource: .* 503/);
  });

  it('when the browser refuses the clipboard, the reader is told so and how to copy by hand', async () => {
    const page = await open('#1421-硬件生态格局');
    // The reader's own browser setting, made through the DevTools protocol: writing is denied.
    const { targetInfo } = await (
      await page.context().newCDPSession(page)
    ).send('Target.getTargetInfo');
    const browserSession = await page.context().browser()!.newBrowserCDPSession();
    await browserSession.send('Browser.setPermission', {
      permission: { name: 'clipboard-write' },
      setting: 'denied',
      origin: chromium.server.origin,
      browserContextId: targetInfo.browserContextId,
    });
    await page.locator('button[data-copy-section="14.2.1 硬件生态格局"]').click();
    const status = page.locator('#reader-status');
    await expect
      .poll(() => status.textContent())
      .toBe('复制失败：浏览器未允许写入剪贴板，请手动选择文字复制');
    expect(await status.getAttribute('data-tone')).toBe('error');
  });

  it('the buttons are not offered without JavaScript, where they could do nothing', async () => {
    const page = await open('', { javaScriptEnabled: false });
    expect(await page.locator('button.copy-section').first().isVisible()).toBe(false);
  });
});

describe('copying under a sub-path', () => {
  const sub = useEngine('chromium', subDistDir, subBase);

  it('fetches the Markdown from the sub-path, so the copy is the same section', async () => {
    const page = (await sub.open('#1431-重点技术演进')).playwright;
    const requests: string[] = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await page.locator('button[data-copy-section="14.3.1 重点技术演进"]').click();
    const source = readSource();
    const expected = source
      .slice(source.indexOf('### 14.3.1 重点技术演进'), source.indexOf('### 14.3.2 '))
      .trimEnd();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(expected);
    expect(requests).toContain(`${subBase}chapter-14.md`);
  });
});

describe('cite this chapter', () => {
  // The chapter as the build read it: its title, its facts and its last change.
  const chapter = prepareChapter(contentDir);

  it('copies each format with today as the access date, the same text the formatting rules give', async () => {
    const page = await open('#引用本章');
    // The citation names the chapter's canonical address, not the address it happens to be served from.
    const work = citableChapter(
      chapter,
      (await page.locator('link[rel="canonical"]').getAttribute('href'))!,
    );
    await page.locator('button[data-copy-cite="cite-gbt"]').click();
    await expect.poll(() => clipboard(page)).toBe(gbt7714(work, today()));
    await page.locator('button[data-copy-cite="cite-apa"]').click();
    await expect.poll(() => clipboard(page)).toBe(apa(work, today()).text);
    await page.locator('button[data-copy-cite="cite-bibtex"]').click();
    await expect.poll(() => clipboard(page)).toMatch(/^@misc\{chapter14,/);
    const { entries, errors } = parseBibtex(await clipboard(page));
    expect(errors).toEqual([]);
    expect(entries[0].fields).toMatchObject({
      title: '十四、总结与展望',
      url: work.url,
      urldate: today(),
    });
    expect(readBibtex(await clipboard(page)).urldate).toBe(today());
    await expect
      .poll(() => page.locator('#reader-status').textContent())
      .toBe('已复制 BibTeX 格式的引用');
  });

  it('shows each citation with today as the access date from the first paint, read back by each style’s rules', async () => {
    const page = await open('#引用本章');
    const text = (id: string) => page.locator(`[id="${id}"]`).innerText();
    await expect.poll(() => text('cite-gbt')).toMatch(/\[\d{4}-\d{2}-\d{2}\]/);
    const canonical = (await page.locator('link[rel="canonical"]').getAttribute('href'))!;
    expect(readGbt7714(await text('cite-gbt'))).toMatchObject({ cited: today(), url: canonical });
    expect(readApa(await text('cite-apa'))).toMatchObject({ retrieved: today(), url: canonical });
    expect(readBibtex(await text('cite-bibtex'))).toMatchObject({ urldate: today() });
    const panel = await page.locator('section.cite-chapter').innerText();
    expect(panel).not.toMatch(PLACEHOLDER);
    expect(panel).toContain('引用日期为您阅读的日期，已按今天填入。');
    expect(panel).not.toContain('故从略；GB/T 7714');
  });

  it('without JavaScript shows each citation without an access date, says why, and shows no copy buttons', async () => {
    const page = await open('#引用本章', { javaScriptEnabled: false });
    const text = (id: string) => page.locator(`[id="${id}"]`).innerText();
    const canonical = (await page.locator('link[rel="canonical"]').getAttribute('href'))!;
    expect(readGbt7714(await text('cite-gbt'))).toMatchObject({ cited: undefined, url: canonical });
    expect(readApa(await text('cite-apa'))).toMatchObject({ retrieved: undefined, url: canonical });
    expect(readBibtex(await text('cite-bibtex')).urldate).toBeUndefined();
    const panel = await page.locator('section.cite-chapter').innerText();
    expect(panel).not.toMatch(PLACEHOLDER);
    expect(panel).toMatch(/引用日期是您阅读本页的日期.*故从略/);
    expect(await page.locator('button[data-copy-cite]').first().isVisible()).toBe(false);
  });
});

describe('term index', () => {
  it('is reached from the table of contents, and its section leads to its own page', async () => {
    const page = await open();
    await page.locator('nav.toc a[href="#术语索引"]').click();
    await expect
      .poll(() =>
        page.evaluate(() => document.getElementById('术语索引')!.getBoundingClientRect().top),
      )
      .toBeLessThan(120);
    await page.locator('.term-index-summary a', { hasText: '打开术语索引' }).click();
    await expect
      .poll(() => page.evaluate(() => decodeURIComponent(location.pathname)))
      .toBe('/terms/');
    expect(await page.locator('h1').textContent()).toBe('术语索引');
  });

  it('a letter on the chapter’s page leads to its group on the index’s page', async () => {
    const page = await open('#术语索引');
    await page.getByRole('link', { name: '拉丁字母 T' }).click();
    await expect
      .poll(() => page.evaluate(() => decodeURIComponent(location.pathname + location.hash)))
      .toBe('/terms/#术语索引-latin-t');
    // The URL changes before the new page has loaded and scrolled to the group: wait for where it comes to rest.
    await page.waitForLoadState('load');
    const top = () =>
      page.evaluate(() => document.getElementById('术语索引-latin-t')!.getBoundingClientRect().top);
    await expect.poll(top).toBeLessThan(150);
    expect(await top()).toBeGreaterThan(40);
  });

  it('the letter bars are even rows of equal boxes, `#` among them, each leading to its group', async () => {
    const page = await open('terms/');
    for (const bar of await page.locator('.term-index-letters').all()) {
      const boxes = await bar
        .locator('a')
        .evaluateAll((links) =>
          links
            .map((a) => a.getBoundingClientRect())
            .map((r) => ({ left: r.left, top: r.top, height: r.height })),
        );
      // Every box is as tall as the others, and a box that follows on the same line starts level with the one before.
      expect(new Set(boxes.map((b) => Math.round(b.height))).size).toBe(1);
      for (let i = 1; i < boxes.length; i++) {
        if (boxes[i].left > boxes[i - 1].left)
          expect(Math.abs(boxes[i].top - boxes[i - 1].top)).toBeLessThan(1);
      }
    }
    await page.locator('.term-index-letters a', { hasText: '#' }).click();
    expect(await page.evaluate(() => location.hash)).toBe(
      '#' + encodeURIComponent('术语索引-latin-0-9'),
    );
  });

  it('a section link lands on the chapter’s section that mentions the term; a row link lands on that figure row', async () => {
    const page = await open('terms/');
    const term = page.locator('.term', {
      has: page.locator('.term-name', { hasText: /^PagedAttention$/ }),
    });
    await term.locator('a', { hasText: '服务层' }).click();
    await expect
      .poll(() => page.evaluate(() => decodeURIComponent(location.pathname + location.hash)))
      .toBe('/#服务层');
    const row = page.locator(byId('服务层'));
    expect(await row.evaluate((el) => el.matches(':target'))).toBe(true);
    expect(await row.textContent()).toContain('PagedAttention');
    const top = await row.evaluate((el) => el.getBoundingClientRect().top);
    expect(top).toBeGreaterThan(50);
    expect(top).toBeLessThan(400);

    await page.goto(chromium.server.url + 'terms/');
    const quant = page.locator('.term', {
      has: page.locator('.term-name', { hasText: /^推测解码$/ }),
    });
    await quant.locator('a[href="/#1412-核心技术体系"]').click();
    await expect.poll(() => page.evaluate(() => location.pathname)).toBe('/');
    const heading = page.locator(byId('1412-核心技术体系'));
    expect(await heading.evaluate((el) => el.matches(':target'))).toBe(true);
    expect(await heading.evaluate((el) => el.getBoundingClientRect().top)).toBeLessThan(150);
  });
});

describe('reading aids', () => {
  it('back-to-top is hidden at the top, appears after a screen of reading, and takes the reader back up', async () => {
    const page = await open();
    const link = page.locator('a.back-to-top');
    expect(await link.isVisible()).toBe(false);
    await page.evaluate(() => window.scrollTo(0, 4000));
    await expect.poll(() => link.isVisible()).toBe(true);
    await link.click();
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0);
  });

  it('the reading bar grows with the scroll position, is hidden from assistive technology, and is absent with reduced motion', async () => {
    const page = await open();
    const scale = () =>
      page.evaluate(
        () =>
          new DOMMatrix(getComputedStyle(document.querySelector('.reading-progress')!).transform).a,
      );
    // The bar's timeline becomes active with the first layout; until then it has no transform at all.
    await expect.poll(scale).toBe(0);
    await page.evaluate(() =>
      window.scrollTo(0, (document.documentElement.scrollHeight - innerHeight) / 2),
    );
    await expect.poll(scale).toBeCloseTo(0.5, 1);
    expect(await page.locator('.reading-progress').getAttribute('aria-hidden')).toBe('true');
    const still = await open('', { reducedMotion: 'reduce' });
    expect(await still.locator('.reading-progress').isVisible()).toBe(false);
  });
});
