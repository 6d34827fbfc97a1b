import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PagefindApi } from '../lib/search/engine.ts';

/**
 * Pagefind's own browser bundle (`pagefind/pagefind.js`, its WASM and index) loaded in Node, so
 * the build can search its fresh index the way the page will. Pagefind fetches its files from
 * `basePath`; Node's fetch has no file: scheme, so for as long as `use` runs, file: URLs under
 * the bundle are read from disk. Fetch is restored afterwards.
 */
export async function withPagefindBundle<T>(bundleDir: string, use: (pagefind: PagefindApi) => Promise<T>): Promise<T> {
  const base = pathToFileURL(bundleDir).href + '/';
  const original = globalThis.fetch;
  globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!url.startsWith(base)) return original(input, init);
    const type = url.endsWith('.json') ? 'application/json' : url.endsWith('.wasm') ? 'application/wasm' : 'application/octet-stream';
    return new Response(fs.readFileSync(new URL(url)), { status: 200, headers: { 'Content-Type': type } });
  }) as typeof fetch;
  try {
    // A query string per bundle: a second build in the same process must not get the first one's module.
    const pagefind = await import(/* @vite-ignore */ `${pathToFileURL(path.join(bundleDir, 'pagefind.js')).href}?build=${Date.now()}`);
    await pagefind.options({ basePath: base, noWorker: true });
    await pagefind.init();
    try {
      return await use(pagefind as PagefindApi);
    } finally {
      await pagefind.destroy?.();
    }
  } finally {
    globalThis.fetch = original;
  }
}
