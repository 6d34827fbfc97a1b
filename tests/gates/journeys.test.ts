import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useHostedBrowser } from '../support/hosted.ts';
import { distDir, subBase, subDistDir } from '../support/paths.ts';
import { features, openSearch, selectors } from './site.ts';

interface Watch {
  cspViolations: string[];
  offOrigin: string[];
  errors: string[];
}

/** Records CSP violations (console and `securitypolicyviolation` events), page errors and every request that leaves the site's origin. */
async function watchedPage(
  context: BrowserContext,
  origin: string,
): Promise<{ page: Page; watch: Watch }> {
  const watch: Watch = { cspViolations: [], offOrigin: [], errors: [] };
  context.on('request', (req) => {
    const url = req.url();
    if (!url.startsWith(origin + '/') && !/^(data|blob|about):/.test(url))
      watch.offOrigin.push(url);
  });
  await context.exposeBinding(
    '__reportViolation',
    (_source, text: string) => void watch.cspViolations.push(text),
  );
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __reportViolation(t: string): void }).__reportViolation(
        `${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`,
      );
    });
  });
  const page = await context.newPage();
  page.on('console', (msg) => {
    if (/Content[- ]Security[- ]Policy/i.test(msg.text())) watch.cspViolations.push(msg.text());
  });
  page.on('pageerror', (err) => watch.errors.push(err.message));
  return { page, watch };
}

async function settle(page: Page) {
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(200);
}

describe.each([
  { name: 'root build', dir: distDir, base: '/' },
  { name: 'sub-path build', dir: subDistDir, base: subBase },
])('journeys through the $name, served with its _headers policy', ({ dir, base }) => {
  const hosted = useHostedBrowser(dir, base);

  it.each([
    { width: 1280, height: 900, colorScheme: 'light' as const },
    { width: 390, height: 844, colorScheme: 'dark' as const },
  ])(
    'reads, follows anchors, toggles the theme and searches with zero CSP violations and no request off the site ($width px)',
    async ({ width, height, colorScheme }) => {
      const context = await hosted.browser.newContext({ viewport: { width, height }, colorScheme });
      const { page, watch } = await watchedPage(context, hosted.server.origin);
      const response = await page.goto(hosted.server.url, { waitUntil: 'load' });
      // Served as production would be: the header policy is there and enforced alongside the meta.
      expect(response!.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
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

      // Search, once the site has it.
      const offered = (await page.locator(selectors.searchOpen).count()) > 0;
      if (features.searchDialog || offered) {
        expect(offered, `the source renders ${selectors.searchOpen}, so the page offers it`).toBe(
          true,
        );
        await openSearch(page);
        await page.keyboard.type('量化');
        // Scan the dialog with its results for the whole word rendered, not an intermediate state.
        await page.waitForFunction(() =>
          document.querySelector('.search-dialog [role="status"]')?.textContent?.includes('“量化”'),
        );
        await settle(page);
        await page.keyboard.press('Escape');
      }

      expect(watch.cspViolations).toEqual([]);
      expect(watch.offOrigin).toEqual([]);
      expect(watch.errors).toEqual([]);
      await context.close();
    },
  );

  it('would notice a blocked inline script: the policy really is enforced', async () => {
    const context = await hosted.browser.newContext();
    const { page, watch } = await watchedPage(context, hosted.server.origin);
    await page.goto(hosted.server.url, { waitUntil: 'load' });
    await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__ran = true';
      document.body.append(s);
    });
    await page.waitForTimeout(200);
    expect(await page.evaluate(() => '__ran' in window)).toBe(false);
    expect(watch.cspViolations.length).toBeGreaterThan(0);
    await context.close();
  });
});
