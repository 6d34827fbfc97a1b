import { parseHTML } from 'linkedom';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { untilPainted } from '../support/browser.ts';
import { useEngine } from '../support/engines.ts';
import { subBase, subDistDir } from '../support/paths.ts';

const chromium = useEngine('chromium');

interface Watched {
  page: Page;
  /** Every URL the page requested, from the first. */
  requests: string[];
}

async function openPage(harness = chromium, width = 1280): Promise<Watched> {
  const requests: string[] = [];
  const { playwright: page } = await harness.open('', {
    width,
    async beforeLoad(page) {
      page.on('request', (r) => requests.push(r.url()));
      // The keys the page received, so a shortcut that did nothing can say whether it arrived.
      await page.addInitScript(() => {
        const keys: string[] = [];
        Object.assign(window, { keysSeen: keys });
        addEventListener(
          'keydown',
          (e) =>
            keys.push(`${e.ctrlKey ? 'Control+' : ''}${e.key}@${Math.round(performance.now())}`),
          true,
        );
      });
    },
  });
  // Shortcuts are read by a script the page loads after its first paint.
  await page.waitForLoadState('networkidle');
  return { page, requests };
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
      loaded: (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map(
        (r) => `${r.name.split('/').pop()}@${Math.round(r.responseEnd)}`,
      ),
    }));
    throw new Error(`Ctrl+K did not reach the search field; the page saw ${JSON.stringify(seen)}`, {
      cause: error,
    });
  }
}
const activeId = (page: Page) =>
  page.evaluate(() => document.activeElement?.id ?? document.activeElement?.tagName);

describe('search, by keyboard only', () => {
  it('loads nothing for search until opened, then finds 推测解码 and lands on the section with the term marked', async () => {
    const { page, requests } = await openPage();
    expect(searchAssets(requests)).toEqual([]);

    await pressCtrlK(page);
    await page.keyboard.type('推测解码');
    // 推测解码 is in 14.1.2 and 14.1.3; the reference list has it as "Speculative Decoding".
    await expect
      .poll(() => status(page).textContent())
      .toMatch(/^找到 3 个包含“推测解码”或同一术语其他名称的小节/);
    expect(await status(page).getAttribute('aria-live')).toBe('polite');
    expect(searchAssets(requests).some((u) => u.includes('/pagefind/'))).toBe(true);
    // The glossary comes with the index, on first open only.
    expect(searchAssets(requests).some((u) => u.endsWith('/pagefind/chapter-glossary.json'))).toBe(
      true,
    );

    const first = page.locator('.search-results a').first();
    const target = (await first.getAttribute('href'))!.slice(1);
    await page.keyboard.press('ArrowDown');
    expect(
      await page.evaluate(() => document.activeElement?.closest('.search-results') !== null),
    ).toBe(true);
    await page.keyboard.press('Enter');

    expect(
      await page.locator('.search-dialog').evaluate((d) => (d as HTMLDialogElement).open),
    ).toBe(false);
    expect(await page.evaluate(() => decodeURIComponent(location.hash))).toBe(`#${target}`);
    const top = await page.evaluate(
      (id) => document.getElementById(id)!.getBoundingClientRect().top,
      target,
    );
    expect(top).toBeGreaterThan(40);
    expect(top).toBeLessThan(200);
    const marked = await page.evaluate(() => {
      const h = CSS.highlights.get('search-result') as unknown as Set<Range> | undefined;
      return h ? [...h].map((r) => r.toString()) : [];
    });
    expect(marked.length).toBeGreaterThan(0);
    expect(new Set(marked)).toEqual(new Set(['推测解码']));
    expect(requests.filter((u) => !u.startsWith(chromium.server.origin))).toEqual([]);
  });

  it('closes on Esc and gives focus back to the search button; moves back up with the arrow keys', async () => {
    const { page } = await openPage();
    await page.locator('button[data-search-open]').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => activeId(page)).toBe('search-input');
    await page.keyboard.type('TensorRT');
    await expect.poll(() => status(page).textContent()).toMatch(/包含“TensorRT”/);
    expect(await page.locator('.search-results a').count()).toBeGreaterThan(1);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(
      await page.evaluate(() =>
        [...document.querySelectorAll('.search-results a')].indexOf(document.activeElement!),
      ),
    ).toBe(1);
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    expect(await activeId(page)).toBe('search-input');
    await page.keyboard.press('Escape');
    expect(
      await page.evaluate(() => document.activeElement?.hasAttribute('data-search-open')),
    ).toBe(true);
  });

  it('shows every whole-query section, and puts partial matches behind a control', async () => {
    const { page } = await openPage();
    await pressCtrlK(page);
    await page.keyboard.type('量化');
    await expect.poll(() => status(page).textContent()).toMatch(/找到 \d+ 个包含“量化”/);
    const count = Number(/找到 (\d+) 个/.exec((await status(page).textContent())!)![1]);
    expect(count).toBeGreaterThan(3);
    expect(await page.locator('.search-results:not(.search-results-partial) a').count()).toBe(
      count,
    );
  });

  it('shows a query with markup as text and runs nothing', async () => {
    const { page } = await openPage();
    await page.keyboard.press('Control+k');
    await page.keyboard.type('<img src=x onerror=alert(1)>');
    await expect.poll(() => status(page).textContent()).toContain('<img src=x onerror=alert(1)>');
    expect(await page.locator('.search-dialog img').count()).toBe(0);
  });

  it('says when nothing matches and offers to search the words one by one', async () => {
    const { page } = await openPage();
    await pressCtrlK(page);
    await page.keyboard.type('Kubernetes 联邦推理');
    await expect
      .poll(() => status(page).textContent())
      .toMatch(/^没有找到包含“Kubernetes 联邦推理”的小节/);
    const retry = page.locator('.search-empty button');
    expect(await retry.textContent()).toBe('改为分别搜索：Kubernetes、联邦推理');
    await retry.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => status(page).textContent()).toMatch(/^分别搜索各词：找到 [1-9]/);
  });
});

