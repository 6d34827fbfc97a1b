import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, untilPainted } from '../support/browser.ts';
import { distDir, subBase, subDistDir } from '../support/paths.ts';
import { type StaticServer, serveDist } from '../support/server.ts';

let server: StaticServer;
let subServer: StaticServer;
let browser: Browser;

beforeAll(async () => {
  [server, subServer, browser] = await Promise.all([serveDist(distDir), serveDist(subDistDir, subBase), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await subServer?.close();
});

interface Watched {
  page: Page;
  requests: string[];
  problems: string[];
}

async function openPage(url: string, width = 1280): Promise<Watched> {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  const requests: string[] = [];
  const problems: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => (m.type() === 'error' || /Content Security Policy/i.test(m.text())) && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('dialog', (d) => {
    problems.push(`unexpected dialog: ${d.message()}`);
    void d.dismiss();
  });
  // The keys the page received, so a shortcut that did nothing can say whether it arrived.
  await page.addInitScript(() => {
    const keys: string[] = [];
    Object.assign(window, { keysSeen: keys });
    addEventListener('keydown', (e) => keys.push(`${e.ctrlKey ? 'Control+' : ''}${e.key}@${Math.round(performance.now())}`), true);
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  await untilPainted(page);
  return { page, requests, problems };
}

const searchAssets = (requests: string[]) => requests.filter((u) => /pagefind|dialog\./.test(u));
const status = (page: Page) => page.locator('.search-dialog [role="status"]');
/**
 * Ctrl+K, after which focus must reach the search field. Opening loads the dialog's module on
 * demand, which on a busy machine can take a while; if it never opens, the failure says whether
 * the key arrived and what the page had loaded.
 */
async function pressCtrlK(page: Page) {
  await page.keyboard.press('Control+k');
  try {
    await expect.poll(() => activeId(page), { timeout: 20_000 }).toBe('search-input');
  } catch (error) {
    const seen = await page.evaluate(() => ({
      now: Math.round(performance.now()),
      keys: (window as unknown as { keysSeen: string[] }).keysSeen,
      dialog: document.querySelector<HTMLDialogElement>('.search-dialog')?.open ?? 'absent',
      active: document.activeElement?.tagName,
      loaded: (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((r) => `${r.name.split('/').pop()}@${Math.round(r.responseEnd)}`),
    }));
    throw new Error(`Ctrl+K did not reach the search field; the page saw ${JSON.stringify(seen)}`, { cause: error });
  }
}
const activeId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? document.activeElement?.tagName);

describe('search, by keyboard only', () => {
  it('loads nothing for search until opened, then finds 推测解码 and lands on the section with the term marked', async () => {
    const { page, requests, problems } = await openPage(server.url);
    expect(searchAssets(requests)).toEqual([]);

    await pressCtrlK(page);
    await page.keyboard.type('推测解码');
    await expect.poll(() => status(page).textContent()).toMatch(/^找到 [1-9]\d* 个包含“推测解码”的小节/);
    expect(await status(page).getAttribute('aria-live')).toBe('polite');
    expect(searchAssets(requests).some((u) => u.includes('/pagefind/'))).toBe(true);

    const first = page.locator('.search-results a').first();
    const target = (await first.getAttribute('href'))!.slice(1);
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.closest('.search-results') !== null)).toBe(true);
    await page.keyboard.press('Enter');

    expect(await page.locator('.search-dialog').evaluate((d) => (d as HTMLDialogElement).open)).toBe(false);
    expect(await page.evaluate(() => decodeURIComponent(location.hash))).toBe(`#${target}`);
    const top = await page.evaluate((id) => document.getElementById(id)!.getBoundingClientRect().top, target);
    expect(top).toBeGreaterThan(40);
    expect(top).toBeLessThan(200);
    const marked = await page.evaluate(() => {
      const h = CSS.highlights.get('search-result') as unknown as Set<Range> | undefined;
      return h ? [...h].map((r) => r.toString()) : [];
    });
    expect(marked.length).toBeGreaterThan(0);
    expect(new Set(marked)).toEqual(new Set(['推测解码']));
    expect(problems).toEqual([]);
    expect(requests.filter((u) => !u.startsWith(server.origin))).toEqual([]);
    await page.context().close();
  });

  it('closes on Esc and gives focus back to the search button; moves back up with the arrow keys', async () => {
    const { page } = await openPage(server.url);
    await page.locator('button[data-search-open]').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => activeId(page)).toBe('search-input');
    await page.keyboard.type('TensorRT');
    await expect.poll(() => status(page).textContent()).toMatch(/包含“TensorRT”/);
    expect(await page.locator('.search-results a').count()).toBeGreaterThan(1);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => [...document.querySelectorAll('.search-results a')].indexOf(document.activeElement!))).toBe(1);
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    expect(await activeId(page)).toBe('search-input');
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-search-open'))).toBe(true);
    await page.context().close();
  });

  it('shows every whole-query section, and puts partial matches behind a control', async () => {
    const { page } = await openPage(server.url);
    await pressCtrlK(page);
    await page.keyboard.type('量化');
    await expect.poll(() => status(page).textContent()).toMatch(/找到 \d+ 个包含“量化”/);
    const count = Number(/找到 (\d+) 个/.exec((await status(page).textContent())!)![1]);
    expect(count).toBeGreaterThan(3);
    expect(await page.locator('.search-results:not(.search-results-partial) a').count()).toBe(count);
    await page.context().close();
  });

  it('shows a query with markup as text and runs nothing', async () => {
    const { page, problems } = await openPage(server.url);
    await page.keyboard.press('Control+k');
    await page.keyboard.type('<img src=x onerror=alert(1)>');
    await expect.poll(() => status(page).textContent()).toContain('<img src=x onerror=alert(1)>');
    expect(await page.locator('.search-dialog img').count()).toBe(0);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('says when nothing matches and offers to search the words one by one', async () => {
    const { page } = await openPage(server.url);
    await pressCtrlK(page);
    await page.keyboard.type('Kubernetes 联邦推理');
    await expect.poll(() => status(page).textContent()).toMatch(/^没有找到包含“Kubernetes 联邦推理”的小节/);
    const retry = page.locator('.search-empty button');
    expect(await retry.textContent()).toBe('改为分别搜索：Kubernetes、联邦推理');
    await retry.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => status(page).textContent()).toMatch(/^分别搜索各词：找到 [1-9]/);
    await page.context().close();
  });
});

describe('search under a sub-path', () => {
  it('loads its bundle from the base and lands on the section', async () => {
    const { page, requests, problems } = await openPage(subServer.url);
    await pressCtrlK(page);
    await page.keyboard.type('PagedAttention');
    // Wait for the whole word: a slow machine may first show results for a prefix.
    // 14.2.2, the reference list and the term index's P group.
    await expect.poll(() => status(page).textContent()).toMatch(/^找到 3 个包含“PagedAttention”/);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => decodeURIComponent(location.pathname + location.hash))).toBe(`${subBase}#1422-软件技术栈生态`);
    const pagefindRequests = requests.filter((u) => u.includes('pagefind'));
    expect(pagefindRequests.length).toBeGreaterThan(2);
    for (const u of pagefindRequests) expect(new URL(u).pathname.startsWith(`${subBase}pagefind/`)).toBe(true);
    expect(problems).toEqual([]);
    await page.context().close();
  });
});

describe('without JavaScript', () => {
  it('shows no search button that could not work', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(server.url);
    expect(await page.locator('button[data-search-open]').isVisible()).toBe(false);
    await context.close();
  });
});
