/**
 * What the service worker keeps for reading offline, as Workbox's `generateSW` options: every file
 * the site publishes for a reader, found by pattern in what the build wrote (never a list kept by
 * hand), and nothing else (Pagefind's unused UIs, the host's `_headers`, the sitemap).
 */
export const PRECACHED = [
  // The chapter's page and the term index's page.
  '**/*.html',
  // Their styles and scripts, those loaded on first use included (all hashed by Vite).
  '_astro/**/*.{js,css}',
  'favicon.svg',
  // The chapter's Markdown (copy as Markdown) and the index for language models.
  '*.md',
  'llms.txt',
  // The chapter as an e-book, so a reader can still take the book along when the network is gone.
  '*.epub',
  // Search: Pagefind's script, worker, WebAssembly and index, and the texts written beside it.
  'pagefind/pagefind.js',
  'pagefind/pagefind-worker.js',
  'pagefind/pagefind-entry.json',
  'pagefind/*.pf_meta',
  'pagefind/wasm.*.pagefind',
  'pagefind/{index,fragment,filter}/*',
  'pagefind/chapter-*.json',
];

/** The figure data, kept beside the rest where the chapter has figures (a chapter may have none). */
export const FIGURE_DATA = 'data/*.{json,csv}';

/** The file the worker is written to, under the site's base; the page registers it from there. */
export const WORKER_FILE = 'sw.js';

/** Whether a build keeps the site for offline reading: on unless `SERVICE_WORKER=off`. */
export function offlineWorkerEnabled(value: string | undefined): boolean {
  if (value === undefined || value === '' || value === 'on') return true;
  if (value === 'off') return false;
  throw new Error(`SERVICE_WORKER must be "on" or "off", not "${value}"`);
}

/** Which files of a build in `outDir`, served under `base`, the worker keeps, and under what URLs. */
export function manifestOptions(outDir: string, base: string, { figureData = true } = {}) {
  return {
    globDirectory: outDir,
    // Every pattern must match: Workbox warns of one that does not, and the build stops on it.
    globPatterns: figureData ? [...PRECACHED, FIGURE_DATA] : PRECACHED,
    // Entries are relative to the build; the site is served under its base.
    modifyURLPrefix: { '': base },
    // Vite's file names carry their content's hash already: no revision needed to tell versions.
    dontCacheBustURLsMatching: /\/_astro\//,
    maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
  };
}

/** Workbox `generateSW` options for a build in `outDir` served under `base`. */
export function workerOptions(outDir: string, base: string, kept: { figureData?: boolean } = {}) {
  return {
    ...manifestOptions(outDir, base, kept),
    swDest: `${outDir}/${WORKER_FILE}`,
    // A new build takes over at once, whole: it is installed only once every file of it is
    // cached, and every later load is served from it (see docs/architecture.md).
    skipWaiting: true,
    clientsClaim: true,
    cleanupOutdatedCaches: true,
    // `/` and `terms/` are their index.html; Pagefind asks for its entry with `?ts=<now>`.
    directoryIndex: 'index.html',
    ignoreURLParametersMatching: [/^ts$/, /^utm_/, /^fbclid$/],
    // One file, no importScripts of a runtime beside it; minified, without a source map.
    inlineWorkboxRuntime: true,
    mode: 'production',
    sourcemap: false,
  };
}
