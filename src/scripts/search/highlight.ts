import { markSpans } from '../../lib/search/glossary.ts';

export interface HighlightWhat {
  /** Literal terms, marked anywhere (the query, or the pieces the engine matched). */
  terms: readonly string[];
  /** Names of a term, marked as whole words; `excludes` are longer names of other things. */
  names?: readonly string[];
  excludes?: readonly string[];
}

/**
 * Marks the search terms where a result leads, with the CSS Custom Highlight API: in the section
 * that starts at a heading (up to the next heading), or inside any other target (a figure row,
 * an entry of the term index). Nothing in the page's DOM changes, and the marks go away with
 * the next search. Spacing and hyphens are ignored, so "KV Cache" marks "KV-Cache".
 */
export function highlightTerms(target: HTMLElement, what: HighlightWhat): number {
  const registry = (CSS as unknown as { highlights?: Map<string, unknown> }).highlights;
  const HighlightCtor = (globalThis as unknown as { Highlight?: new (...r: Range[]) => unknown })
    .Highlight;
  if (!registry || !HighlightCtor) return 0;
  const isHeading = /^H[1-6]$/.test(target.tagName);
  const root = isHeading ? (target.closest('article') ?? document.body) : target;
  const ranges: Range[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let inside = !isHeading;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement!;
    if (isHeading) {
      const h = parent.closest('h1, h2, h3, h4, h5, h6');
      if (h && h.id) inside = h === target;
    }
    if (!inside || parent.closest('[data-pagefind-ignore], [aria-hidden="true"]')) continue;
    for (const span of markSpans(node.textContent ?? '', what.terms, what.names, what.excludes)) {
      const range = new Range();
      range.setStart(node, span.start);
      range.setEnd(node, span.end);
      ranges.push(range);
    }
  }
  registry.set('search-result', new HighlightCtor(...ranges));
  return ranges.length;
}
