import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useEngine } from '../support/engines.ts';
import { distDir, subBase, subDistDir } from '../support/paths.ts';
import { openSearch, selectors } from './site.ts';

async function settle(page: Page) {
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(200);
}

describe.each([
  { name: 'root build', dir: distDir, base: '/' },
  { name: 'sub-path build', dir: subDistDir, base: subBase },
])('journeys through the $name, served with its _headers policy', ({ dir, base }) => {
  // The harness fails a page on any CSP violation, page error, failed request or request that
  // leaves the site's origin, so each journey is checked for all of them when it ends.
  const chromium = useEngine('chromium', dir, base);

  it.each([
    { width: 1280, height: 900, colorScheme: 'light' as const },
    { width: 390, height: 844, colorScheme: 'dark' as const },
  ])(
    'reads, follows anchors, toggles the theme and searches with zero CSP violations and no request off the site ($width px)',
    async ({ width, height, colorScheme }) => {
      const { playwright: page } = await chromium.open('', { width, height, colorScheme });
      // Served as production would be: the header policy is there and enforced alongside the meta.
      expect(
        await page.evaluate(() =>
          fetch(location.href).then((r) => r.headers.get('content-security-policy')),
        ),
      ).toContain("frame-ancestors 'none'");
      await settle(page);

      // Read: scroll through the whole chapter.
      const height_ = await page.evaluate(() => document.documentElement.scrollHeight);
      for (let y = 0; y < height_; y += 1500) await page.evaluate((top) => scrollTo(0, top), y);
      await settle(page);

      // Follow anchors: a TOC entry, a citation, and the reference's back-link.
      if (width < 1024) await page.locator(`${selectors.phoneToc} > summary`).click();
      await page.locator('nav.toc a').nth(3).click();
      const tocTarget = await page.locator('nav.toc a').nth(3).getAttribute('href');
      expect(await page.evaluate(() => decodeURIComponent(location.hash))).toBe(tocTarget);
      await page.locator('a.citation').first().click();
      expect(await page.evaluate(() => location.hash)).toMatch(/^#ref-\d+$/);
      const back = page.locator(`${await page.evaluate(() => location.hash)} a.backref`).first();
      await back.click();
      expect(await page.evaluate(() => location.hash)).toMatch(/^#cite-/);

      // Toggle the theme through all its states.
      const toggle = page.locator('theme-toggle button');
      for (let i = 0; i < 3; i++) await toggle.click();
      await settle(page);

      // Search.
      await openSearch(page);
      await page.keyboard.type('量化');
      // Wait for the results of the whole word, not an intermediate state.
      await page.waitForFunction(() =>
        document.querySelector('.search-dialog [role="status"]')?.textContent?.includes('“量化”'),
      );
      await settle(page);
      await page.keyboard.press('Escape');
    },
  );

  it('would notice a blocked inline script: the policy really is enforced', async () => {
    const reader = await chromium.open();
    await reader.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__ran = true';
      document.body.append(s);
    });
    expect(await reader.evaluate(() => '__ran' in window)).toBe(false);
    await reader.expectProblems(
      /^script-src(-elem)? blocked inline/,
      /^reported to the server: script-src(-elem)? blocked inline/,
      /^console: .*Content Security Policy/,
    );
  });
});
