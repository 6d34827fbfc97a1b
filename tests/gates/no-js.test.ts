import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useEngine } from '../support/engines.ts';
import { normaliseText, sourceFragments } from '../support/source.ts';
import { selectors } from './site.ts';

const chromium = useEngine('chromium');

/** The page as a reader without JavaScript gets it. */
const openWithoutScripts = async (
  path = '',
  { width = 1280, colorScheme = 'light' }: { width?: number; colorScheme?: 'light' | 'dark' } = {},
): Promise<Page> =>
  (await chromium.open(path, { javaScriptEnabled: false, width, height: 900, colorScheme }))
    .playwright;

const headerBottom = (page: Page) =>
  page.evaluate(() => document.querySelector('.site-header')!.getBoundingClientRect().bottom);

describe('without JavaScript', () => {
  it('shows the whole chapter: every heading, paragraph and table cell of the source is rendered', async () => {
    const page = await openWithoutScripts();
    expect(await page.evaluate(() => typeof customElements.get('theme-toggle'))).toBe('undefined');
    // Nothing is put off: the whole chapter is laid out, so innerText reports all of it at once.
    const rendered = normaliseText(await page.locator('body').innerText());
    const missing = sourceFragments()
      .filter((f) => f.text !== '')
      .filter((f) => !rendered.includes(f.text))
      .map((f) => `line ${f.line}: ${f.text.slice(0, 40)}`);
    expect(missing).toEqual([]);
  });

  it('opens a section link below the sticky header', async () => {
    const page = await openWithoutScripts('#' + encodeURIComponent('1432-技术发展里程碑'));
    const top = await page.evaluate(
      () => document.getElementById('1432-技术发展里程碑')!.getBoundingClientRect().top,
    );
    expect(top).toBeGreaterThanOrEqual(await headerBottom(page));
    expect(top).toBeLessThan(400);
  });

  it('follows TOC entries on a wide screen', async () => {
    const page = await openWithoutScripts();
    const links = page.locator('nav.toc a');
    expect(await links.count()).toBeGreaterThan(15);
    const last = links.last();
    const target = await last.getAttribute('href');
    await last.click();
    expect(await page.evaluate(() => decodeURIComponent(location.hash))).toBe(target);
    const id = target!.slice(1);
    const top = await page.evaluate(
      (i) => document.getElementById(i)!.getBoundingClientRect().top,
      id,
    );
    expect(top).toBeGreaterThanOrEqual(await headerBottom(page));
  });

  it('opens the TOC on a phone and follows an entry', async () => {
    const page = await openWithoutScripts('', { width: 390 });
    const link = page.locator(`${selectors.phoneToc} a`).nth(5);
    expect(await link.isVisible()).toBe(false);
    await page.locator(`${selectors.phoneToc} > summary`).click();
    expect(await link.isVisible()).toBe(true);
    const target = await link.getAttribute('href');
    await link.click();
    expect(await page.evaluate(() => decodeURIComponent(location.hash))).toBe(target);
  });

  it.each(['light', 'dark'] as const)(
    'follows the system %s theme and shows no control that needs a script',
    async (colorScheme) => {
      const page = await openWithoutScripts('', { colorScheme });
      const { bg, text, toggles } = await page.evaluate(() => ({
        bg: getComputedStyle(document.body).backgroundColor,
        text: getComputedStyle(document.body).color,
        toggles: [...document.querySelectorAll('button')]
          .filter((b) => b.checkVisibility({ visibilityProperty: true }))
          .map((b) => b.textContent!.trim()),
      }));
      const luminance = (rgb: string) => {
        const [r, g, b] = rgb.match(/[\d.]+/g)!.map(Number);
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
      };
      if (colorScheme === 'dark') expect(luminance(bg)).toBeLessThan(60);
      else expect(luminance(bg)).toBeGreaterThan(200);
      expect(Math.abs(luminance(bg) - luminance(text))).toBeGreaterThan(120);
      expect(toggles).toEqual([]);
    },
  );
});
