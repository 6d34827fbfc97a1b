import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepareChapter } from '../../src/chapter/read-chapter.ts';
import { HISTORY_UTC_OFFSET_MINUTES } from '../../src/chapter/history.ts';
import { parseRecord, splitKey } from '../../src/lib/anchors.ts';
import { chapterDocument, readDist, termsDocument } from '../support/dist.ts';
import { bookEntries, bookPath, metadata, openBook } from '../support/epub.ts';
import { contentDir, distDir, subBase, subDistDir } from '../support/paths.ts';
import { parseHeadersFile } from '../support/server.ts';
import { normaliseText, sourceFragments, tocFragments } from '../support/source.ts';

const chapter = prepareChapter(contentDir);
const book = openBook();
const page = chapterDocument();

/** Every element with an id in the book, by id, with the file that holds it. */
const idsInBook = new Map(
  book.spine.flatMap(({ href, doc }) =>
    [...doc.querySelectorAll('[id]')].map((el) => [el.getAttribute('id')!, { href, el }] as const),
  ),
);

/**
 * A version 5 UUID (RFC 9562) of a URL, written here from the RFC rather than taken from the
 * library the build uses: SHA-1 of the URL namespace's bytes and the name, version and variant set.
 */
function uuidV5OfUrl(url: string): string {
  const namespace = Buffer.from('6ba7b8119dad11d180b400c04fd430c8', 'hex');
  const hash = createHash('sha1').update(namespace).update(url).digest().subarray(0, 16);
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.toString('hex');
  return [
    hex.slice(0, 8),
    hex.slice(8, 12),
    hex.slice(12, 16),
    hex.slice(16, 20),
    hex.slice(20),
  ].join('-');
}

// As the page's fidelity test reads the page: back-links and captions are added around the text.
const ADDED = '.backrefs, caption';
const CANDIDATES = 'h1, h2, h3, h4, h5, h6, p, li, th, td, dt, dd';

function ownText(el: Element): string {
  const clone = el.cloneNode(true) as Element;
  clone.querySelectorAll(`${ADDED}, ul, ol`).forEach((n) => n.remove());
  return normaliseText(clone.textContent ?? '');
}

describe('the book carries the chapter word for word', () => {
  const texts = book.spine.flatMap(({ doc }) =>
    [...doc.querySelectorAll(CANDIDATES)].filter((el) => !el.closest(ADDED)).map(ownText),
  );
  const fragments = sourceFragments();

  it('finds every heading, paragraph, list item and table cell of the golden file, in order, the 目录 where the chapter writes it', () => {
    // The page's 416 (tests/build/fidelity.test.ts), and the 目录's own heading, which the book
    // has where the chapter has it.
    expect(fragments.length).toBe(417);
    expect(fragments.filter((f) => f.text === '目录')).toHaveLength(1);
    const missing: string[] = [];
    let cursor = 0;
    for (const fragment of fragments) {
      const at = texts.indexOf(fragment.text, cursor);
      if (at === -1) missing.push(`line ${fragment.line} (${fragment.kind}): ${fragment.text}`);
      else cursor = at + 1;
    }
    expect(missing).toEqual([]);
  });

  it('keeps no control of the page: no button, script, form, template or drawn mark', () => {
    for (const { href, doc } of book.spine)
      expect(
        [...doc.querySelectorAll('button, script, template, svg, input, matrix-controls')].map(
          (el) => el.tagName,
        ),
        href,
      ).toEqual([]);
  });

  it('has each figure as a table with a caption, its header row and every row of the page', () => {
    const tables = book.spine.flatMap(({ doc }) => [...doc.querySelectorAll('table')]);
    expect(tables).toHaveLength(page.querySelectorAll('article table').length);
    for (const table of tables) {
      expect(table.querySelector('caption')?.textContent).toBeTruthy();
      expect(table.querySelectorAll('thead th').length).toBeGreaterThan(1);
    }
    const pageRows = [...page.querySelectorAll('article tr[id]')].map((r) => r.id);
    expect(pageRows.length).toBe(57);
    expect(pageRows.filter((id) => idsInBook.get(id)?.el.tagName.toLowerCase() !== 'tr')).toEqual(
      [],
    );
  });
});

