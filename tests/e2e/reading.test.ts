import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { type OpenOptionsOf, useEngine } from '../support/engines.ts';

const chromium = useEngine('chromium');
const open = async (path: string, options: OpenOptionsOf<'chromium'> = {}) =>
  (await chromium.open(path, options)).playwright;

const currentTocLink = (page: Page) => page.locator('nav.toc a[aria-current="true"]');

describe('following a link to a section', () => {
  it('lands the heading just below the sticky header, marks it and highlights it in the TOC', async () => {
    const page = await open('#1432-技术发展里程碑');
    const { headingTop, headerBottom, targeted, marked } = await page.evaluate(() => {
      const h = document.getElementById('1432-技术发展里程碑')!;
      const wrapper = h.parentElement!;
      return {
        headingTop: h.getBoundingClientRect().top,
        headerBottom: document.querySelector('.site-header')!.getBoundingClientRect().bottom,
        targeted: h.matches(':target'),
        marked: getComputedStyle(wrapper).backgroundImage,
      };
    });
    expect(targeted).toBe(true);
    expect(headingTop).toBeGreaterThanOrEqual(headerBottom);
    expect(headingTop).toBeLessThan(headerBottom + 48);
    expect(marked).toContain('gradient');
    await expect.poll(() => currentTocLink(page).textContent()).toBe('14.3.2 技术发展里程碑');
  });

  it('moves the TOC highlight while scrolling, and makes the short last section current at the bottom', async () => {
    const page = await open('');
    await page.evaluate(() => {
      const h = document.getElementById('1421-硬件生态格局')!;
      scrollTo(0, h.getBoundingClientRect().top + scrollY - 80);
    });
    await expect.poll(() => currentTocLink(page).textContent()).toBe('14.2.1 硬件生态格局');
    await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight));
    const last = await page.locator('nav.toc a').last().getAttribute('href');
    await expect.poll(() => currentTocLink(page).getAttribute('href')).toBe(last);
  });

  it('copies a heading link, with its fragment, and says so', async () => {
    const page = await open('');
    const link = page.locator('a.anchor-link[href="#1412-核心技术体系"]');
    await link.focus();
    expect(await link.evaluate((a) => getComputedStyle(a).opacity)).toBe('1');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.evaluate(() => navigator.clipboard.readText()))
      .toBe(chromium.server.url + '#' + encodeURIComponent('1412-核心技术体系'));
    await expect.poll(() => page.locator('#reader-status').textContent()).toBe('已复制本节链接');
    expect(await page.evaluate(() => decodeURIComponent(location.hash))).toBe('#1412-核心技术体系');
  });
});

describe('on a 390 px phone', () => {
  it('never scrolls the page sideways; wide tables scroll inside their own focusable region', async () => {
    const page = await open('', { width: 390, height: 844 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const region = page.locator('[role="region"][aria-labelledby="tbl-技术成熟度评估矩阵"]');
    expect(await region.evaluate((r) => r.scrollWidth > r.clientWidth)).toBe(true);
    await region.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => region.evaluate((r) => r.scrollLeft)).toBeGreaterThan(0);
  });

  it('keeps the label column readable (技术领域 does not wrap one character per line)', async () => {
    const page = await open('', { width: 390, height: 844 });
    const width = await page
      .locator('[aria-labelledby="tbl-技术成熟度评估矩阵"] tr:nth-child(1) > :first-child')
      .first()
      .evaluate((c) => c.getBoundingClientRect().width);
    expect(width).toBeGreaterThan(4 * 14);
  });

  it('folds the table of contents into a panel that opens and leads to a section', async () => {
    const page = await open('', { width: 390, height: 844 });
    const link = page.locator('nav.toc a[href="#1433-技术风险评估"]');
    expect(await link.isVisible()).toBe(false);
    await page.locator('nav.toc summary').click();
    expect(await link.isVisible()).toBe(true);
    await link.click();
    expect(await page.evaluate(() => decodeURIComponent(location.hash))).toBe('#1433-技术风险评估');
    const top = await page.evaluate(
      () => document.getElementById('1433-技术风险评估')!.getBoundingClientRect().top,
    );
    expect(top).toBeGreaterThan(0);
    expect(top).toBeLessThan(150);
  });
});

describe('themes', () => {
  it('follows the system, toggles, and keeps the choice across visits without a flash of the other theme', async () => {
    const page = await open('', { colorScheme: 'dark' });
    const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(await bg()).toBe('rgb(22, 24, 29)');
    const toggle = page.locator('theme-toggle button');
    await toggle.click(); // system → light
    expect(await bg()).toBe('rgb(251, 250, 247)');
    expect(await toggle.textContent()).toContain('浅色');
    // On the next visit the stored theme is in place before the body is parsed.
    await page.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (document.body) {
          (window as unknown as { themeAtFirstBody: string | undefined }).themeAtFirstBody =
            document.documentElement.dataset.theme;
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    await page.reload();
    expect(
      await page.evaluate(
        () => (window as unknown as { themeAtFirstBody: string }).themeAtFirstBody,
      ),
    ).toBe('light');
    expect(await bg()).toBe('rgb(251, 250, 247)');
  });
});
