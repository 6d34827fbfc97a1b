import { describe, expect, it } from 'vitest';
import {
  buildHeadersFile,
  headerPolicy,
  parseCsp,
  servedPaths,
} from '../../../src/lib/security-headers.ts';

const meta =
  "default-src 'self';img-src 'self' data:; script-src 'self' 'sha256-abc=';style-src 'self'";

describe('header policy', () => {
  it('keeps every directive and source of the meta policy and adds frame-ancestors', () => {
    const header = parseCsp(headerPolicy(meta));
    expect(header.get('script-src')).toEqual(["'self'", "'sha256-abc='"]);
    expect(header.get('img-src')).toEqual(["'self'", 'data:']);
    expect(header.get('frame-ancestors')).toEqual(["'none'"]);
    expect([...header.keys()]).toEqual([
      'default-src',
      'img-src',
      'script-src',
      'style-src',
      'frame-ancestors',
    ]);
  });

  it('lets the first of two same-named directives win, as browsers do', () => {
    expect(parseCsp("script-src 'self'; script-src *").get('script-src')).toEqual(["'self'"]);
  });
});

describe('_headers file', () => {
  it('serves an index page at its directory and its file path under the base', () => {
    expect(servedPaths('/chapter-14/', 'index.html')).toEqual([
      '/chapter-14/',
      '/chapter-14/index.html',
    ]);
    expect(servedPaths('/', 'a/index.html')).toEqual(['/a/', '/a/index.html']);
    expect(servedPaths('/', '404.html')).toEqual(['/404.html']);
  });

  it('gives every path the site-wide headers and each page only its own policy', () => {
    const file = buildHeadersFile('/chapter-14/', [{ paths: ['/chapter-14/'], metaPolicy: meta }]);
    const lines = file.trimEnd().split('\n');
    expect(lines[0]).toBe('/chapter-14/*');
    expect(file).toContain('  X-Content-Type-Options: nosniff');
    expect(file).toMatch(/Strict-Transport-Security: max-age=\d+/);
    expect(lines.at(-2)).toBe('/chapter-14/');
    expect(lines.at(-1)).toBe(`  Content-Security-Policy: ${headerPolicy(meta)}`);
    expect(file.match(/Content-Security-Policy/g)).toHaveLength(1);
  });

  it('gives a text file its type with UTF-8 and a binary file (the EPUB) its type alone', () => {
    const file = buildHeadersFile(
      '/',
      [],
      [
        { path: 'chapter-14.epub', type: 'application/epub+zip' },
        { path: 'chapter-14.md', type: 'text/markdown' },
      ],
    );
    expect(file).toContain('/chapter-14.epub\n  Content-Type: application/epub+zip\n');
    expect(file).toContain('/chapter-14.md\n  Content-Type: text/markdown; charset=utf-8\n');
  });
});
