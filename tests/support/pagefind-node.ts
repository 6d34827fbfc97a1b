import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PagefindApi } from '../../src/lib/search/engine.ts';
import type { SectionText } from '../../src/lib/search/sections.ts';

let fetchPatched = false;

/** Node's fetch has no file: scheme; Pagefind's own loader fetches its index and WASM with it. */
function allowFileFetch() {
  if (fetchPatched) return;
  fetchPatched = true;
  const original = globalThis.fetch;
  globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (url.startsWith('file:')) {
      const file = new URL(url);
      return new Response(fs.readFileSync(file), { status: 200, headers: { 'Content-Type': url.endsWith('.json') ? 'application/json' : 'application/octet-stream' } });
    }
    return original(input, init);
  }) as typeof fetch;
}

/** The real Pagefind JS API over the real built index, running in Node. */
export async function loadPagefind(distDir: string): Promise<{ pagefind: PagefindApi & { destroy(): Promise<void> }; sections: SectionText[] }> {
  allowFileFetch();
  const bundle = path.join(distDir, 'pagefind');
  const pagefind = await import(/* @vite-ignore */ pathToFileURL(path.join(bundle, 'pagefind.js')).href + `?dist=${encodeURIComponent(distDir)}`);
  await pagefind.options({ basePath: pathToFileURL(bundle).href + '/', noWorker: true });
  await pagefind.init();
  const sections = JSON.parse(fs.readFileSync(path.join(bundle, 'chapter-sections.json'), 'utf8')) as SectionText[];
  return { pagefind, sections };
}
