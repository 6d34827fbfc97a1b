import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useEngine } from '../support/engines.ts';

const chromium = useEngine('chromium');
const open = async () => (await chromium.open('')).playwright;

interface Listed {
  id: string;
  /** What the result says it holds instead of the query: 含“推测解码”. */
  via: string | null;
  marks: string[];
}

/** Opens search with Ctrl+K and waits until the dialog's field has focus. */
async function openSearch(page: Page) {
  await page.keyboard.press('Control+k');
  await expect
    .poll(() => page.evaluate(() => document.activeElement?.id), { timeout: 20_000 })
    .toBe('search-input');
}

/** Types a query into the open dialog and reads what the reader is shown once it has answered. */
async function searchFor(page: Page, query: string) {
  await page.locator('#search-input').fill(query);
  await expect
    .poll(() => page.locator('.search-dialog [role="status"]').textContent())
    .toContain(`“${query}”`);
  return page.evaluate(() => {
    const read = (list: Element | null): Listed[] =>
      [...(list?.querySelectorAll('a') ?? [])].map((a) => ({
        id: decodeURIComponent(new URL(a.href).hash.slice(1)),
        via: a.querySelector('.search-via')?.textContent ?? null,
        marks: [...a.querySelectorAll('mark')].map((m) => m.textContent!),
      }));
    const card = document.querySelector<HTMLElement>('.search-term');
    const termList = document.querySelector('.search-results-term');
    return {
      status: document.querySelector('.search-dialog [role="status"]')!.textContent!,
      whole: read(
        document.querySelector(
          '.search-results:not(.search-results-term, .search-results-partial)',
        ),
      ),
      byTerm: termList?.closest('[hidden]') ? [] : read(termList),
      termListName: termList
        ? document.getElementById(termList.getAttribute('aria-labelledby')!)?.textContent
        : undefined,
      card: card && !card.hidden ? card.querySelector('.search-term-name')!.textContent : null,
    };
  });
}

describe('search for a term’s longer forms, in Chromium', () => {
  it('finds 推测解码’s sections for 推测解码技术, the same ones the name finds, each saying what it holds, under the term card', async () => {
    const page = await open();
    await openSearch(page);
    const name = await searchFor(page, '推测解码');
    const longer = await searchFor(page, '推测解码技术');
    // No section writes 推测解码技术; every section the name finds follows, marked with what it holds.
    expect(longer.whole).toEqual([]);
    expect(longer.byTerm.map((r) => r.id)).toEqual(name.whole.map((r) => r.id));
    expect(longer.byTerm.length).toBeGreaterThan(1);
    for (const r of longer.byTerm) {
      expect(r.via).toMatch(/^含“(推测解码|Speculative Decoding|投机解码|Speculative Sampling)”/);
      expect(r.marks.length).toBeGreaterThan(0);
    }
    // The generic word alone (技术) is in many sections: those stay partial matches behind a control.
    expect(longer.status).toMatch(
      new RegExp(
        `^没有找到包含“推测解码技术”的小节，另有 ${longer.byTerm.length} 个小节含术语“推测解码”、\\d+ 个部分匹配$`,
      ),
    );
    expect(longer.termListName).toBe('含术语“推测解码”的小节');
    expect(longer.card).toBe('推测解码');
    await page.context().close();
  });

  it('puts the sections holding the whole query first: 混合专家模型, then MoE’s other sections; "MoE model" finds them all', async () => {
    const page = await open();
    await openSearch(page);
    const name = await searchFor(page, 'MoE');
    const longer = await searchFor(page, '混合专家模型');
    // 14.1 writes 混合专家模型 itself.
    expect(longer.whole.length).toBeGreaterThan(0);
    expect(longer.whole.every((r) => r.via === null && r.marks.includes('混合专家模型'))).toBe(
      true,
    );
    expect(longer.byTerm.every((r) => /^含“(MoE|混合专家|Mixture of Experts)”/.test(r.via!))).toBe(
      true,
    );
    const listed = [...longer.whole, ...longer.byTerm].map((r) => r.id);
    expect(new Set(listed).size).toBe(listed.length);
    expect(new Set(listed)).toEqual(new Set(name.whole.map((r) => r.id)));
    expect(longer.termListName).toBe('含术语“混合专家”的其他小节');
    expect(longer.card).toBe('MoE');

    const english = await searchFor(page, 'MoE model');
    expect(english.whole).toEqual([]);
    expect(english.byTerm.map((r) => r.id)).toEqual(name.whole.map((r) => r.id));
    expect(english.card).toBe('MoE');
    await page.context().close();
  });

  it('reaches the term’s sections by keyboard and lands on one with its name marked', async () => {
    const page = await open();
    await openSearch(page);
    const { byTerm } = await searchFor(page, '推测解码技术');
    await page.keyboard.press('ArrowDown');
    const focused = await page.evaluate(() => ({
      inTermList: document.activeElement?.closest('.search-results-term') !== null,
      href: (document.activeElement as HTMLAnchorElement).href,
    }));
    expect(focused.inTermList).toBe(true);
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.evaluate(() => decodeURIComponent(location.hash)))
      .toBe(`#${byTerm[0].id}`);
    const marked = await page.evaluate(() => {
      const h = CSS.highlights.get('search-result') as unknown as Set<Range> | undefined;
      return h ? [...h].map((r) => r.toString()) : [];
    });
    expect(marked).toContain('推测解码');
    await page.context().close();
  });

  it('leaves a query that names no term as it was: no card, no list of a term’s sections', async () => {
    const page = await open();
    await openSearch(page);
    const plain = await searchFor(page, '解码技术');
    expect(plain.card).toBeNull();
    expect(plain.byTerm).toEqual([]);
    expect(plain.status).not.toContain('含术语');
    await page.context().close();
  });
});