describe('the book keeps the page’s anchors', () => {
  const nav = book.spine.find(({ doc }) => doc.querySelector('nav[epub\\:type="toc"]'))!;

  it('has each of the 19 links of the chapter’s 目录 as a heading of the book, and its 目录 links them in order', () => {
    const ids = tocFragments().map((f) => decodeURIComponent(f.slice(1)));
    expect(ids).toHaveLength(19);
    for (const id of ids) expect(idsInBook.get(id)?.el.tagName, id).toMatch(/^h[23]$/i);
    const links = [...nav.doc.querySelectorAll('nav[epub\\:type="toc"] a')].map((a) =>
      a.getAttribute('href'),
    );
    expect(links.slice(0, 19)).toEqual(ids.map((id) => `${idsInBook.get(id)!.href}#${id}`));
  });

  it('has every heading id of the page, and every fragment the page has published', () => {
    const headings = [...page.querySelectorAll('h1[id], h2[id], h3[id], h4[id], h5[id], h6[id]')];
    expect(headings.length).toBe(22);
    expect(headings.map((h) => h.id).filter((id) => !idsInBook.has(id))).toEqual([]);
    const { lines } = parseRecord(fs.readFileSync(path.join(contentDir, 'anchors.txt'), 'utf8'));
    const published = lines.filter(
      (l) => l.type !== 'removed' && !/^link:/.test('points' in l ? l.points : ''),
    );
    // The page's skip links ("跳到正文") are the only fragments left out: a book has no page chrome.
    expect(published.length).toBeGreaterThan(250);
    const missing = published.map((l) => splitKey(l.id).id).filter((id) => !idsInBook.has(id));
    expect(missing).toEqual([]);
  });

  it('links nowhere it cannot reach: every link inside the book lands on an id of the file it names', () => {
    const links = book.spine.flatMap(({ href, doc }) =>
      [...doc.querySelectorAll('a[href]')].map((a) => ({
        from: href,
        href: a.getAttribute('href')!,
      })),
    );
    expect(links.length).toBeGreaterThan(300);
    const broken = links
      .filter((l) => !/^https?:/.test(l.href))
      .filter(({ href }) => {
        const [file, id] = href.split('#');
        return id ? idsInBook.get(id)?.href !== file : !book.spine.some((s) => s.href === file);
      });
    expect(broken).toEqual([]);
  });

  it('links each citation to its reference, and each reference back to every place that cites it', () => {
    const citations = book.spine.flatMap(({ doc }) => [...doc.querySelectorAll('a.citation')]);
    expect(citations.length).toBe(page.querySelectorAll('a.citation').length);
    for (const a of citations) {
      const target = idsInBook.get(a.getAttribute('href')!.split('#')[1])!;
      expect(target.el.getAttribute('class'), a.getAttribute('id')!).toBe('reference');
      const back = [...target.el.querySelectorAll('a.backref')].map((b) => b.getAttribute('href'));
      expect(back, a.getAttribute('id')!).toContain(
        `${idsInBook.get(a.getAttribute('id')!)!.href}#${a.getAttribute('id')}`,
      );
    }
  });

  it('ends with the term index, every term with links to its places in the chapter', () => {
    const terms = book.spine.at(-2)!;
    expect(terms.doc.querySelector('h1')!.getAttribute('id')).toBe('术语索引');
    const entries = [...terms.doc.querySelectorAll('.term')];
    expect(entries).toHaveLength(termsDocument().querySelectorAll('.term').length);
    expect(entries.length).toBe(94);
    for (const entry of entries)
      expect(
        [...entry.querySelectorAll('.term-places a')].every((a) =>
          /^0\d-[a-z]+\.xhtml#/.test(a.getAttribute('href')!),
        ),
        entry.id,
      ).toBe(true);
  });
});