interface ResultSeen {
  id: string;
  title: string;
  /** The "含“…”" note of a section found through another name of the term. */
  note: string | null;
  marks: string[];
}
interface CardSeen {
  name: string;
  names: string;
  pinyin: string | null;
  places: string[];
  entry: string;
  /** Card links whose target is not on the page. */
  unresolved: string[];
}

/** Types a query as a reader would (replacing what is there) and reads what the dialog shows. */
async function searchFor(
  page: Page,
  query: string,
): Promise<{ status: string; results: ResultSeen[]; card: CardSeen | null }> {
  await page.locator('#search-input').focus();
  await page.keyboard.press('Control+a');
  await page.keyboard.type(query);
  await expect.poll(() => status(page).textContent()).toContain(`“${query}”`);
  return page.evaluate(() => {
    const results = [
      ...document.querySelectorAll<HTMLAnchorElement>(
        '.search-results:not(.search-results-partial) a',
      ),
    ].map((a) => ({
      id: decodeURIComponent(a.hash.slice(1)),
      title: a.querySelector('.search-result-title')!.textContent!,
      note: a.querySelector('.search-via')?.textContent ?? null,
      marks: [...a.querySelectorAll('mark')].map((m) => m.textContent!),
    }));
    const card = document.querySelector<HTMLElement>('.search-term');
    const links = card && !card.hidden ? [...card.querySelectorAll<HTMLAnchorElement>('a')] : [];
    return {
      status: document.querySelector('.search-dialog [role="status"]')!.textContent!,
      results,
      card:
        card && !card.hidden
          ? {
              name: card.querySelector('h3')!.textContent!,
              names: card.querySelector('.search-term-names')?.textContent ?? '',
              pinyin: card.querySelector('.search-term-pinyin')?.textContent ?? null,
              places: [...card.querySelectorAll<HTMLAnchorElement>('.search-term-places a')].map(
                (a) => a.getAttribute('href')!,
              ),
              entry: card
                .querySelector<HTMLAnchorElement>('.search-term-entry')!
                .getAttribute('href')!,
              // Places on this page are found here; the entry is on the term index's own page.
              unresolved: links
                .map((a) => a.getAttribute('href')!)
                .filter(
                  (h) =>
                    h.startsWith('#') && !document.getElementById(decodeURIComponent(h.slice(1))),
                ),
            }
          : null,
    };
  });
}

