import fs from 'node:fs';
import path from 'node:path';
import type { BrowserContext, BrowserContextOptions, Browser, Page } from 'playwright-core';
import { untilPainted } from '../support/browser.ts';
import { root } from '../support/paths.ts';

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

/**
 * Features other parts of the site add. Their gates drive them once the feature has landed in the
 * source tree, and then fail if the page does not offer them.
 */
export const features = {
  /** The build writes a Pagefind index, whose WebAssembly and worker the policy must allow. */
  search: fs.existsSync(path.join(root, 'src/integrations/pagefind.ts')),
  /** Some component renders the button that opens the search dialog. */
  searchDialog: sourceMentions(path.join(root, 'src'), 'data-search-open'),
};

function sourceMentions(dir: string, needle: string): boolean {
  return fs.readdirSync(dir, { withFileTypes: true }).some((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceMentions(full, needle);
    return (
      /\.(astro|ts|js|mdx)$/.test(entry.name) && fs.readFileSync(full, 'utf8').includes(needle)
    );
  });
}

export const selectors = {
  searchOpen: 'button[data-search-open]',
  phoneToc: 'nav.toc details.toc-panel',
};

export async function openPage(
  browser: Browser,
  url: string,
  options: BrowserContextOptions = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    colorScheme: 'light',
    ...options,
  });
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  if (options.javaScriptEnabled !== false) await untilPainted(page);
  return { context, page };
}

/** Opens the search dialog through its button, when the page offers search. */
export async function openSearch(page: Page): Promise<void> {
  await page.locator(selectors.searchOpen).first().click();
  await page
    .locator('dialog[open], [role="dialog"]:not([hidden])')
    .first()
    .waitFor({ state: 'visible' });
}

/** Opens the collapsible phone TOC. */
export async function openPhoneToc(page: Page): Promise<void> {
  await page.locator(`${selectors.phoneToc} > summary`).click();
  await page.waitForFunction(
    (sel) => (document.querySelector(sel) as HTMLDetailsElement | null)?.open === true,
    selectors.phoneToc,
  );
}
