import { foldChars } from '../../lib/search/rank.ts';

/**
 * Marks the search terms in the section that starts at `heading`, up to the next heading,
 * with the CSS Custom Highlight API: nothing in the page's DOM changes, and the marks go away
 * with the next search.
 */
export function highlightTerms(heading: HTMLElement, terms: string[]): number {
  const registry = (CSS as unknown as { highlights?: Map<string, unknown> }).highlights;
  const HighlightCtor = (globalThis as unknown as { Highlight?: new (...r: Range[]) => unknown }).Highlight;
  if (!registry || !HighlightCtor) return 0;
  const article = heading.closest('article') ?? document.body;
  const needles = terms.map((t) => foldChars(t.trim())).filter(Boolean);
  const ranges: Range[] = [];
  const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
  let inside = false;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement!;
    const h = parent.closest('h1, h2, h3, h4, h5, h6');
    if (h && h.id) inside = h === heading;
    if (!inside || parent.closest('[data-pagefind-ignore], [aria-hidden="true"]')) continue;
    const text = foldChars(node.textContent ?? '');
    for (const needle of needles) {
      for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + needle.length)) {
        const range = new Range();
        range.setStart(node, at);
        range.setEnd(node, at + needle.length);
        ranges.push(range);
      }
    }
  }
  registry.set('search-result', new HighlightCtor(...ranges));
  return ranges.length;
}
