import { describe, expect, it } from 'vitest';
import { engineNames, type ReaderPage, useEngine } from '../support/engines.ts';

/**
 * The page holds still: the text a reader is looking at moves only when the reader moves it. Each
 * journey follows the text under the middle of the window (not only `scrollY`, which an engine's
 * scroll anchoring changes to make up for a shift): paging moves it by one page on every press,
 * and a link's target stays where it landed while the page finishes loading.
 */
const sizes = [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
];
const frag = (id: string) => '#' + encodeURIComponent(id);
/** Deep in 14.4, in the middle of the page, and a row of a figure. */
const DEEP = '1443-未来展望';
const MIDDLE = '1422-软件技术栈生态';
const ROW = '2024-q3';
/** A sentence of 14.4.3, for a text fragment and for find. */
const SENTENCE = '届时，端云协同与个性化推理将成为主流';

/** How far below the sticky header the element with this id starts. Ids start with digits: no querySelector. */
const belowHeader = (id: string) =>
  document.getElementById(id)!.getBoundingClientRect().top -
  document.querySelector('.site-header')!.getBoundingClientRect().bottom;

/**
 * Marks the text under the middle of the window, in the chapter's column (the innermost element
 * there, never a whole section), and says where it is drawn and where the page is scrolled to.
 */
const markMiddleText = () => {
  const column = document.querySelector('article')!.getBoundingClientRect();
  const x = column.left + Math.min(40, column.width / 4);
  document.querySelector('[data-marked]')?.removeAttribute('data-marked');
  for (let dy = 0; dy < innerHeight / 2 - 8; dy += 8) {
    for (const y of [innerHeight / 2 + dy, innerHeight / 2 - dy]) {
      const el = document.elementFromPoint(x, y);
      if (el && el.closest('article') && !el.matches('article, section, hr')) {
        el.setAttribute('data-marked', '');
        return { scrollY, top: el.getBoundingClientRect().top };
      }
    }
  }
  throw new Error(`no text under the middle of the window at scrollY ${scrollY}`);
};

/**
 * Waits until the page has come to rest after a key (keys scroll smoothly in some engines): the
 * scroll position and the marked text both still for 200 ms, after the page has moved more than
 * half a screen from `from` or reached an end. Then says where the marked text is.
 */
const markedTextAtRest = async (from: number) => {
  const marked = () => document.querySelector('[data-marked]')!.getBoundingClientRect().top;
  const max = () => document.documentElement.scrollHeight - innerHeight;
  const frame = () => new Promise((done) => requestAnimationFrame(done));
  const deadline = performance.now() + 6000;
  let last = '';
  let since = performance.now();
  while (performance.now() < deadline) {
    await frame();
    const now = `${scrollY}/${marked()}`;
    const moved =
      Math.abs(scrollY - from) > innerHeight / 2 || scrollY <= 0 || scrollY >= max() - 1;
    if (!moved || now !== last) since = performance.now();
    else if (performance.now() - since >= 200) break;
    last = now;
  }
  return { scrollY, top: marked(), bottom: max() - scrollY };
};

/** The page's own rest: nothing in it moves for 300 ms (a load, a link or a jump has finished). */
const pageAtRest = async () => {
  const deadline = performance.now() + 6000;
  let last = '';
  for (let still = 0; still < 4 && performance.now() < deadline;) {
    const now = `${scrollY}/${document.documentElement.scrollHeight}`;
    still = now === last ? still + 1 : 0;
    last = now;
    await new Promise((done) => setTimeout(done, 100));
  }
  return scrollY;
};

/**
 * Presses a key `presses` times (or until the page reaches the top, for PageUp), and says how far
 * each press moved the text under the middle of the window.
 */
async function page(reader: ReaderPage, key: 'PageUp' | 'PageDown', presses = 80) {
  const moves: number[] = [];
  let reachedTop = false;
  for (let i = 0; i < presses; i++) {
    const before = await reader.evaluate(markMiddleText);
    if (key === 'PageUp' && before.scrollY <= 0) break;
    await reader.press(key);
    const after = await reader.evaluate(markedTextAtRest, before.scrollY);
    moves.push(Math.round(after.top - before.top));
    reachedTop = after.scrollY <= 0;
  }
  return { moves, reachedTop };
}

