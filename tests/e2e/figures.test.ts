import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useEngine } from '../support/engines.ts';

const chromium = useEngine('chromium');
const open = async (path = '', width = 1280): Promise<Page> =>
  (await chromium.open(path, { width })).playwright;

/** The page, scrolled to the matrix as a reader would, once its controls work (their script loads as it comes near). */
async function openMatrix(width = 1280): Promise<Page> {
  const page = await open('', width);
  await page.locator('#tbl-技术成熟度评估矩阵-table').scrollIntoViewIfNeeded();
  await page.waitForFunction(() => customElements.get('matrix-controls') !== undefined);
  return page;
}

const matrixRows = (page: Page) =>
  page
    .locator('#tbl-技术成熟度评估矩阵-table tbody tr')
    .evaluateAll((rows) => rows.filter((r) => !(r as HTMLElement).hidden).map((r) => r.id));

describe('the maturity matrix', () => {
  it('draws its controls with the page but loads their script only as it comes near: before, the table is complete and nothing has been fetched', async () => {
    const page = await open();
    const fetched = () =>
      page.evaluate(() =>
        performance.getEntriesByType('resource').some((r) => /matrix-controls/.test(r.name)),
      );
    expect(await fetched()).toBe(false);
    // The filters and the sort buttons take their place from the first layout.
    expect(await page.locator('matrix-controls button').count()).toBe(5);
    expect(await page.locator('matrix-controls').isVisible()).toBe(true);
    expect(await page.locator('#tbl-技术成熟度评估矩阵-table .sort-button').count()).toBe(3);
    expect((await matrixRows(page)).length).toBe(8);
    const table = page.locator('#tbl-技术成熟度评估矩阵-table');
    const before = await table.evaluate((t) => t.getBoundingClientRect().height);
    await table.scrollIntoViewIfNeeded();
    await expect.poll(fetched).toBe(true);
    await page.waitForFunction(() => customElements.get('matrix-controls') !== undefined);
    // The script arriving changes nothing a reader sees: the table keeps its height.
    expect(await table.evaluate((t) => t.getBoundingClientRect().height)).toBe(before);
    expect(await page.locator('matrix-controls button').count()).toBe(5);
  });

  it('sorts by gain from the keyboard, announces it, and returns to the chapter order', async () => {
    const page = await openMatrix();
    const source = await matrixRows(page);
    expect(source[0]).toBe('int8fp8-量化');
    const gainHeader = page.locator('#tbl-技术成熟度评估矩阵-table thead th').nth(3);
    await gainHeader.locator('button').focus();
    await page.keyboard.press('Enter');
    expect(await gainHeader.getAttribute('aria-sort')).toBe('descending');
    expect((await matrixRows(page))[0]).toBe('gpu-优化'); // 20.0x
    expect(await page.locator('.form-matrix [role="status"]').textContent()).toBe(
      '显示 8 / 8 行，按性能提升从高到低排列',
    );
    // Out of source order, every row shows its 技术领域.
    expect(await page.locator('#lpu-加速 td').first().textContent()).toBe('硬件加速');
    await page.keyboard.press('Enter');
    expect(await gainHeader.getAttribute('aria-sort')).toBe('ascending');
    // Ranges sort by their geometric middle: 2.0x (INT8/FP8) comes before 1.5-3x (≈2.1x).
    expect((await matrixRows(page)).slice(0, 2)).toEqual(['int8fp8-量化', '推测解码']);
    await page.keyboard.press('Enter');
    expect(await gainHeader.getAttribute('aria-sort')).toBe('none');
    expect(await matrixRows(page)).toEqual(source);
  });

  it('filters by 技术领域 with pressed-state buttons', async () => {
    const page = await openMatrix();
    const button = page.locator('matrix-controls button[data-filter="系统优化"]');
    await button.click();
    expect(await button.getAttribute('aria-pressed')).toBe('true');
    expect(await matrixRows(page)).toEqual(['动态批处理', '推测解码']);
    await page.locator('matrix-controls button[data-filter=""]').click();
    expect((await matrixRows(page)).length).toBe(8);
  });

  it('lets a reader link to a row: #tensorrt lands below the header and marks the row', async () => {
    const page = await open('#tensorrt');
    const { top, header, bg } = await page.evaluate(() => {
      const row = document.getElementById('tensorrt')!;
      return {
        top: row.getBoundingClientRect().top,
        header: document.querySelector('.site-header')!.getBoundingClientRect().bottom,
        bg: getComputedStyle(row.querySelector('th')!).backgroundColor,
      };
    });
    expect(top).toBeGreaterThanOrEqual(header);
    expect(top).toBeLessThan(header + 80);
    expect(bg).toBe('rgb(255, 244, 194)');
  });
});

describe('figures on a 390 px phone', () => {
  it('keep the page from scrolling sideways; each figure scrolls in its own region', async () => {
    const page = await open('', 390);
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - innerWidth),
    ).toBeLessThanOrEqual(0);
    const overflowing = await page.locator('.figure [role="region"]').evaluateAll((regions) =>
      regions.map((r) => ({
        scrolls: r.scrollWidth > r.clientWidth,
        focusable: (r as HTMLElement).tabIndex === 0,
      })),
    );
    expect(overflowing.length).toBe(11);
    for (const r of overflowing) expect(r.focusable).toBe(true);
  });
});
