import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildContent, removeBuilds, tempDir } from '../support/build-content.ts';
import { engineNames, type ReaderPage, useEngine } from '../support/engines.ts';
import { contentDir, distDir, subBase, subDistDir } from '../support/paths.ts';

/*
 * Reading with the network gone. After one visit the service worker has kept the site, so every
 * tool works offline; where nothing was kept, or a file is blocked, each tool says why in the
 * page's announced status. The network is dropped the way each driver can: Chromium's own offline
 * mode (Playwright), and in every engine by stopping the test server, a real drop for the page.
 */

/** Set SCREENSHOT_DIR to keep a picture of what the reader is told at each moment. */
async function picture(page: ReaderPage, moment: string) {
  const dir = process.env.SCREENSHOT_DIR;
  if (!dir) return;
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot(path.join(dir, `offline-${page.engine}-${moment}.png`));
}

const chapterMd = fs.readFileSync(path.join(distDir, 'chapter-14.md'), 'utf8');
const readerStatus = () => document.getElementById('reader-status')!.textContent;
const searchStatus = () => document.querySelector('.search-dialog [role="status"]')?.textContent;

/** Resolves once the service worker controls the page: the site is kept. */
const untilKept = async () => {
  await navigator.serviceWorker.ready;
  if (navigator.serviceWorker.controller) return;
  await new Promise((done) =>
    navigator.serviceWorker.addEventListener('controllerchange', done, { once: true }),
  );
};

/** Reads in the page, or '' while a navigation has no document to read. */
const safely = async <R>(page: ReaderPage, fn: () => R): Promise<R | ''> => {
  try {
    return await page.evaluate(fn);
  } catch {
    return '';
  }
};

async function openSearch(page: ReaderPage) {
  await page.click('button[data-search-open]');
  await expect
    .poll(() => page.evaluate(() => document.activeElement?.id), { timeout: 20_000 })
    .toBe('search-input');
}

/** Types a query over what the field holds, and waits for what the dialog says of it. */
async function search(page: ReaderPage, query: string) {
  await page.evaluate(() => document.querySelector<HTMLInputElement>('#search-input')!.select());
  await page.type(query);
  await expect
    .poll(() => page.evaluate(searchStatus), { timeout: 20_000 })
    .toMatch(new RegExp(`^找到 [1-9]\\d* 个包含“${query}”`));
  return page.evaluate(() => ({
    status: document.querySelector('.search-dialog [role="status"]')!.textContent!,
    results: document.querySelectorAll('.search-results a').length,
    card: document.querySelector('.search-term:not([hidden]) .search-term-name')?.textContent,
  }));
}

/**
 * The journey a reader makes offline after one visit: reload, search in Chinese and in English,
 * copy a section, open a preview, go to the term index and come back by a link.
 */
async function offlineJourney(page: ReaderPage) {
  await page.reload();
  expect(await page.evaluate(() => document.querySelector('h1')?.textContent)).toBe(
    '十四、总结与展望',
  );

  await openSearch(page);
  const zh = await search(page, '推测解码');
  expect(zh.results).toBeGreaterThan(0);
  expect(zh.card).toBe('推测解码');
  expect(zh.status).not.toContain('不可用');
  const en = await search(page, 'PagedAttention');
  expect(en.results).toBeGreaterThan(0);
  expect(en.card).toBe('PagedAttention');
  expect(en.status).not.toContain('不可用');
  await picture(page, 'search-offline');
  await page.press('Escape');

  await page.click('button[data-copy-section="14.1.2 核心技术体系"]');
  await expect
    .poll(() => page.evaluate(readerStatus))
    .toBe('已复制“14.1.2 核心技术体系”的 Markdown 原文');

  await page.hover('a.citation[data-ref="4"]');
  await expect
    .poll(() => page.evaluate(() => !!document.querySelector('#citation-preview:popover-open')))
    .toBe(true);
  await page.press('Escape');

  await page.click('a[href="/terms/"]');
  await expect
    .poll(() =>
      safely(page, () => location.pathname + ' ' + document.querySelector('h1')?.textContent),
    )
    .toBe('/terms/ 术语索引');
  await page.click('.toc a[href="/#141-技术发展总结"]');
  await expect
    .poll(() =>
      safely(
        page,
        () => `${location.pathname}${decodeURIComponent(location.hash)} ${document.readyState}`,
      ),
    )
    .toBe('/#141-技术发展总结 complete');
  expect(await page.evaluate(() => !!document.getElementById('141-技术发展总结'))).toBe(true);
}