/**
 * Every press moved the text by one page, the same each time within 2 px; a last press that
 * reached the top may move less.
 */
function expectEvenPages({ moves, reachedTop }: { moves: number[]; reachedTop: boolean }) {
  const full = reachedTop ? moves.slice(0, -1) : moves;
  const said = `how far each press moved the text: ${moves.join(', ')}`;
  expect(full.length, said).toBeGreaterThan(0);
  expect(Math.min(...full.map(Math.abs)), said).toBeGreaterThan(300);
  expect(Math.max(...full) - Math.min(...full), said).toBeLessThanOrEqual(2);
  if (reachedTop) expect(Math.abs(moves.at(-1)!), said).toBeLessThanOrEqual(Math.abs(full[0]) + 2);
}

/** Puts the keyboard's starting point in the chapter at the element with this id, as a click there would. */
async function clickInto(reader: ReaderPage, id: string) {
  await reader.click(`[id="${id}"]`);
}

describe.each(engineNames)('the page holds still in %s', { timeout: 180_000 }, (name) => {
  const engine = useEngine(name);

  describe.each(sizes)('at $width px', (size) => {
    it('a deep heading, a mid-page heading and a figure row load directly below the header and stay there', async () => {
      for (const id of [DEEP, MIDDLE, ROW]) {
        const reader = await engine.open(frag(id), size);
        const landed = await reader.evaluate(belowHeader, id);
        // Two seconds on, and once every part of the page has been drawn on the way to the bottom.
        await new Promise((done) => setTimeout(done, 2000));
        const later = await reader.evaluate(belowHeader, id);
        // Whatever an engine put off drawing, drawn now, as the reader's scrolling would.
        await reader.evaluate(async () => {
          for (const el of document.querySelectorAll<HTMLElement>('article *'))
            if (getComputedStyle(el).contentVisibility !== 'visible')
              el.style.contentVisibility = 'visible';
          await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
        });
        const drawn = await reader.evaluate(belowHeader, id);
        for (const [moment, gap] of [
          ['on landing', landed],
          ['2 s later', later],
          ['with everything drawn', drawn],
        ] as const) {
          expect(gap, `${id} ${moment}`).toBeGreaterThanOrEqual(0);
          expect(gap, `${id} ${moment}`).toBeLessThanOrEqual(48);
        }
        expect(await reader.problems()).toEqual([]);
      }
    });

    it('paging up from a link deep in 14.4 moves the text one page per press, all the way to the top', async () => {
      const reader = await engine.open(frag(DEEP), size);
      await clickInto(reader, DEEP);
      const paged = await page(reader, 'PageUp');
      expect(paged.reachedTop).toBe(true);
      expectEvenPages(paged);
      expect(await reader.problems()).toEqual([]);
    });

    it('End from the top comes to rest at the bottom; six PageUps move one page each; Home reaches the top', async () => {
      const reader = await engine.open('', size);
      await reader.evaluate(markMiddleText);
      await reader.press('End');
      const end = await reader.evaluate(markedTextAtRest, 0);
      // Nothing built late may push the bottom away once the reader is there.
      await new Promise((done) => setTimeout(done, 1000));
      const bottom = await reader.evaluate(
        () => document.documentElement.scrollHeight - innerHeight - scrollY,
      );
      expect(end.bottom).toBeLessThanOrEqual(1);
      expect(bottom).toBeLessThanOrEqual(1);
      expectEvenPages(await page(reader, 'PageUp', 6));
      await reader.press('Home');
      const top = await reader.evaluate(markedTextAtRest, await reader.evaluate(() => scrollY));
      expect(top.scrollY).toBe(0);
      expect(await reader.problems()).toEqual([]);
    });

    it('after a table-of-contents link and after a search result to a far heading, every PageUp moves one page', async () => {
      const reader = await engine.open('', size);
      // At 390 px the table of contents is folded into a panel.
      if (size.width < 600) await reader.click('nav.toc summary');
      await reader.click(`nav.toc a[href="#1444-行动计划"]`);
      await reader.evaluate(pageAtRest);
      await clickInto(reader, '1444-行动计划');
      expectEvenPages(await page(reader, 'PageUp', 6));
      expect(await reader.problems()).toEqual([]);

      const searched = await engine.open('', size);
      await searched.click('button[data-search-open]');
      await expect
        .poll(() => searched.evaluate(() => document.activeElement?.id), { timeout: 20_000 })
        .toBe('search-input');
      await searched.type('行动计划');
      await expect
        .poll(() =>
          searched.evaluate(() =>
            decodeURIComponent(
              document.querySelector<HTMLAnchorElement>('.search-results a')?.hash ?? '',
            ),
          ),
        )
        .toBe('#1444-行动计划');
      await searched.press('ArrowDown');
      await searched.press('Enter');
      await searched.evaluate(pageAtRest);
      expect(await searched.evaluate(belowHeader, '1444-行动计划')).toBeLessThanOrEqual(48);
      await clickInto(searched, '1444-行动计划');
      expectEvenPages(await page(searched, 'PageUp', 6));
      expect(await searched.problems()).toEqual([]);
    });

    it('after a reload while deep and after a jump of the scroll bar to near the end, every PageUp moves one page', async () => {
      const reader = await engine.open(frag(DEEP), size);
      await reader.reload();
      await reader.evaluate(pageAtRest);
      expect(await reader.evaluate(belowHeader, DEEP)).toBeLessThanOrEqual(48);
      await clickInto(reader, DEEP);
      expectEvenPages(await page(reader, 'PageUp', 6));
      expect(await reader.problems()).toEqual([]);

      const jumped = await engine.open('', size);
      // A drag of the scroll bar: one jump, no smooth scroll, nothing on the way drawn.
      await jumped.evaluate(() =>
        scrollTo({ top: document.documentElement.scrollHeight * 0.85, behavior: 'instant' }),
      );
      await jumped.evaluate(pageAtRest);
      expectEvenPages(await page(jumped, 'PageUp', 6));
      expect(await jumped.problems()).toEqual([]);
    });

    it('a text fragment of a sentence in 14.4 lands with the sentence in view below the header', async () => {
      const reader = await engine.open(`#:~:text=${encodeURIComponent(SENTENCE)}`, size);
      await reader.evaluate(pageAtRest);
      const where = await reader.evaluate((sentence) => {
        const header = document.querySelector('.site-header')!.getBoundingClientRect().bottom;
        const walker = document.createTreeWalker(
          document.querySelector('article')!,
          NodeFilter.SHOW_TEXT,
        );
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const at = n.textContent!.indexOf(sentence);
          if (at < 0) continue;
          const range = document.createRange();
          range.setStart(n, at);
          range.setEnd(n, at + sentence.length);
          const r = range.getBoundingClientRect();
          return {
            supported: 'fragmentDirective' in document,
            top: r.top - header,
            bottom: r.bottom,
            window: innerHeight,
          };
        }
        return null;
      }, SENTENCE);
      expect(where).not.toBeNull();
      // Every engine here follows text fragments: Chromium, Firefox ESR 153 and WebKitGTK 2.50.
      expect(where!.supported).toBe(true);
      expect(where!.top).toBeGreaterThanOrEqual(0);
      expect(where!.bottom).toBeLessThanOrEqual(where!.window);
      expect(await reader.problems()).toEqual([]);
    });

    it("every section's text is found by the engine's find, from the top of the page", async () => {
      const reader = await engine.open('', size);
      const missed = await reader.evaluate(() => {
        const find = (window as unknown as { find(text: string): boolean }).find.bind(window);
        // The last block of text under each heading: the far end of every section.
        const last = new Map<Element, Element>();
        let heading: Element | undefined;
        for (const el of document.querySelectorAll('article :is(h1, h2, h3, p, li, td)')) {
          if (/^H[123]$/.test(el.tagName)) heading = el;
          else if (heading && (el.textContent ?? '').trim().length > 12) last.set(heading, el);
        }
        const out: string[] = [];
        for (const block of last.values()) {
          const text = block.textContent!.trim().slice(0, 12);
          getSelection()!.removeAllRanges();
          scrollTo({ top: 0, behavior: 'instant' });
          // The same words may come earlier (the 目录 repeats the headings): find on from there.
          let found = false;
          for (let tries = 0; tries < 10 && !found && find(text); tries++)
            found = block.contains(getSelection()!.anchorNode);
          if (!found) out.push(text);
        }
        return out;
      });
      expect(missed).toEqual([]);
      expect(await reader.problems()).toEqual([]);
    });
  });
});
