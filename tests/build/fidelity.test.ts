import { describe, expect, it } from 'vitest';
import { chapterDocument } from '../support/dist.ts';
import { normaliseText, readSource, sourceFragments } from '../support/source.ts';

// Added around the text, never part of it: copy-link labels, back-links, figure encodings,
// captions (taken from an introducing line that is itself on the page), and UI chrome.
const ADDED =
  '.anchor-link, .backrefs, [data-enc], [aria-hidden="true"], caption, button, script, style, template, [data-added]';
const CANDIDATES = 'h1, h2, h3, h4, h5, h6, p, li, th, td, dt, dd';

function ownText(el: Element): string {
  const clone = el.cloneNode(true) as Element;
  clone.querySelectorAll(`${ADDED}, ul, ol`).forEach((n) => n.remove());
  return normaliseText(clone.textContent ?? '');
}

describe('the built page carries the chapter word for word', () => {
  const doc = chapterDocument();
  const article = doc.querySelector('article[data-pagefind-body]')!;
  const candidates = [...article.querySelectorAll(CANDIDATES)].filter((el) => !el.closest(ADDED));
  const texts = candidates.map(ownText);
  // The 目录 heading now names the generated table of contents, outside the article.
  const fragments = sourceFragments().filter((f) => !(f.kind === 'heading' && f.text === '目录'));

  it('finds the chapter source fragments to compare', () => {
    // 1 title + intro, 5 sections, their sub-sections, 12 tables' cells and 7 references.
    expect(fragments.length).toBeGreaterThan(300);
    expect(fragments.filter((f) => f.kind === 'cell').length).toBeGreaterThan(200);
  });

  it('shows every heading, paragraph, list item and table cell exactly, in source order', () => {
    const missing: string[] = [];
    let cursor = 0;
    for (const fragment of fragments) {
      const at = texts.indexOf(fragment.text, cursor);
      if (at === -1) {
        missing.push(`line ${fragment.line} (${fragment.kind}): ${fragment.text}`);
        continue;
      }
      cursor = at + 1;
    }
    expect(missing).toEqual([]);
  });

  it('keeps straight quotes straight (smart punctuation is off)', () => {
    const text = article.textContent ?? '';
    expect(text).toContain('"框架碎片化"');
    expect(text).toContain(
      '"DeepSeek-R1: Incentivizing Reasoning Capability in LLMs via Reinforcement Learning."',
    );
    expect(text).not.toMatch(/[“”‘’]/);
    expect(readSource()).not.toMatch(/[“”]/);
  });

  it('keeps the white space between inline elements', () => {
    const item = candidates.find((el) => ownText(el).startsWith('量化技术'))!;
    expect(ownText(item)).toBe(
      '量化技术：INT8/W4A16 已成为标配，1.58-bit (BitNet) 正在通过三元权重（-1, 0, 1）实现极低比特量化突破 [2]。',
    );
  });

  it('replaces the hand-written 目录 list with the generated table of contents (not duplicated in the article)', () => {
    // The 目录 list links each heading by its full text; the term index links sections by number only.
    const listLinks = [...article.querySelectorAll('a[href="#141-技术发展总结"]')]
      .filter((a) => a.textContent === '14.1 技术发展总结')
      .map((a) => a.outerHTML);
    expect(listLinks).toEqual([]);
    expect(doc.querySelector('nav.toc a[href="#141-技术发展总结"]')).not.toBeNull();
    expect(doc.querySelector('nav.toc')!.getAttribute('aria-labelledby')).toBe('toc-title');
    expect(doc.getElementById('toc-title')!.textContent).toBe('目录');
  });
});