/** The copied section: its slice of the published Markdown, as the page's offsets give it. */
const copiedSection = async (page: Page, title: string) => {
  const [start, end] = await page
    .locator(`button[data-copy-section="${title}"]`)
    .evaluate((b: HTMLElement) => [Number(b.dataset.start), Number(b.dataset.end)]);
  return chapterMd.slice(start, end);
};

describe('offline after one visit, in Chromium’s own offline mode', () => {
  const chromium = useEngine('chromium');

  it(
    'reloads, searches (Chinese and English, results and card), copies, previews, opens the term index and comes back',
    { timeout: 90_000 },
    async () => {
      const reader = await chromium.open('');
      const page = reader.playwright;
      await reader.evaluate(untilKept);
      await reader.setOffline(true);
      await offlineJourney(reader);
      // The clipboard holds the section's own source, from the kept Markdown.
      await page.goto(page.url().split('#')[0] + '#1412-核心技术体系');
      await page.locator('button[data-copy-section="14.1.2 核心技术体系"]').click();
      await expect
        .poll(() => page.evaluate(() => navigator.clipboard.readText()))
        .toBe(await copiedSection(page, '14.1.2 核心技术体系'));
      expect(chromium.server.failedResponses).toEqual([]);
    },
  );
});

describe('offline after one visit, in Firefox’s own offline mode', () => {
  const firefox = useEngine('firefox');

  it('every tool works from what was kept', { timeout: 90_000 }, async () => {
    const page = await firefox.open('');
    await page.evaluate(untilKept);
    await page.setOffline(true);
    expect(await page.evaluate(() => navigator.onLine)).toBe(false);
    await offlineJourney(page);
    // Firefox's offline mode keeps its cache from what the worker does not keep, so the
    // harness's recorder (no part of the site) cannot load in a page opened offline; its
    // console and page errors still reach the driver.
    await page.expectProblems(/the page-problem recorder did not run/);
  });
});

for (const name of engineNames) {
  describe(`offline after one visit, ${name}, with the server gone`, () => {
    const engine = useEngine(name);

    it('every tool works from what was kept', { timeout: 90_000 }, async () => {
      const page = await engine.open('');
      await page.evaluate(untilKept);
      await engine.network.disconnect();
      try {
        await offlineJourney(page);
        // WebKit asks the network, not its cache, for what the worker does not keep, so the
        // harness's recorder (no part of the site) cannot load in a page opened offline there.
        if (name === 'webkit') await page.expectProblems(/the page-problem recorder did not run/);
      } finally {
        await engine.network.reconnect();
      }
    });
  });
}

describe('with nothing kept and the network gone, the tools say so (Chromium)', () => {
  const chromium = useEngine('chromium');

  it('copy and search report their failure in the page’s status', async () => {
    const reader = await chromium.open('#1412-核心技术体系', { serviceWorkers: 'block' });
    const page = reader.playwright;
    await page.context().setOffline(true);
    await page.locator('button[data-copy-section="14.1.2 核心技术体系"]').click();
    await expect
      .poll(() => page.evaluate(readerStatus))
      .toBe('复制失败：未能加载复制功能，请检查网络后重试');
    await page.locator('button[data-search-open]').click();
    await expect
      .poll(() => page.evaluate(readerStatus))
      .toBe('搜索暂不可用：未能加载搜索，请检查网络后重试');
    await picture(reader, 'nothing-kept-search');
    expect(await page.locator('#reader-status').isVisible()).toBe(true);
    expect(await page.locator('#reader-status').getAttribute('role')).toBe('status');
    await reader.expectProblems(
      /request failed: .*tools\..*\.js/,
      /request failed: .*dialog\..*\.js/,
      /^console: Failed to load resource: net::ERR_INTERNET_DISCONNECTED/,
    );

    // Back online, the same button opens search.
    await page.context().setOffline(false);
    await page.locator('button[data-search-open]').click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('search-input');
  });
});

