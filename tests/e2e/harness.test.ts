import { describe, expect, it } from 'vitest';
import { type ReaderPage, useEngine } from '../support/engines.ts';

/**
 * The harness every browser test opens its pages with: a problem on a page fails the test that
 * opened it, unless the test said it provokes exactly that problem.
 */
const chromium = useEngine('chromium');

/** What a broken page would do to a reader: a blocked inline script and image, an error thrown, a file missing. */
const breakThePage = () => {
  const s = document.createElement('script');
  s.textContent = 'window.ranInline = true';
  document.body.append(s);
  new Image().src = 'https://example.org/pixel.gif';
  setTimeout(() => {
    throw new Error('thrown by the page');
  });
  void fetch('no-such-file.txt');
};
const brokenPageProblems = [
  /^script-src(-elem)? blocked inline/,
  /^reported to the server: script-src(-elem)? blocked inline/,
  /^img-src blocked https:\/\/example\.org\/pixel\.gif/,
  /^page error: thrown by the page$/,
  /^404 \/no-such-file\.txt$/,
];

/** What closing the page says: every line is a problem that fails the test. */
const closing = (page: ReaderPage) =>
  page.close().then(
    () => 'closed without a word',
    (error: Error) => error.message,
  );
const listed = (re: RegExp) => new RegExp(`^ {2}${re.source.replace(/^\^/, '')}`, 'm');

describe('the harness', () => {
  it('fails a page, when it closes, for each problem a reader would meet: CSP violations, a page error, a failed request', async () => {
    const page = await chromium.open();
    await page.evaluate(breakThePage);
    await expect
      .poll(() => page.problems())
      .toEqual(expect.arrayContaining(brokenPageProblems.map((re) => expect.stringMatching(re))));
    const said = await closing(page);
    expect(said).toMatch(/had \d+ problem\(s\) a reader would meet:/);
    for (const re of brokenPageProblems) expect(said).toMatch(listed(re));
  });

  it('fails a page that sends the reader off the site', async () => {
    const page = await chromium.open();
    // Answered here, so that nothing leaves this machine.
    await page.playwright.route('https://example.org/**', (r) => r.fulfill({ body: 'elsewhere' }));
    await page.evaluate(() => location.assign('https://example.org/elsewhere'));
    await expect
      .poll(() => page.problems())
      .toContain('request off the site: https://example.org/elsewhere');
    expect(await closing(page)).toMatch(listed(/request off the site: https:\/\/example\.org/));
  });

  it('excuses only the problems a test declares, and only once they have come', async () => {
    const page = await chromium.open();
    await page.evaluate(breakThePage);
    await page.expectProblems(/blocked inline/, /^console: Executing inline script violates/);
    await expect.poll(() => page.problems()).toContain('page error: thrown by the page');
    expect((await page.problems()).filter((p) => /inline/.test(p))).toEqual([]);
    const said = await closing(page);
    expect(said).toMatch(listed(/page error: thrown by the page$/));
    expect(said).not.toMatch(/inline/);
  });

  it('hears a page without JavaScript too: a request for a missing file', async () => {
    const page = await chromium.open('', { javaScriptEnabled: false });
    // Added from outside: none of the page's own scripts runs.
    await page.playwright.evaluate(() => {
      const img = document.createElement('img');
      img.src = 'missing.png';
      document.body.append(img);
    });
    await expect.poll(() => page.problems()).toContain('404 /missing.png');
    expect(await closing(page)).toMatch(listed(/404 \/missing\.png$/));
  });
});
