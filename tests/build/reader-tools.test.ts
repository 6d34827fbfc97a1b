import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { formsOf, termsFileSchema } from '../../src/lib/schemas/terms.ts';
import { holdsName } from '../../src/lib/search/glossary.ts';
import { PLACEHOLDER, readApa, readBibtex, readGbt7714 } from '../support/citation-readers.ts';
import { parseHeadersFile } from '../support/server.ts';
import { chapterDocument, readDist, termsDocument } from '../support/dist.ts';
import { distDir, root, sourceMarkdown, subBase, subDistDir } from '../support/paths.ts';
import { normaliseText } from '../support/source.ts';

const doc = chapterDocument();
const source = fs.readFileSync(sourceMarkdown, 'utf8');

describe('the chapter as Markdown', () => {
  it('is published byte for byte as chapter-14.md, and the page names it as its Markdown alternate', () => {
    expect(fs.readFileSync(path.join(distDir, 'chapter-14.md'))).toEqual(
      fs.readFileSync(sourceMarkdown),
    );
    expect(
      doc.querySelector('link[rel="alternate"][type="text/markdown"]')!.getAttribute('href'),
    ).toBe('/chapter-14.md');
  });

  it('is served as UTF-8 Markdown, and llms.txt as UTF-8 text', () => {
    const rules = parseHeadersFile(readDist('_headers'));
    const type = (p: string) => rules.find((r) => r.pattern === p)?.headers.get('content-type');
    expect(type('/chapter-14.md')).toBe('text/markdown; charset=utf-8');
    expect(type('/llms.txt')).toBe('text/plain; charset=utf-8');
  });

  it('offers every h2 and h3 of the chapter a copy button whose offsets cut out exactly that section', () => {
    const headings = [...doc.querySelectorAll('.chapter-section[data-section] :is(h2, h3)')];
    expect(headings.length).toBe(19);
    for (const h of headings) {
      const button = h.parentElement!.querySelector('button.copy-section');
      expect(button, h.id).not.toBeNull();
      const text = source.slice(
        Number(button!.getAttribute('data-start')),
        Number(button!.getAttribute('data-end')),
      );
      const hashes = h.tagName === 'H2' ? '## ' : '### ';
      expect(text.startsWith(hashes + h.textContent), h.id).toBe(true);
      // A section ends where the next heading of its level (or higher) starts, with nothing but a rule between.
      const rest = source.slice(Number(button!.getAttribute('data-end')));
      expect(
        rest === '' ||
          /^\s*(---\s*)?(#{1,3} |$)/.test(rest) ||
          (h.tagName === 'H3' && /^\s*#{3} /.test(rest)),
        h.id,
      ).toBe(true);
      expect(button!.getAttribute('aria-label')).toBe(`复制本节 Markdown 原文：${h.textContent}`);
    }
  });
});

describe('under a sub-path', () => {
  it('the Markdown, its alternate link, llms.txt and the text-type headers all follow the base', () => {
    const sub = chapterDocument(subDistDir);
    expect(
      sub.querySelector('link[rel="alternate"][type="text/markdown"]')!.getAttribute('href'),
    ).toBe(`${subBase}chapter-14.md`);
    expect(fs.readFileSync(path.join(subDistDir, 'chapter-14.md'))).toEqual(
      fs.readFileSync(sourceMarkdown),
    );
    const llms = readDist('llms.txt', subDistDir);
    const urls = [...llms.matchAll(/\]\((\S+)\)/g)].map((m) => new URL(m[1]).pathname);
    expect(urls.length).toBeGreaterThan(10);
    expect(urls.every((u) => u.startsWith(subBase))).toBe(true);
    const rules = parseHeadersFile(readDist('_headers', subDistDir));
    expect(
      rules.find((r) => r.pattern === `${subBase}chapter-14.md`)?.headers.get('content-type'),
    ).toBe('text/markdown; charset=utf-8');
  });
});

describe('llms.txt', () => {
  const text = readDist('llms.txt');
  const links = [...text.matchAll(/^- \[([^\]]+)\]\((\S+)\)(?::\s*(.+))?$/gm)];

  it('has the llmstxt.org shape: a title, a summary quote, then sections of link lists', () => {
    const lines = text.split('\n');
    expect(lines[0]).toBe('# 十四、总结与展望');
    expect(lines[2]).toMatch(/^> \S/);
    expect(text).toMatch(/^## 正文$/m);
    expect(text).toMatch(/^## Optional$/m);
    // Only the title is an h1.
    expect(lines.filter((l) => l.startsWith('# '))).toHaveLength(1);
  });

  it('points first to the chapter’s Markdown, and every link is a file the site serves', () => {
    expect(links[0][2]).toBe('https://chapter14.example.org/chapter-14.md');
    expect(links.length).toBeGreaterThan(10);
    for (const [, , url] of links) {
      const file = new URL(url).pathname.replace(/\/$/, '/index.html');
      expect(fs.existsSync(path.join(distDir, decodeURIComponent(file))), url).toBe(true);
    }
  });
});

describe('term index', () => {
  const terms = termsFileSchema.parse(
    parse(fs.readFileSync(path.join(root, 'content/terms.yaml'), 'utf8')),
  );
  // The index is a page of its own; the chapter's page has a section that leads to it.
  const page = termsDocument();
  const index = page.querySelector('section.term-index')!;
  const entries = [...index.querySelectorAll('.term')];
  const nameOf = (entry: Element) => entry.querySelector('.term-name')!.textContent!;

  it('lists every term of the data file, at least 40, on its own page, inside the part search indexes', () => {
    expect(entries.map(nameOf).sort()).toEqual(terms.map((t) => t.name).sort());
    expect(entries.length).toBeGreaterThanOrEqual(40);
    expect(index.closest('[data-pagefind-body]')).not.toBeNull();
    expect(index.closest('[data-pagefind-ignore]')).toBeNull();
    expect(page.querySelector('h1')!.textContent).toBe('术语索引');
    expect(page.querySelector('link[rel="canonical"]')!.getAttribute('href')).toBe(
      'https://chapter14.example.org/terms/',
    );
  });

  it('is in the table of contents of both pages: a section of the chapter’s page, and the index’s page itself', () => {
    expect(doc.querySelector('nav.toc a[href="#术语索引"]')?.textContent).toBe('术语索引');
    const own = page.querySelector('nav.toc a[aria-current="page"]')!;
    expect([own.textContent, own.getAttribute('href')]).toEqual(['术语索引', '/terms/']);
    // The index page's TOC leads into the chapter's page.
    expect(page.querySelector('nav.toc a[href="/#141-技术发展总结"]')).not.toBeNull();
  });

  it('leads from the chapter’s page to its own page, and each letter to its group there', () => {
    const section = doc.getElementById('术语索引')!.closest('section')!;
    expect(section.querySelector('a[href="/terms/"]')!.textContent).toBe('打开术语索引');
    const letterLinks = [...section.querySelectorAll('.term-index-letters a')].map((a) =>
      a.getAttribute('href')!,
    );
    expect(letterLinks.length).toBe(page.querySelectorAll('.term-group-letter').length);
    for (const href of letterLinks)
      expect(page.getElementById(decodeURIComponent(href.split('#')[1])), href).not.toBeNull();
    // The chapter's page no longer carries the index's ~1,500 elements.
    expect(doc.querySelectorAll('.term').length).toBe(0);
  });

  it('groups Latin terms under A–Z and Chinese terms under pinyin letters, each group in order', () => {
    const letters = (part: string) =>
      [...index.querySelectorAll(`[id^="术语索引-${part}-"]`)].map((h) =>
        normaliseText(h.textContent!).split(' ').at(-1)!,
      );
    const latin = letters('latin');
    const han = letters('han');
    expect(latin).toEqual([...latin].sort());
    expect(han).toEqual([...han].sort());
    expect(latin.every((l) => /^[A-Z#]$/.test(l))).toBe(true);
    // Each Chinese term sits under the first letter of its pinyin.
    for (const t of terms.filter((t) => t.pinyin)) {
      const entry = entries.find((e) => nameOf(e) === t.name)!;
      expect(entry.closest('.term-group')!.querySelector('h3')!.id).toBe(
        `术语索引-han-${t.pinyin![0]}`,
      );
    }
  });

  it('every link lands on a place of the chapter’s page that really has the term: the section’s own text or the figure row', () => {
    let checked = 0;
    for (const entry of entries) {
      const term = terms.find((t) => t.name === nameOf(entry))!;
      for (const a of entry.querySelectorAll('.term-places a')) {
        const [pathname, fragment] = a.getAttribute('href')!.split('#');
        expect(pathname, a.getAttribute('href')!).toBe('/');
        const target = doc.getElementById(decodeURIComponent(fragment));
        expect(target, `${term.name} → ${a.getAttribute('href')}`).not.toBeNull();
        // Cells are read apart: run together, "2025 Q2" and "1.58-bit" would make one word.
        const text =
          target!.tagName === 'TR'
            ? [...target!.children].map((c) => c.textContent).join('\n')
            : sectionText(target!);
        expect(
          formsOf(term).some((f) => holdsName(text, f, term.excludes)),
          `${term.name} → ${a.getAttribute('href')}`,
        ).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(150);
  });
});

describe('cite this chapter', () => {
  it('is a section in the table of contents, kept out of search, with a copy button for each of its three formats', () => {
    const section = doc.getElementById('引用本章')!.closest('section')!;
    expect(doc.querySelector('nav.toc a[href="#引用本章"]')).not.toBeNull();
    expect(section.getAttribute('data-pagefind-ignore')).toBe('all');
    const buttons = [...section.querySelectorAll('button[data-copy-cite]')];
    expect(buttons.map((b) => b.getAttribute('data-style'))).toEqual([
      'GB/T 7714-2015',
      'APA',
      'BibTeX',
    ]);
    for (const b of buttons)
      expect(doc.getElementById(b.getAttribute('data-copy-cite')!)).not.toBeNull();
    // Each button's name says which format it copies, not just "复制" three times.
    expect(new Set(buttons.map((b) => normaliseText(b.textContent!))).size).toBe(3);
  });

  it('reads right as built, for a reader without script or a crawler: each citation by its style, no access date and no placeholder', () => {
    const section = doc.getElementById('引用本章')!.closest('section')!;
    // The panel's text as built, outside the templates the script fills in.
    const shown = section.cloneNode(true) as Element;
    shown.querySelectorAll('template').forEach((t) => t.remove());
    expect(shown.textContent).not.toMatch(PLACEHOLDER);
    const text = (id: string) => shown.querySelector(`[id="${id}"]`)!.textContent!;
    const canonical = doc.querySelector('link[rel="canonical"]')!.getAttribute('href')!;
    expect(readGbt7714(text('cite-gbt'))).toMatchObject({ url: canonical, cited: undefined });
    expect(readApa(text('cite-apa'))).toMatchObject({ url: canonical, retrieved: undefined });
    const bib = readBibtex(text('cite-bibtex'));
    expect(bib.fields).toMatchObject({ title: '十四、总结与展望', url: canonical });
    expect(bib.urldate).toBeUndefined();
    // The note says the date is left out and why, rather than what the script will have done.
    expect(shown.querySelector('.cite-note')!.textContent).toMatch(/引用日期.*故从略/);
    expect(shown.querySelector('.cite-note')!.textContent).not.toContain('已按今天填入');
  });

  it('keeps for the script a copy of each citation with an empty slot for the access date, and nothing else', () => {
    const section = doc.getElementById('引用本章')!.closest('section')!;
    const templates = [...section.querySelectorAll('[data-dated] + template')];
    // The note and the three citations.
    expect(templates).toHaveLength(4);
    for (const t of templates) {
      const html = t.innerHTML;
      const slots = html.match(/<span data-accessed="(iso|en)"><\/span>/g) ?? [];
      expect(html).not.toMatch(/YYYY|MM-DD|Month D/);
      if (t.previousElementSibling!.closest('.cite-note')) expect(slots).toEqual([]);
      else expect(slots.length).toBeGreaterThan(0);
    }
  });
});

/** A heading's section text: everything after its wrapper up to the next heading of any level. */
function sectionText(heading: Element): string {
  const parts: string[] = [heading.textContent!];
  let node = heading.closest('.heading-wrapper')?.nextElementSibling ?? heading.nextElementSibling;
  while (node && !node.matches('.heading-wrapper, h2, h3, h4')) {
    parts.push(node.textContent!);
    node = node.nextElementSibling;
  }
  return parts.join('\n');
}