describe('a citation whose preview cannot load (Chromium, nothing kept, offline)', () => {
  const chromium = useEngine('chromium');

  it('is the plain link it is: a tap held back for the preview is followed', async () => {
    const reader = await chromium.open('', {
      phone: true,
      width: 390,
      height: 800,
      serviceWorkers: 'block',
    });
    const page = reader.playwright;
    await reader.setOffline(true);
    await page.locator('a.citation[data-ref="5"]').first().tap();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#ref-5');
    expect(await page.evaluate(() => !!document.querySelector('#citation-preview'))).toBe(false);
    // The matrix's controls are drawn with the page; offline, the first press says why they do nothing.
    await page.locator('matrix-controls').scrollIntoViewIfNeeded();
    await expect
      .poll(() =>
        page.evaluate(() =>
          performance.getEntriesByType('resource').some((e) => e.name.includes('matrix-controls')),
        ),
      )
      .toBe(true);
    await page.locator('matrix-controls button').first().tap();
    await expect
      .poll(() => page.evaluate(readerStatus))
      .toBe('筛选与排序暂不可用：未能加载，请检查网络后重试');
    await reader.expectProblems(
      /request failed: .*citation-preview\..*\.js/,
      // Whatever else the page asks for offline (its icon, the matrix's controls as it comes
      // near) is refused the same way; an error of the page's own would still fail it.
      /^request failed: .* \(net::ERR_INTERNET_DISCONNECTED\)$/,
      /^console: Failed to load resource: net::ERR_INTERNET_DISCONNECTED/,
    );
  });
});

