import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** Every HTML file of a build, relative to its root, e.g. `index.html`, `404.html`. */
export function builtPages(dir: string): string[] {
  const out: string[] = [];
  const walk = (sub: string) => {
    for (const entry of fs.readdirSync(path.join(dir, sub), { withFileTypes: true })) {
      const rel = path.posix.join(sub, entry.name);
      if (entry.isDirectory()) walk(rel);
      else if (entry.name.endsWith('.html')) out.push(rel);
    }
  };
  walk('');
  return out.sort();
}

/** The URL a static host serves an HTML file at: `a/index.html` → `<base>a/`. */
export function pageUrl(baseUrl: string, file: string): string {
  return baseUrl + file.replace(/(^|\/)index\.html$/, '$1');
}

export const selectors = {
  searchOpen: 'button[data-search-open]',
  phoneToc: 'nav.toc details.toc-panel',
};

/** Opens the search dialog through its button, which every page offers. */
export async function openSearch(page: Page): Promise<void> {
  expect(await page.locator(selectors.searchOpen).count(), 'the page offers search').toBe(1);
  await page.locator(selectors.searchOpen).click();
  await page
    .locator('dialog[open], [role="dialog"]:not([hidden])')
    .first()
    .waitFor({ state: 'visible' });
}

/** Opens the collapsible phone TOC, which every page has. */
export async function openPhoneToc(page: Page): Promise<void> {
  expect(await page.locator(selectors.phoneToc).count(), 'the page has a phone TOC').toBe(1);
  await page.locator(`${selectors.phoneToc} > summary`).click();
  await page.waitForFunction(
    (sel) => (document.querySelector(sel) as HTMLDetailsElement | null)?.open === true,
    selectors.phoneToc,
  );
}
