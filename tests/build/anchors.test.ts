import { describe, expect, it } from 'vitest';
import { chapterDocument } from '../support/dist.ts';
import { tocFragments } from '../support/source.ts';

describe('anchors', () => {
  const doc = chapterDocument();

  it('resolves every fragment of the chapter 目录 to a heading', () => {
    const fragments = tocFragments();
    expect(fragments).toHaveLength(19);
    for (const f of fragments) {
      const el = doc.getElementById(decodeURIComponent(f.slice(1)));
      expect(el, f).not.toBeNull();
      expect(el!.tagName, f).toMatch(/^H[23]$/);
    }
  });

  it('gives every element a unique id', () => {
    const ids = [...doc.querySelectorAll('[id]')].map((el) => el.id);
    const repeated = ids.filter((id, i) => ids.indexOf(id) !== i);
    expect(repeated).toEqual([]);
  });

  it('links every in-page href to an element that exists', () => {
    const broken = [...doc.querySelectorAll('a[href^="#"]')]
      .map((a) => a.getAttribute('href')!)
      .filter((href) => href !== '#' && !doc.getElementById(decodeURIComponent(href.slice(1))));
    expect(broken).toEqual([]);
  });

  it('gives every heading below the title a labelled copy-link to itself', () => {
    const headings = [...doc.querySelectorAll('article h2, article h3')];
    expect(headings.length).toBeGreaterThanOrEqual(19);
    for (const h of headings) {
      const link = h.parentElement!.querySelector(':scope > a.anchor-link')!;
      expect(link, h.id).not.toBeNull();
      expect(link.getAttribute('href')).toBe(`#${h.id}`);
      expect(link.textContent).toContain(`本节链接：${h.textContent}`);
    }
  });

  it('builds the TOC from the headings, in page order', () => {
    const tocTargets = [...doc.querySelectorAll('nav.toc a')].map((a) => a.getAttribute('href'));
    expect(tocTargets.slice(0, 19)).toEqual(tocFragments());
  });
});
