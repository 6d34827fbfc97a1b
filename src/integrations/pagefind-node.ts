import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PagefindApi } from '../lib/search/engine.ts';

/**
 * Pagefind's own browser bundle (`pagefind/pagefind.js`, its WASM and index) loaded in Node, so
 * the build (and the tests) can search a fresh index the way the page will. Pagefind fetches
 * its files from `basePath`; Node's fetch has no file: scheme, so until `release` is called,
 * file: URLs under the bundle are read from disk. `release` restores fetch.
 */
export async function loadPagefindBundle(bundleDir: string): Promise<{ pagefind: PagefindApi; release: () => Promise<void> }> {
  const base = pathToFileURL(bundleDir).href + '/';
  const original = globalThis.fetch;
  globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!url.startsWith(base)) return original(input, init);
    const type = url.endsWith('.json') ? 'application/json' : url.endsWith('.wasm') ? 'application/wasm' : 'application/octet-stream';
    return new Response(fs.readFileSync(new URL(url)), { status: 200, headers: { 'Content-Type': type } });
  }) as typeof fetch;
  try {
    // A query string per load: a second bundle in the same process must not get the first one's module.
    const pagefind = await import(/* @vite-ignore */ `${pathToFileURL(path.join(bundleDir, 'pagefind.js')).href}?load=${Date.now()}`);
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

/** Runs `use` with the bundle loaded, and releases it afterwards. */
export async function withPagefindBundle<T>(bundleDir: string, use: (pagefind: PagefindApi) => Promise<T>): Promise<T> {
  const { pagefind, release } = await loadPagefindBundle(bundleDir);
  try {
    return await use(pagefind);
  } finally {
    await release();
  }
}