/** An entry of the term index, read from the index's own page: `entry` is the card's link to it. */
async function indexEntry(page: Page, entry: string) {
  const [pathname, id] = entry.split('#');
  const html = await page.evaluate((p) => fetch(p).then((r) => r.text()), pathname);
  const element = parseHTML(html).document.getElementById(decodeURIComponent(id));
  return {
    name: element?.querySelector('.term-name')?.textContent,
    // The index links places on the chapter's page (`/#…`); the card, shown on that page, links them as `#…`.
    places: [...(element?.querySelectorAll('.term-places a') ?? [])].map((a) =>
      a.getAttribute('href')!.replace(/^\/(?=#)/, ''),
    ),
  };
}

describe('search through the glossary, in English names and their variants', () => {
  it('finds 推测解码 for "speculative decoding", says which name each section holds, and shows the term card', async () => {
    const { page } = await openPage();
    await pressCtrlK(page);
    const { status: text, results, card } = await searchFor(page, 'speculative decoding');
    // 14.1.2 and 14.1.3 write it 推测解码; the reference list has the English title of [5].
    expect(text).toMatch(/^找到 3 个包含“speculative decoding”或同一术语其他名称的小节/);
    expect(results.map((r) => [r.id, r.note])).toEqual(
      expect.arrayContaining([
        ['1412-核心技术体系', '含“推测解码”'],
        ['1413-关键技术突破与趋势', '含“推测解码”'],
        ['参考文献', null],
      ]),
    );
    expect(results.find((r) => r.id === '1412-核心技术体系')!.marks).toContain('推测解码');
    expect(results.find((r) => r.id === '参考文献')!.marks).toContain('Speculative Decoding');

    expect(card).not.toBeNull();
    expect(card!.name).toBe('推测解码');
    expect(card!.names).toContain('Speculative Decoding');
    expect(card!.pinyin).toBe('tui ce jie ma');
    // Its links are the term index's, and every one lands on something on the page.
    expect(card!.unresolved).toEqual([]);
    expect(decodeURIComponent(new URL(card!.entry).pathname + new URL(card!.entry).hash)).toBe(
      '/terms/#term-推测解码',
    );
    const entry = await indexEntry(page, card!.entry);
    expect(card!.places).toEqual(entry.places);
    expect(entry.name).toBe('推测解码');
  });

  it('matches KV Cache and kv-cache to KV-Cache, marks it as written and lands on it', async () => {
    const { page } = await openPage();
    await pressCtrlK(page);
    for (const query of ['KV Cache', 'kv-cache']) {
      const { status: text, results, card } = await searchFor(page, query);
      // The chapter writes it once, KV-Cache, in 14.4.2.
      expect(text).toMatch(new RegExp(`^找到 1 个包含“${query}”的小节`));
      expect(results).toEqual([
        { id: '1442-发展建议', title: '14.4.2 发展建议', note: null, marks: ['KV-Cache'] },
      ]);
      expect(card!.name).toBe('KV-Cache');
      expect(card!.names).toContain('键值缓存');
      expect(card!.places).toEqual(['#1442-发展建议']);
    }
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => decodeURIComponent(location.hash))).toBe('#1442-发展建议');
    const marked = await page.evaluate(() =>
      [...((CSS.highlights.get('search-result') as unknown as Set<Range>) ?? [])].map((r) =>
        r.toString(),
      ),
    );
    expect(new Set(marked)).toEqual(new Set(['KV-Cache']));
  });

  it('finds MoE and 混合专家 for "mixture of experts", and 思维链 and CoT for "Chain of Thought"', async () => {
    const { page } = await openPage();
    await pressCtrlK(page);
    const moe = await searchFor(page, 'mixture of experts');
    expect(moe.card!.name).toBe('MoE');
    const moeNotes = new Map(moe.results.map((r) => [r.id, r.note]));
    // 14.3.2 writes "Mixture of Experts"; 14.1.3 has 混合专家模型; 14.3.1 has Transformer/MoE.
    expect(moeNotes.get('1432-技术发展里程碑')).toBeNull();
    expect(moeNotes.get('1413-关键技术突破与趋势')).toBe('含“混合专家”');
    expect(moeNotes.get('1431-重点技术演进')).toBe('含“MoE”');

    // The chapter never writes "Chain-of-Thought": every section it finds holds another name.
    const cot = await searchFor(page, 'Chain of Thought');
    expect(cot.card!.name).toBe('思维链');
    const cotIds = cot.results.map((r) => r.id);
    expect(cotIds).toEqual(
      expect.arrayContaining(['1411-推理优化技术演进', '1431-重点技术演进', '1432-技术发展里程碑']),
    );
    for (const r of cot.results) expect(r.note, r.id).toMatch(/^含(“(思维链|CoT)”)+$/);
  });

  it('finds 存算一体 for "computing in memory" and lands on it with the term marked; "1.58 bit" finds 1.58-bit', async () => {
    const { page } = await openPage();
    await pressCtrlK(page);
    const cim = await searchFor(page, 'computing in memory');
    expect(cim.card!.name).toBe('存算一体');
    expect(cim.results.map((r) => [r.id, r.note])).toEqual([['1431-重点技术演进', '含“存算一体”']]);

    const bits = await searchFor(page, '1.58 bit');
    expect(bits.card!.name).toBe('1.58-bit');
    // 14.1.2, 14.3.1 and 14.3.2 write 1.58-bit; found as typed, so no note. (After them comes
    // the entry of 量化, whose figure rows include "1.58-bit 量化".)
    const chapterResults = bits.results.filter((r) => !r.id.startsWith('term-'));
    expect(chapterResults.map((r) => r.id).sort()).toEqual(
      ['1412-核心技术体系', '1431-重点技术演进', '1432-技术发展里程碑'].sort(),
    );
    expect(bits.results.slice(0, 3)).toEqual(chapterResults);
    for (const r of bits.results) {
      expect(r.note).toBeNull();
      expect(r.marks).toContain('1.58-bit');
    }

    await searchFor(page, 'computing in memory');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => decodeURIComponent(location.hash))).toBe('#1431-重点技术演进');
    const marked = await page.evaluate(() =>
      [...((CSS.highlights.get('search-result') as unknown as Set<Range>) ?? [])].map((r) =>
        r.toString(),
      ),
    );
    expect(marked).toContain('存算一体');
  });

  it('the term card’s links go where they say: its entry in the term index, and a figure row', async () => {
    const { page } = await openPage();
    await pressCtrlK(page);
    const { card } = await searchFor(page, 'Mixture-of-Experts');
    // The entry is on the term index's own page: the link loads it.
    await page.locator('.search-term-entry').click();
    await expect.poll(() => page.evaluate(() => location.href)).toBe(card!.entry);
    await untilPainted(page);
    expect(
      await page.evaluate(
        () => document.querySelector(':target')?.querySelector('.term-name')?.textContent,
      ),
    ).toBe('MoE');
    const top = await page.evaluate(
      () => document.querySelector(':target')!.getBoundingClientRect().top,
    );
    expect(top).toBeGreaterThan(40);
    expect(top).toBeLessThan(200);

    // Back on the chapter's page, a figure row the card lists lands there, with the term marked.
    await page.goto(chromium.server.url);
    await untilPainted(page);
    await pressCtrlK(page);
    await searchFor(page, 'Mixture-of-Experts');
    const row = page.locator('.search-term-places a', { hasText: '2024 Q1' });
    const href = (await row.getAttribute('href'))!;
    await row.click();
    expect(await page.evaluate(() => decodeURIComponent(location.hash))).toBe(
      decodeURIComponent(href),
    );
    expect(await page.evaluate(() => document.querySelector(':target')?.tagName)).toBe('TR');
    const marked = await page.evaluate(() =>
      [...((CSS.highlights.get('search-result') as unknown as Set<Range>) ?? [])].map((r) =>
        r.toString(),
      ),
    );
    expect(marked).toContain('Mixture of Experts');
  });

  it('never offers a letter group of the term index; an entry it finds is titled by its term and comes last', async () => {
    const { page } = await openPage();
    await pressCtrlK(page);
    // "Runtime" names no term, so no card; ONNX Runtime's entry holds it.
    const { results, card } = await searchFor(page, 'Runtime');
    expect(card).toBeNull();
    expect(results.some((r) => /^(拼音|拉丁字母) /.test(r.title))).toBe(false);
    const entry = results.findIndex((r) => r.id === 'term-onnx-runtime');
    expect(results[entry]?.title).toBe('术语索引：ONNX Runtime');
    expect(results.slice(entry).every((r) => r.id.startsWith('term-'))).toBe(true);
    for (const q of ['推测解码', 'TensorRT', 'tui ce']) {
      const seen = await searchFor(page, q);
      expect(
        seen.results.some((r) => /^(拼音|拉丁字母) /.test(r.title)),
        q,
      ).toBe(false);
    }
  });
});

