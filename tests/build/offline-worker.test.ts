import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { distDir, subBase, subDistDir } from '../support/paths.ts';

/** Every file below `dir`, relative to it. */
function filesIn(dir: string, sub = ''): string[] {
  return fs.readdirSync(path.join(dir, sub), { withFileTypes: true }).flatMap((entry) => {
    const rel = path.posix.join(sub, entry.name);
    return entry.isDirectory() ? filesIn(dir, rel) : [rel];
  });
}

describe.each([
  { dir: distDir, base: '/' },
  { dir: subDistDir, base: subBase },
])('the service worker of the build under $base', ({ dir, base }) => {
  const worker = fs.readFileSync(path.join(dir, 'sw.js'), 'utf8');
  // Workbox writes its precache list into the worker as `{url:"…",revision:…}` entries.
  const kept = [...worker.matchAll(/\burl:"([^"]+)"/g)].map((m) => m[1]);
  const files = filesIn(dir);

  it('keeps every file a reader uses, each under the base and each a file of this build', () => {
    const used = files.filter((f) =>
      /^(index\.html|terms\/index\.html|favicon\.svg|_astro\/.*|chapter-14\.(md|epub)|llms\.txt|data\/.*|pagefind\/(pagefind\.js|pagefind-worker\.js|pagefind-entry\.json|.*\.pf_meta|wasm\..*|(index|fragment)\/.*|chapter-.*\.json))$/.test(
        f,
      ),
    );
    expect(used.length).toBeGreaterThan(30);
    expect(kept.filter((u) => !u.startsWith(base))).toEqual([]);
    expect(kept.map((u) => u.slice(base.length)).sort()).toEqual(used.sort());
  });

  it('keeps what only a host or another program reads out of it', () => {
    for (const file of ['_headers', 'robots.txt', 'sitemap-index.xml', 'sw.js'])
      expect(kept).not.toContain(base + file);
  });

  it('takes over at once once a new build is whole in the cache, and serves the pages by their addresses', () => {
    expect(worker).toContain('self.skipWaiting()');
    expect(worker).toContain('self.clients.claim()');
    expect(worker).toMatch(/directoryIndex:"index\.html"/);
    // No timestamp: two builds of one commit write the same worker (tests/gates/reproducible.test.ts).
    expect(worker).not.toMatch(/20\d\d-\d\d-\d\dT/);
  });
});