describe('search with its files blocked (Chromium)', () => {
  const chromium = useEngine('chromium');

  it(
    'with Pagefind’s script blocked, the dialog shows the whole matches and says partial matches are unavailable',
    { timeout: 90_000 },
    async () => {
      chromium.network.block(/^\/pagefind\/pagefind\.js$/);
      try {
        const reader = await chromium.open('', { serviceWorkers: 'block' });
        await openSearch(reader);
        const found = await search(reader, '推测解码');
        expect(found.results).toBeGreaterThan(0);
        expect(found.card).toBe('推测解码');
        expect(found.status).toMatch(/；部分匹配暂不可用（搜索引擎未能加载）$/);
        await picture(reader, 'pagefind-blocked');
        await expect
          .poll(() =>
            reader.evaluate(
              () => document.querySelector<HTMLElement>('.search-dialog .search-more')!.hidden,
            ),
          )
          .toBe(false);
        await reader.expectProblems(/^503 \/pagefind\/pagefind\.js$/, /^console: .* 503/);
      } finally {
        chromium.network.unblock();
      }
    },
  );

  it(
    'with every search file blocked, it says search is unavailable, and its retry works once the block is lifted',
    { timeout: 90_000 },
    async () => {
      chromium.network.block(/^\/pagefind\//);
      const reader = await chromium.open('', { serviceWorkers: 'block' });
      try {
        await openSearch(reader);
        await expect
          .poll(() => reader.evaluate(searchStatus))
          .toBe('搜索暂不可用：未能加载搜索文件，请检查网络后重试');
        await reader.type('推测解码');
        // The query's own search has run (the texts asked for again, and refused) before the
        // block is lifted: the dialog said so on opening, and says it again.
        const refused = () =>
          chromium.server.failedResponses.filter((r) => r.endsWith('/chapter-sections.json'));
        await expect.poll(() => refused().length).toBeGreaterThanOrEqual(2);
        await expect
          .poll(() => reader.evaluate(searchStatus))
          .toBe('搜索暂不可用：未能加载搜索文件，请检查网络后重试');
        await expect
          .poll(() =>
            reader.evaluate(
              () => document.querySelector<HTMLElement>('.search-dialog .search-more')!.hidden,
            ),
          )
          .toBe(false);
        await picture(reader, 'search-files-blocked');
        await reader.expectProblems(/^503 \/pagefind\//, /^console: .* 503/);
      } finally {
        chromium.network.unblock();
      }
      await reader.click('.search-dialog .search-more');
      await expect
        .poll(() => reader.evaluate(searchStatus), { timeout: 20_000 })
        .toMatch(/^找到 [1-9]\d* 个包含“推测解码”/);
      expect(await reader.evaluate(searchStatus)).not.toContain('不可用');
    },
  );
});

describe('a new build reaches an online reader, whole (Chromium)', () => {
  const sentence = [
    '模型压缩技术通过减少模型参数数量或降低计算精度来提升推理效率。',
    '模型压缩技术通过减少模型参数数量或降低计算精度来提升推理效率与能效。',
  ];
  const builds: string[] = [];
  beforeAll(() => {
    for (const text of sentence) {
      const copy = tempDir('chapter-content-');
      fs.cpSync(contentDir, copy, { recursive: true });
      const file = path.join(copy, '01-summary.mdx');
      fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(sentence[0], text));
      const built = buildContent(copy);
      if (built.status !== 0) throw new Error(built.output);
      builds.push(built.outDir);
    }
  }, 180_000);
  afterAll(removeBuilds);
  const chromium = useEngine('chromium', tempDir('chapter-first-served-'));

  it(
    'sees the new sentence by the second load, and no load mixes the two builds’ files',
    { timeout: 90_000 },
    async () => {
      chromium.network.deploy(builds[0]);
      const received: { path: string; body: Promise<Buffer | null> }[] = [];
      const reader = await chromium.open('', {
        beforeLoad: (page) =>
          void page.on('response', (r) =>
            received.push({
              path: new URL(r.url()).pathname,
              body: r.body().catch(() => null),
            }),
          ),
      });
      const page = reader.playwright;
      /** The build a load came from, told by its sentence, after checking every file it got is that build's. */
      const load = async () => {
        const html = await page.content();
        const at = html.includes(sentence[1]) ? 1 : html.includes(sentence[0]) ? 0 : -1;
        expect(at).not.toBe(-1);
        expect(await mixedIn(received.splice(0), builds[at])).toEqual([]);
        return at;
      };
      await reader.evaluate(untilKept);
      expect(await load()).toBe(0);

      chromium.network.deploy(builds[1]);
      await reader.reload();
      const second = await load();
      if (second === 0) {
        // Served whole from what was kept while the new build is fetched; once it has taken over,
        // this page says so, and a tool that would need a file of its own build asks for a reload.
        await expect.poll(() => reader.evaluate(readerStatus)).toBe('本章已更新，刷新以查看');
        await picture(reader, 'updated-notice');
        await page.locator('button[data-copy-section="14.1.2 核心技术体系"]').click();
        await expect
          .poll(() => reader.evaluate(readerStatus))
          .toBe('复制失败：本章已更新，请刷新后再复制');
        expect(await load()).toBe(0);
        await reader.reload();
        expect(await load()).toBe(1);
      }
      // The new build's Markdown and search texts go with its page.
      await page.locator('button[data-copy-section="14.1.2 核心技术体系"]').click();
      await expect
        .poll(() => page.evaluate(() => navigator.clipboard.readText()))
        .toContain(sentence[1]);
      await openSearch(reader);
      await search(reader, '推理效率与能效');
      expect(await load()).toBe(1);
    },
  );
});

/** Each file a page received that is not, byte for byte, the same file of `dir`'s build. */
async function mixedIn(received: { path: string; body: Promise<Buffer | null> }[], dir: string) {
  const mixed: string[] = [];
  for (const r of received) {
    if (r.path.startsWith('/__')) continue; // the harness's own recorder and reports
    const body = await r.body;
    if (body === null) continue; // a redirect or an aborted load has no body to compare
    const file = path.join(dir, r.path.endsWith('/') ? r.path + 'index.html' : r.path);
    if (!fs.existsSync(file)) {
      mixed.push(`${r.path}: not in this build`);
      continue;
    }
    const served = body
      .toString('latin1')
      .replace(/<script src="\/__page-problems\.js"><\/script>/, '');
    if (served !== fs.readFileSync(file).toString('latin1'))
      mixed.push(`${r.path}: another build's`);
  }
  return mixed;
}

describe('under a sub-path (Chromium)', () => {
  const chromium = useEngine('chromium', subDistDir, subBase);

  it('the worker’s scope is the base, and the page reloads and searches offline', async () => {
    const reader = await chromium.open('');
    await reader.evaluate(untilKept);
    expect(
      await reader.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.scope),
    ).toBe(chromium.server.url);
    await reader.playwright.context().setOffline(true);
    await reader.reload();
    await openSearch(reader);
    expect((await search(reader, '量化')).status).not.toContain('不可用');
  });
});

describe('turned off for a deploy (Chromium)', () => {
  let off = '';
  beforeAll(() => {
    const built = buildContent(contentDir, undefined, { SERVICE_WORKER: 'off' });
    if (built.status !== 0) throw new Error(built.output);
    off = built.outDir;
  }, 120_000);
  afterAll(removeBuilds);
  const chromium = useEngine('chromium');

  it('a reader who kept the site lets it go: the next build’s worker removes itself and what it kept', async () => {
    const reader = await chromium.open('');
    await reader.evaluate(untilKept);
    chromium.network.deploy(off);
    await reader.reload();
    const gone = () =>
      reader.evaluate(async () => [
        (await navigator.serviceWorker.getRegistration()) === undefined,
        (await caches.keys()).length,
      ]);
    await expect.poll(gone).toEqual([true, 0]);
    // From the next load on, the page comes from the network, and registers nothing.
    await reader.reload();
    expect(await reader.evaluate(() => navigator.serviceWorker.controller)).toBe(null);
    await reader.playwright.waitForTimeout(1000);
    expect(await gone()).toEqual([true, 0]);
  });
});