describe('search under a sub-path', () => {
  const sub = useEngine('chromium', subDistDir, subBase);

  it('loads its bundle from the base and lands on the section', async () => {
    const { page, requests } = await openPage(sub);
    await pressCtrlK(page);
    await page.keyboard.type('PagedAttention');
    // Wait for the whole word: a slow machine may first show results for a prefix.
    // 14.2.2 and the reference list; the term's entry in the index is the card above them.
    await expect.poll(() => status(page).textContent()).toMatch(/^找到 2 个包含“PagedAttention”/);
    expect(new URL((await page.locator('.search-term-entry').getAttribute('href'))!).pathname).toBe(
      `${subBase}terms/`,
    );
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => decodeURIComponent(location.pathname + location.hash))).toBe(
      `${subBase}#1422-软件技术栈生态`,
    );
    const pagefindRequests = requests.filter((u) => u.includes('pagefind'));
    expect(pagefindRequests.length).toBeGreaterThan(2);
    for (const u of pagefindRequests)
      expect(new URL(u).pathname.startsWith(`${subBase}pagefind/`)).toBe(true);
  });
});

describe('without JavaScript', () => {
  it('shows no search button that could not work', async () => {
    const { playwright: page } = await chromium.open('', { javaScriptEnabled: false });
    expect(await page.locator('button[data-search-open]').isVisible()).toBe(false);
  });
});
