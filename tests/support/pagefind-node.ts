import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PagefindApi } from '../../src/lib/search/engine.ts';
import type { SectionText } from '../../src/lib/search/sections.ts';

/**
 * Pagefind's own browser bundle (`pagefind/pagefind.js`, its WASM and index) loaded in Node, so
 * the tests and the search benchmark can search a built index the way the page does. Pagefind fetches
 * its files from `basePath`; Node's fetch has no file: scheme, so until `release` is called,
 * file: URLs under the bundle are read from disk. `release` restores fetch.
 */
export async function loadPagefindBundle(
  bundleDir: string,
): Promise<{ pagefind: PagefindApi; release: () => Promise<void> }> {
  const base = pathToFileURL(bundleDir).href + '/';
  const original = globalThis.fetch;
  globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!url.startsWith(base)) return original(input, init);
    const type = url.endsWith('.json')
      ? 'application/json'
      : url.endsWith('.wasm')
        ? 'application/wasm'
        : 'application/octet-stream';
    return new Response(fs.readFileSync(new URL(url)), {
      status: 200,
      headers: { 'Content-Type': type },
    });
  }) as typeof fetch;
  try {
    // A query string per load: a second bundle in the same process must not get the first one's module.
    const pagefind = await import(
      /* @vite-ignore */ `${pathToFileURL(path.join(bundleDir, 'pagefind.js')).href}?load=${Date.now()}`
    );
    await pagefind.options({ basePath: base, noWorker: true });
    await pagefind.init();
    const release = async () => {
      await pagefind.destroy?.();
      globalThis.fetch = original;
    };
    return { pagefind: pagefind as PagefindApi, release };
  } catch (error) {
    globalThis.fetch = original;
    throw error;
  }
}

/** The real Pagefind JS API over the real built index, running in Node, with the sections' texts written beside it. */
export async function loadPagefind(
  distDir: string,
): Promise<{ pagefind: PagefindApi; sections: SectionText[]; release: () => Promise<void> }> {
  const bundle = path.join(distDir, 'pagefind');
  const { pagefind, release } = await loadPagefindBundle(bundle);
  const sections = JSON.parse(
    fs.readFileSync(path.join(bundle, 'chapter-sections.json'), 'utf8'),
  ) as SectionText[];
  return { pagefind, sections, release };
}
