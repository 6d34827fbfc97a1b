import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { epubContainer } from '../../src/lib/epub/container.ts';
import { bookEntries, bookPath, epubcheck, metadata, openBook } from '../support/epub.ts';
import { distDir, subDistDir } from '../support/paths.ts';

const made: string[] = [];
afterAll(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

/** The built book with one of its files changed, written where epubcheck can read it. */
function alteredBook(file: string, change: (text: string) => string): string {
  const entries = bookEntries();
  const before = new TextDecoder().decode(entries[file]);
  const after = change(before);
  expect(after, `the change to ${file} changes it`).not.toBe(before);
  const { opf } = openBook(entries);
  const files = Object.entries(entries)
    .filter(([name]) => name !== 'mimetype')
    .map(([name, data]) => ({ path: name, data: name === file ? after : data }));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'broken-book-'));
  made.push(dir);
  const out = path.join(dir, 'broken.epub');
  fs.writeFileSync(out, epubContainer(files, metadata(opf, 'dcterms:modified')[0]));
  return out;
}

// One run of the jar takes 10 to 30 s on this machine's two cores when browser tests share them.
const timeout = 150_000;

describe('epubcheck', () => {
  it.each([
    ['at /', distDir],
    ['under /chapter-14/', subDistDir],
  ])(
    'finds no error and no warning in the book built %s',
    async (_, dir) => {
      const { code, output } = await epubcheck(bookPath(dir));
      expect(output).toContain('No errors or warnings detected.');
      expect(output).toMatch(/Messages: 0 fatals \/ 0 errors \/ 0 warnings \/ 0 infos/);
      expect(code).toBe(0);
    },
    timeout,
  );

  it(
    'fails a book whose 目录 links to an id no page has, naming the link',
    async () => {
      const broken = alteredBook('EPUB/nav.xhtml', (text) =>
        text.replace('01-summary.xhtml#141-技术发展总结', '01-summary.xhtml#141-no-such-section'),
      );
      const { code, output } = await epubcheck(broken);
      expect(code).not.toBe(0);
      expect(output).toMatch(/ERROR\(RSC-012\): .*nav\.xhtml.*Fragment identifier is not defined/);
    },
    timeout,
  );

  it(
    'fails a book without the date of its last change, which EPUB requires',
    async () => {
      const broken = alteredBook('EPUB/package.opf', (text) =>
        text.replace(/<meta property="dcterms:modified">[^<]*<\/meta>/, ''),
      );
      const { code, output } = await epubcheck(broken);
      expect(code).not.toBe(0);
      expect(output).toMatch(/ERROR\(RSC-005\): .*package\.opf.*dcterms:modified/);
    },
    timeout,
  );
});
