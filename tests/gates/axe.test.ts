import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { type OpenOptionsOf, useEngine } from '../support/engines.ts';
import { distDir } from '../support/paths.ts';
import { builtPages, openPhoneToc, openSearch, pageUrl, selectors } from './site.ts';

const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

const chromium = useEngine('chromium');
/** A built page (`terms/index.html`) under the production headers; the harness checks it for problems when the test ends. */
const open = async (file: string, options: OpenOptionsOf<'chromium'> = {}): Promise<Page> =>
  (await chromium.open(pageUrl('', file), options)).playwright;

/**
 * axe's violations as one readable line per failing node, so a failure says what to fix. `only`
 * limits the scan to what a transient state adds (an open panel, dialog or preview): the page
 * around it is scanned whole, in every view, by the first test.
 */
async function violations(page: Page, only: string[] = []): Promise<string[]> {
  const builder = new AxeBuilder({ page }).withTags(tags);
  for (const selector of only) {
    expect(
      await page.locator(selector).count(),
      `${selector} is there to be scanned`,
    ).toBeGreaterThan(0);
    builder.include(selector);
  }
  const { violations } = await builder.analyze();
  return violations.flatMap((v) =>
    v.nodes.map(
      (n) =>
        `${v.id} (${v.impact}): ${n.target.join(' ')} — ${n.failureSummary?.replace(/\s+/g, ' ')}`,
    ),
  );
}

// axe walks the whole chapter (about 3,000 nodes with the index): 16 s on a quiet machine, and
// well over a minute when other browser tests share its two cores.
const scanTimeout = 150_000;

const views = [
  { width: 1280, height: 900, colorScheme: 'light' as const },
  { width: 1280, height: 900, colorScheme: 'dark' as const },
  { width: 390, height: 844, colorScheme: 'light' as const },
  { width: 390, height: 844, colorScheme: 'dark' as const },
];

describe.each(builtPages(distDir))('axe on %s', (file) => {
  it.each(views)(
    'has zero violations at $width px in $colorScheme mode',
    async ({ width, height, colorScheme }) => {
      const page = await open(file, { width, height, colorScheme });
      expect(await violations(page)).toEqual([]);
    },
    scanTimeout,
  );

  it.each(views.filter((v) => v.width === 390))(
    'has zero violations with the phone TOC open ($colorScheme)',
    async ({ width, height, colorScheme }) => {
      const page = await open(file, { width, height, colorScheme });
      // Every page has the chapter's contents, folded into a panel on a phone.
      await openPhoneToc(page);
      expect(await page.locator(`${selectors.phoneToc} a`).first().isVisible()).toBe(true);
      expect(await violations(page, [selectors.phoneToc])).toEqual([]);
    },
    scanTimeout,
  );

  // Both widths and both schemes, each once: the dialog's layout depends on the width, its contrast on the scheme.
  it.each([views[0], views[3]])(
    'has zero violations with the search dialog open ($width px, $colorScheme)',
    async ({ width, height, colorScheme }) => {
      const page = await open(file, { width, height, colorScheme });
      // Every page offers search; openSearch fails if the button is not there.
      await openSearch(page);
      await page.keyboard.type('量化');
      // Scan the dialog with its results for the whole word rendered, not an intermediate state.
      await page.waitForFunction(() =>
        document.querySelector('.search-dialog [role="status"]')?.textContent?.includes('“量化”'),
      );
      // A modal dialog: the page behind it is inert.
      expect(await violations(page, ['.search-dialog'])).toEqual([]);
    },
    scanTimeout,
  );

  // The reader tools' transient parts: a citation preview open and a copy reported in the status.
  it.each([views[1], views[2]])(
    'has zero violations with a citation preview open and a copy reported ($width px, $colorScheme)',
    async ({ width, height, colorScheme }) => {
      const page = await open(file, { width, height, colorScheme });
      if (file === 'index.html') {
        await page.locator('button.copy-section').first().click();
        await page.waitForFunction(
          () => document.getElementById('reader-status')?.textContent !== '',
        );
        await page.locator('a.citation').first().focus();
        await page.waitForFunction(
          () => document.querySelector('#citation-preview:popover-open') !== null,
        );
      }
      // The citation is scanned with its preview: it names it in aria-describedby.
      expect(
        await violations(
          page,
          file === 'index.html' ? ['#citation-preview', '#reader-status', 'a.citation-anchor'] : [],
        ),
      ).toEqual([]);
    },
    scanTimeout,
  );
});

describe('a scan limited to a transient state', () => {
  it(
    'still reports what is wrong inside it, and only that',
    async () => {
      const page = await open('index.html');
      await page.locator('a.citation').first().focus();
      await page.waitForFunction(
        () => document.querySelector('#citation-preview:popover-open') !== null,
      );
      // The same fault, an image without a text alternative, inside the preview and outside it.
      await page.evaluate(() => {
        const img = () =>
          Object.assign(document.createElement('img'), {
            // A valid image: the fault is only its missing text alternative.
            src: 'data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7',
            className: 'gate-fault',
          });
        document.getElementById('citation-preview')!.append(img());
        document.querySelector('main p')!.append(img());
      });
      const found = await violations(page, ['#citation-preview']);
      expect(found).toHaveLength(1);
      expect(found[0]).toMatch(/^image-alt .*#citation-preview/);
    },
    scanTimeout,
  );
});
