import { currentSectionIndex } from '../lib/scroll-spy.ts';

/**
 * Marks the TOC link of the section being read with aria-current. Ids start with digits
 * (`141-技术发展总结`), so headings are found with getElementById, never querySelector('#…').
 */
class TocHighlight extends HTMLElement {
  private links: HTMLAnchorElement[] = [];
  private targets: HTMLElement[] = [];
  private frame = 0;

  connectedCallback() {
    this.links = [...this.querySelectorAll<HTMLAnchorElement>('a[href^="#"]')];
    this.targets = this.links
      .map((a) => document.getElementById(decodeURIComponent(a.hash.slice(1)))!)
      .filter(Boolean);
    const update = () => {
      cancelAnimationFrame(this.frame);
      this.frame = requestAnimationFrame(() => this.update());
    };
    addEventListener('scroll', update, { passive: true });
    addEventListener('resize', update, { passive: true });
    addEventListener('hashchange', update);
    // With the frame the page draws anyway, not before: measuring headings now would lay the
    // whole page out again while it is still being read in.
    update();
  }

  private update() {
    const hash = currentHash();
    const offset = parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop) || 0;
    const atBottom = innerHeight + scrollY >= document.documentElement.scrollHeight - 2;
    let index = currentSectionIndex(
      this.targets.map((t) => t.getBoundingClientRect().top),
      // A section is being read once its heading is in the top fifth of the screen below the header.
      offset + innerHeight * 0.2,
      atBottom,
    );
    if (hash) {
      // location.hash is percent-encoded; compare encoded with encoded.
      const byHash = this.links.findIndex((a) => a.hash === hash);
      // The linked section stays current while its heading is still in the upper part of the
      // screen: on load with a hash, and when the page cannot scroll it right to the top.
      const top = byHash >= 0 ? this.targets[byHash].getBoundingClientRect().top : -1;
      if (byHash >= 0 && top >= 0 && top < innerHeight / 2) index = byHash;
    }
    this.links.forEach((a, i) => {
      if (i === index) a.setAttribute('aria-current', 'true');
      else a.removeAttribute('aria-current');
    });
  }
}

/**
 * The page's hash, with a fragment's old id (an alias the build placed inside the fragment it
 * was renamed to) read as the id it leads to, so the TOC marks the section the reader landed in.
 */
function currentHash(): string {
  const hash = location.hash;
  const alias = hash
    ? document.getElementById(decodeURIComponent(hash.slice(1)))?.dataset.anchorFor
    : undefined;
  return alias ? '#' + encodeURIComponent(alias) : hash;
}

export function defineTocHighlight() {
  if (!customElements.get('toc-highlight')) customElements.define('toc-highlight', TocHighlight);
}
