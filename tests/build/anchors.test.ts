import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { siteFragments } from '../../src/integrations/page-fragments.ts';
import { parseHTML } from 'linkedom';
import { checkRecord, formatRecord, parseRecord, splitKey } from '../../src/lib/anchors.ts';
import { chapterDocument, readDist } from '../support/dist.ts';
import { contentDir, distDir } from '../support/paths.ts';
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
      expect(link.getAttribute('aria-label')).toBe(`本节链接：${h.textContent}`);
    }
  });

  it('builds the TOC from the headings, in page order', () => {
    const tocTargets = [...doc.querySelectorAll('nav.toc a')].map((a) => a.getAttribute('href'));
    expect(tocTargets.slice(0, 19)).toEqual(tocFragments());
  });
});

describe('the record of published fragments (content/anchors.txt)', () => {
  const text = fs.readFileSync(path.join(contentDir, 'anchors.txt'), 'utf8');
  const { lines, problems } = parseRecord(text);
  const { fragments } = siteFragments(distDir);
  const checked = checkRecord(lines, fragments);

  it('records every fragment of the built page, as it points now, and nothing the page lacks', () => {
    expect(problems).toEqual([]);
    expect(checked.problems).toEqual([]);
    expect(checked.unrecorded).toEqual([]);
    expect(checked.changed).toEqual([]);
  });

  it('has from the start all 19 links of the chapter’s own 目录', () => {
    const recorded = new Set(lines.map((l) => l.id));
    expect(
      tocFragments()
        .map((f) => decodeURIComponent(f.slice(1)))
        .filter((id) => !recorded.has(id)),
    ).toEqual([]);
  });

  it('is written in its one sorted form, as npm run anchors writes it', () => {
    expect(text).toBe(formatRecord(lines));
  });

  it('is kept on its page: every recorded id is a fragment there, or an alias inside the fragment it leads to', () => {
    // Each page is parsed once: the record has a line for every fragment of both pages.
    const pages = new Map<string, Document>();
    const pageDoc = (page: string) =>
      pages.get(page) ??
      pages.set(page, parseHTML(readDist(`${page}index.html`)).document).get(page)!;
    for (const l of lines) {
      if (l.type === 'removed') continue;
      const { page, id } = splitKey(l.id);
      const el = pageDoc(page).getElementById(id);
      expect(el, l.id).not.toBeNull();
      if (l.type === 'alias')
        expect(
          el!.closest(`[id="${splitKey(checked.aliases.find((a) => a.from === l.id)!.to).id}"]`),
          l.id,
        ).not.toBeNull();
    }
  });

  it('keeps the term index’s published letters: on the chapter’s page they lead to its section, which links to the index’s own page', () => {
    const doc = chapterDocument();
    const alias = doc.getElementById('术语索引-latin-a')!;
    expect(alias.getAttribute('data-anchor-for')).toBe('术语索引');
    expect(alias.closest('.heading-wrapper')!.querySelector('h2')!.id).toBe('术语索引');
    expect(
      doc.querySelector('.term-index-summary a[href$="terms/#术语索引-latin-a"]'),
    ).not.toBeNull();
  });
});
