import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useHostedBrowser } from '../support/hosted.ts';
import { distDir } from '../support/paths.ts';
import { builtPages, features, openPage, openPhoneToc, openSearch, pageUrl, selectors } from './site.ts';

const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

const hosted = useHostedBrowser();

/** axe's violations as one readable line per failing node, so a failure says what to fix. */
async function violations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(tags).analyze();
  return violations.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')} — ${n.failureSummary?.replace(/\s+/g, ' ')}`));
}

// axe walks the whole chapter (about 3,000 nodes with the index); on a busy machine one scan takes 20–30 s.
const scanTimeout = 90_000;

const views = [
  { width: 1280, height: 900, colorScheme: 'light' as const },
  { width: 1280, height: 900, colorScheme: 'dark' as const },
  { width: 390, height: 844, colorScheme: 'light' as const },
  { width: 390, height: 844, colorScheme: 'dark' as const },
];

describe.each(builtPages(distDir))('axe on %s', (file) => {
  it.each(views)('has zero violations at $width px in $colorScheme mode', async ({ width, height, colorScheme }) => {
    const { context, page } = await openPage(hosted.browser, pageUrl(hosted.server.url, file), { viewport: { width, height }, colorScheme });
    expect(await violations(page)).toEqual([]);
    await context.close();
  }, scanTimeout);

  it.each(views.filter((v) => v.width === 390))('has zero violations with the phone TOC open ($colorScheme)', async ({ width, height, colorScheme }) => {
    const { context, page } = await openPage(hosted.browser, pageUrl(hosted.server.url, file), { viewport: { width, height }, colorScheme });
    if (file === 'index.html' || (await page.locator(selectors.phoneToc).count()) > 0) {
      await openPhoneToc(page);
      expect(await page.locator(`${selectors.phoneToc} a`).first().isVisible()).toBe(true);
    }
    expect(await violations(page)).toEqual([]);
    await context.close();
  }, scanTimeout);

  // Both widths and both schemes, each once: the dialog's layout depends on the width, its contrast on the scheme.
  it.each([views[0], views[3]])(
    'has zero violations with the search dialog open, once the site has search ($width px, $colorScheme)',
    async ({ width, height, colorScheme }) => {
      const { context, page } = await openPage(hosted.browser, pageUrl(hosted.server.url, file), { viewport: { width, height }, colorScheme });
      const offered = (await page.locator(selectors.searchOpen).count()) > 0;
      if (features.searchDialog || offered) {
        expect(offered, `search is built, so ${file} offers ${selectors.searchOpen}`).toBe(true);
        await openSearch(page);
        await page.keyboard.type('量化');
        // Scan the dialog with its results for the whole word rendered, not an intermediate state.
        await page.waitForFunction(() => document.querySelector('.search-dialog [role="status"]')?.textContent?.includes('“量化”'));
      }
      expect(await violations(page)).toEqual([]);
      await context.close();
    },
    scanTimeout,
  );

  // The reader tools' transient parts: a citation preview open and a copy reported in the status.
  it.each([views[1], views[2]])(
    'has zero violations with a citation preview open and a copy reported ($width px, $colorScheme)',
    async ({ width, height, colorScheme }) => {
      const { context, page } = await openPage(hosted.browser, pageUrl(hosted.server.url, file), { viewport: { width, height }, colorScheme });
      if (file === 'index.html') {
        await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: hosted.server.origin });
        await page.locator('button.copy-section').first().click();
        await page.waitForFunction(() => document.getElementById('reader-status')?.textContent !== '');
        await page.locator('a.citation').first().focus();
        await page.waitForFunction(() => document.querySelector('#citation-preview:popover-open') !== null);
      }
      expect(await violations(page)).toEqual([]);
      await context.close();
    },
    scanTimeout,
  );
});
