import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useEngine } from '../support/engines.ts';

const chromium = useEngine('chromium');
let page: Page;
let pdf: Buffer;

// A4 with 15 mm margins: the printed content box is 180 mm, 680 CSS px, wide.
const margin = '15mm';
const contentWidth = Math.floor(((210 - 30) / 25.4) * 96);

beforeAll(async () => {
  // Kept for every test below; the harness checks it after them.
  ({ playwright: page } = await chromium.open('', { width: contentWidth, height: 1000 }));
  await page.emulateMedia({ media: 'print' });
  pdf = await page.pdf({
    format: 'A4',
    margin: { top: margin, right: margin, bottom: margin, left: margin },
    printBackground: false,
  });
}, 120_000);

describe('printed to PDF', () => {
  it('produces a multi-page PDF', () => {
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
    expect(pages).toBeGreaterThan(3);
  });

  it('shows no sidebar, header or buttons', async () => {
    const visible = await page.evaluate(() =>
      [
        ...document.querySelectorAll(
          'aside, .sidebar, nav, .site-header, button, summary, .skip-link, .anchor-link, [role="dialog"], dialog',
        ),
      ]
        .filter((el) => el.checkVisibility({ visibilityProperty: true, opacityProperty: true }))
        .map((el) => el.outerHTML.slice(0, 80)),
    );
    expect(visible).toEqual([]);
  });

  it('lays every section and figure out on paper: none is left standing in for its content', async () => {
    const deferred = await page.evaluate(() =>
      [...document.querySelectorAll('.chapter-section, .figure')]
        .filter((el) => getComputedStyle(el).contentVisibility !== 'visible')
        .map((el) => el.className),
    );
    expect(deferred).toEqual([]);
  });

  it('keeps the chapter text at full width', async () => {
    const width = await page.evaluate(
      () => document.querySelector('article.prose')!.getBoundingClientRect().width,
    );
    expect(width).toBeGreaterThan(contentWidth * 0.9);
  });

  it('cuts off no table at the right edge of the page', async () => {
    const tables = await page.evaluate((limit) => {
      const article = document.querySelector('article.prose')!.getBoundingClientRect();
      return [...document.querySelectorAll('article table')].map((t) => {
        const region = t.closest('.table-region') ?? t.parentElement!;
        return {
          caption: t.querySelector('caption')?.textContent ?? '',
          right: t.getBoundingClientRect().right,
          scroll: region.scrollWidth - region.clientWidth,
          limit: Math.min(article.right, limit),
        };
      });
    }, contentWidth);
    expect(tables.length).toBeGreaterThan(0);
    expect(tables.filter((t) => t.right > t.limit + 1 || t.scroll > 1)).toEqual([]);
  });

  it('shows the URL of every linked reference as text', async () => {
    const hidden = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLAnchorElement>('.reference a[href^="http"]')]
        .filter((a) => {
          const shown =
            (a.closest('.reference') as HTMLElement).innerText +
            getComputedStyle(a, '::after').content;
          return !shown.includes(a.href.replace(/\/$/, '')) || !a.checkVisibility();
        })
        .map((a) => a.href),
    );
    expect(await page.locator('.reference a[href^="http"]').count()).toBeGreaterThan(0);
    expect(hidden).toEqual([]);
  });
});