describe('the book’s metadata', () => {
  const { opf } = book;

  it('names the chapter in its language, dated by its last change from the history, to the second', () => {
    expect(metadata(opf, 'dc:language')).toEqual(['zh-CN']);
    expect(metadata(opf, 'dc:title')).toEqual([chapter.title]);
    const [modified] = metadata(opf, 'dcterms:modified');
    expect(modified).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(modified).toBe(chapter.modified);
    // The same moment as the page's date of last change, which is its day in China.
    const day = new Date(Date.parse(modified) + HISTORY_UTC_OFFSET_MINUTES * 60_000);
    expect(day.toISOString().slice(0, 10)).toBe(chapter.updated);
  });

  it('is identified by a UUID of the web edition’s address, so each build of the same site is the same book', () => {
    const [id] = metadata(opf, 'dc:identifier');
    expect(id).toBe(`urn:uuid:${uuidV5OfUrl('https://chapter14.example.org/')}`);
    const [sub] = metadata(openBook(bookEntries(bookPath(subDistDir))).opf, 'dc:identifier');
    expect(sub).toBe(`urn:uuid:${uuidV5OfUrl(`https://chapter14.example.org${subBase}`)}`);
  });

  it('states no author, publisher, date or licence, since the facts file gives none', () => {
    expect(
      chapter.facts.authors ?? chapter.facts.published ?? chapter.facts.license,
    ).toBeUndefined();
    for (const name of ['dc:creator', 'dc:contributor', 'dc:publisher', 'dc:date', 'dc:rights'])
      expect(metadata(opf, name), name).toEqual([]);
    expect(metadata(opf, 'dc:subject')).toEqual(chapter.facts.keywords);
  });

  it('describes its accessibility as it is: text only, navigable, no hazard, no MathML since it has no math', () => {
    expect(metadata(opf, 'schema:accessMode')).toEqual(['textual']);
    expect(metadata(opf, 'schema:accessModeSufficient')).toEqual(['textual']);
    expect(metadata(opf, 'schema:accessibilityHazard')).toEqual(['none']);
    expect(metadata(opf, 'schema:accessibilityFeature').sort()).toEqual(
      [
        'displayTransformability',
        'index',
        'readingOrder',
        'structuralNavigation',
        'tableOfContents',
      ].sort(),
    );
    expect(book.spine.some(({ doc }) => doc.getElementsByTagName('math').length > 0)).toBe(false);
    expect(metadata(opf, 'schema:accessibilitySummary')[0]).toMatch(/目录.*参考文献.*术语索引/);
    expect(metadata(opf, 'dcterms:conformsTo')).toEqual([
      'EPUB Accessibility 1.1 - WCAG 2.2 Level AA',
    ]);
  });
});

describe('the book as a file', () => {
  const bytes = fs.readFileSync(bookPath());

  it('starts with mimetype, stored, without an extra field, as the container format requires', () => {
    const view = new DataView(bytes.buffer, bytes.byteOffset);
    expect(view.getUint32(0, true)).toBe(0x04034b50);
    expect(view.getUint16(8, true)).toBe(0); // stored
    expect(view.getUint16(28, true)).toBe(0); // no extra field
    expect(bytes.subarray(30, 38).toString()).toBe('mimetype');
    expect(bytes.subarray(38, 58).toString()).toBe('application/epub+zip');
  });

  it('dates every entry at the last change (UTC), never the clock', () => {
    const time = new Date(chapter.modified!);
    const dosDate =
      ((time.getUTCFullYear() - 1980) << 9) | ((time.getUTCMonth() + 1) << 5) | time.getUTCDate();
    const dosTime =
      (time.getUTCHours() << 11) | (time.getUTCMinutes() << 5) | (time.getUTCSeconds() >> 1);
    const view = new DataView(bytes.buffer, bytes.byteOffset);
    const entries = Object.keys(bookEntries());
    let at = 0;
    for (let i = 0; i < entries.length; i++) {
      expect([view.getUint16(at + 10, true), view.getUint16(at + 12, true)]).toEqual([
        dosTime,
        dosDate,
      ]);
      at +=
        30 +
        view.getUint16(at + 26, true) +
        view.getUint16(at + 28, true) +
        view.getUint32(at + 18, true);
    }
  });

  it('is small and plain: at most 60 KB, one stylesheet that sets no font and no colour, no embedded font', () => {
    expect(bytes.length).toBeLessThanOrEqual(60 * 1024);
    const items = [...book.opf.querySelectorAll('manifest item')].map((i) =>
      i.getAttribute('media-type'),
    );
    expect(items.filter((t) => t === 'text/css')).toHaveLength(1);
    expect(items.filter((t) => /font/.test(t!))).toEqual([]);
    const css = new TextDecoder().decode(book.entries[`${book.root}book.css`]);
    expect(css).not.toMatch(/@font-face|font-family|(^|[\s;{])(color|background)\s*:/);
  });
});

describe('the page offers the book', () => {
  it.each([
    ['at /', distDir, '/'],
    ['under /chapter-14/', subDistDir, subBase],
  ])(
    '%s: an alternate link, a download link in the cite panel, llms.txt and its content type',
    (_, dir, base) => {
      const doc = chapterDocument(dir);
      const href = `${base}chapter-14.epub`;
      expect(fs.existsSync(path.join(dir, 'chapter-14.epub'))).toBe(true);
      expect(
        doc
          .querySelector('link[rel="alternate"][type="application/epub+zip"]')!
          .getAttribute('href'),
      ).toBe(href);
      const download = doc.querySelector(`.cite-chapter .other-forms a[href="${href}"]`)!;
      expect(download.textContent).toBe('EPUB 电子书');
      expect(download.hasAttribute('download')).toBe(true);
      expect(readDist('llms.txt', dir)).toContain(`](https://chapter14.example.org${href}): `);
      const rules = parseHeadersFile(readDist('_headers', dir));
      expect(rules.find((r) => r.pattern === href)?.headers.get('content-type')).toBe(
        'application/epub+zip',
      );
    },
  );
});
