import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { afterNextFrame } from '../support/browser.ts';
import { useEngine } from '../support/engines.ts';
import { distDir } from '../support/paths.ts';
import { builtPages, pageUrl, selectors } from './site.ts';

const chromium = useEngine('chromium');

interface Stop {
  index: number;
  description: string;
  /** What changed on focus: outline, box-shadow, background or border; empty if nothing visible did. */
  indicator: string[];
  inViewport: boolean;
  /** A link inside a citation preview, which exists only while its citation has focus. */
  inPreview: boolean;
}

/**
 * Numbers every control a keyboard user should reach (visible, enabled, not removed from the tab
 * order) in document order, and records how each looks before it has focus.
 */
async function markControls(page: Page): Promise<number> {
  // Scripts that load as the reader comes near (the matrix's) have loaded once the reader has come
  // by: the page is read through, a screen at a time, and what loads is waited for.
  for (
    let y = 0;
    y < (await page.evaluate(() => document.documentElement.scrollHeight));
    y += 800
  ) {
    await page.evaluate((top) => scrollTo(0, top), y);
    await afterNextFrame(page);
  }
  await page.waitForLoadState('networkidle');
  // Back-to-top shows only once the reader has scrolled; it is counted as a reader deep in the page
  // sees it. Scroll-driven styles update on the next frame, not at the scroll call.
  for (let tries = 0; tries < 10; tries++) {
    const height = await page.evaluate(() => {
      scrollTo(0, document.documentElement.scrollHeight);
      return document.documentElement.scrollHeight;
    });
    await afterNextFrame(page);
    if ((await page.evaluate(() => document.documentElement.scrollHeight)) === height) break;
  }
  await afterNextFrame(page);
  const n = await page.evaluate(() => {
    const selector =
      'a[href], button, input, select, textarea, summary, iframe, [tabindex], [contenteditable="true"]';
    let n = 0;
    for (const el of document.querySelectorAll<HTMLElement>(selector)) {
      if (el.tabIndex < 0 || (el as HTMLButtonElement).disabled || el.closest('[inert]')) continue;
      if (
        !el.checkVisibility({ visibilityProperty: true, contentVisibilityAuto: false }) ||
        el.getClientRects().length === 0
      )
        continue;
      // A summary inside an always-open details on wide screens is a label, but still a tab stop.
      el.dataset.gateIndex = String(n++);
      const cs = getComputedStyle(el);
      el.dataset.gateBefore = JSON.stringify([
        cs.outlineStyle,
        cs.outlineWidth,
        cs.boxShadow,
        cs.backgroundColor,
        cs.borderColor,
        cs.textDecorationLine,
      ]);
    }
    return n;
  });
  await page.evaluate(() => scrollTo(0, 0));
  await afterNextFrame(page);
  return n;
}

async function tabThrough(page: Page, limit: number): Promise<Stop[]> {
  const stops: Stop[] = [];
  // Stops inside a citation preview come and go with it, so they do not count against the limit.
  for (let i = 0; i < limit; i += stops.at(-1)?.inPreview ? 0 : 1) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const cs = getComputedStyle(el);
      const before = JSON.parse(el.dataset.gateBefore ?? '[]') as string[];
      const now = [
        cs.outlineStyle,
        cs.outlineWidth,
        cs.boxShadow,
        cs.backgroundColor,
        cs.borderColor,
        cs.textDecorationLine,
      ];
      const names = ['outline', 'outline', 'box-shadow', 'background', 'border', 'underline'];
      const indicator = now.flatMap((v, k) => (v !== before[k] ? [names[k]] : []));
      // An outline only shows when it has a style and a width.
      const outlineVisible = cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2;
      const r = el.getBoundingClientRect();
      return {
        index: el.dataset.gateIndex === undefined ? -1 : Number(el.dataset.gateIndex),
        description: `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${el.className && typeof el.className === 'string' ? '.' + el.className.split(' ')[0] : ''} "${(el.textContent ?? '').trim().slice(0, 30)}"`,
        indicator: [
          ...new Set(
            outlineVisible ? [...indicator, 'outline'] : indicator.filter((x) => x !== 'outline'),
          ),
        ],
        inViewport: r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth,
        inPreview: el.closest('#citation-preview') !== null,
      };
    });
    if (!stop) break;
    if (stops.length > 0 && stop.index === stops[0].index) break;
    stops.push(stop);
  }
  return stops;
}

const views = [
  { name: '1280 px', width: 1280, height: 900, phoneToc: false },
  { name: '390 px with the TOC open', width: 390, height: 844, phoneToc: true },
];

describe.each(builtPages(distDir))('keyboard on %s', (file) => {
  describe.each(views)('at $name', ({ width, height, phoneToc }) => {
    let page: Page;
    let controls: number;
    let stops: Stop[];

    beforeAll(async () => {
      // Read by every test of this view; the harness checks it when the next page opens.
      ({ playwright: page } = await chromium.open(pageUrl('', file), { width, height }));
      // Opened without a click, so tabbing still starts at the top of the page.
      if (phoneToc)
        await page.evaluate(
          (sel) => ((document.querySelector(sel) as HTMLDetailsElement).open = true),
          selectors.phoneToc,
        );
      controls = await markControls(page);
      stops = await tabThrough(page, controls + 10);
    }, 120_000);

    it('starts with a visible skip link to the chapter', () => {
      expect(stops[0].description).toMatch(/^a\.skip-link/);
      expect(stops[0].inViewport).toBe(true);
      expect(stops[0].indicator).not.toEqual([]);
    });

    it('reaches every interactive control', () => {
      // The chapter page has its TOC, citations and anchors; any other page at least its skip link and header.
      expect(controls).toBeGreaterThan(file === 'index.html' ? 20 : 1);
      const reached = new Set(stops.map((s) => s.index));
      const missed = Array.from({ length: controls }, (_, i) => i).filter((i) => !reached.has(i));
      expect(missed).toEqual([]);
      // Tabbing on from a citation enters its preview, whose links are then in reach too.
      if (file === 'index.html') expect(stops.some((s) => s.inPreview)).toBe(true);
      expect(stops.filter((s) => s.index === -1 && !s.inPreview).map((s) => s.description)).toEqual(
        [],
      );
    });

    it('shows a visible focus indicator on every stop, scrolled into view', () => {
      expect(stops.filter((s) => s.indicator.length === 0).map((s) => s.description)).toEqual([]);
      expect(stops.filter((s) => !s.inViewport).map((s) => s.description)).toEqual([]);
    });

    it('moves in reading order: header, contents, chapter', () => {
      const order = stops.filter((s) => !s.inPreview).map((s) => s.index);
      expect(order).toEqual([...order].sort((a, b) => a - b));
    });
  });

  it('the skip link moves focus into the chapter', async () => {
    const { playwright: page } = await chromium.open(pageUrl('', file));
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    const inChapter = await page.evaluate(
      () => document.activeElement?.closest('#chapter') !== null,
    );
    expect(inChapter).toBe(true);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('main') !== null)).toBe(true);
    expect(
      await page.evaluate(
        () =>
          document.querySelectorAll('[tabindex]:not([tabindex="0"]):not([tabindex="-1"])').length,
      ),
    ).toBe(0);
  });
});
