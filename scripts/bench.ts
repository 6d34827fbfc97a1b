// npm run bench: clean builds of the site, then the chapter page as a first-time reader gets it
// (requests, bytes, JavaScript before any input, Lighthouse mobile and desktop), ending with one
// line per budget. With BENCH_PEER=<folder of another Astro site of the same chapter> (a
// Starlight site, say), that site is built and measured the same way, side by side. A
// benchmark, not a test: it prints numbers and never fails the suite.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { desktopConfig } from 'lighthouse';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const chromePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const runs = Number(process.env.BENCH_RUNS ?? 3);
const builds = Number(process.env.BENCH_BUILDS ?? 3);

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const gzip = (data: Buffer | string) => gzipSync(data, { level: 9 }).length;
const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - [...s].length));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const heading = (text: string) => console.log(`\n== ${text} ==`);

/** A site to measure: how to build it clean, and where its build lands. */
interface Site {
  name: string;
  build(): void;
  outDir: string;
  /** Its chapter page, relative to the site. */
  page: string;
}

// Our site, in an output folder of its own so a benchmark never overwrites a build being tested.
const outName = process.env.BENCH_OUT_DIR ?? 'dist-bench';
const ours: Site = {
  name: 'this site',
  outDir: path.join(root, outName),
  page: '',
  build() {
    fs.rmSync(this.outDir, { recursive: true, force: true });
    fs.rmSync(path.join(root, 'node_modules/.astro', outName.replace(/\W+/g, '_')), {
      recursive: true,
      force: true,
    });
    execFileSync(process.execPath, [path.join(root, 'node_modules/astro/bin/astro.mjs'), 'build'], {
      cwd: root,
      env: { ...process.env, OUT_DIR: outName },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  },
};

// A peer: any Astro project (its own node_modules) with the chapter as its one page, built as its README says.
const peerDir = process.env.BENCH_PEER ? path.resolve(process.env.BENCH_PEER) : undefined;
const peer: Site | undefined =
  peerDir === undefined
    ? undefined
    : {
        name: path.basename(peerDir),
        outDir: path.join(peerDir, 'dist'),
        page: process.env.BENCH_PEER_PAGE ?? '',
        build() {
          for (const cache of ['dist', '.astro', 'node_modules/.astro'])
            fs.rmSync(path.join(peerDir, cache), { recursive: true, force: true });
          execFileSync(
            process.execPath,
            [path.join(peerDir, 'node_modules/astro/bin/astro.mjs'), 'build'],
            {
              cwd: peerDir,
              stdio: ['ignore', 'ignore', 'inherit'],
            },
          );
        },
      };
const sites = [ours, ...(peer ? [peer] : [])];

// --- Clean builds --------------------------------------------------------------------------------
// Alternating, so a busy spell of this shared machine falls on both sites alike.
heading(`Clean builds (${builds} each${peer ? ', alternating' : ''})`);
const buildSeconds = new Map(sites.map((s) => [s.name, [] as number[]]));
for (let i = 0; i < builds; i++) {
  for (const site of sites) {
    const start = performance.now();
    site.build();
    buildSeconds.get(site.name)!.push((performance.now() - start) / 1000);
  }
}
for (const site of sites) {
  const times = buildSeconds.get(site.name)!;
  console.log(
    `${pad(site.name, 18)} ${times.map((t) => t.toFixed(2)).join(', ')} s (median ${median(times).toFixed(2)} s)`,
  );
}
const buildRatio = peer
  ? median(buildSeconds.get(ours.name)!) / median(buildSeconds.get(peer.name)!)
  : undefined;
if (buildRatio !== undefined)
  console.log(`ours / ${peer!.name}: median ratio ${buildRatio.toFixed(2)}`);

// --- Serve ---------------------------------------------------------------------------------------
// Served the way a static host serves it: compressed text, long-lived caching for hashed assets.
const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
};
async function serve(dir: string): Promise<{ url: string; close(): void }> {
  const server = http.createServer((req, res) => {
    let file = path.join(dir, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    if (!file.startsWith(dir)) file = dir;
    if (fs.existsSync(file) && fs.statSync(file).isDirectory())
      file = path.join(file, 'index.html');
    if (!fs.existsSync(file)) {
      res.statusCode = 404;
      res.end('Not found');
      return;
    }
    const type = types[path.extname(file)] ?? 'application/octet-stream';
    let body = fs.readFileSync(file);
    res.setHeader('Content-Type', type);
    res.setHeader(
      'Cache-Control',
      file.includes(`${path.sep}_astro${path.sep}`)
        ? 'public, max-age=31536000, immutable'
        : 'public, max-age=600',
    );
    if (
      /text|json|xml|svg|javascript/.test(type) &&
      /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))
    ) {
      body = gzipSync(body, { level: 9 });
      res.setHeader('Content-Encoding', 'gzip');
      res.setHeader('Vary', 'Accept-Encoding');
    }
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: () => server.close(),
  };
}

// --- Cold load in Chromium -----------------------------------------------------------------------
type Kind = 'HTML' | 'CSS' | 'JS' | 'fonts' | 'other';
function kindOf(resourceType: string, contentType: string): Kind {
  if (resourceType === 'document' || contentType.includes('text/html')) return 'HTML';
  if (resourceType === 'stylesheet' || contentType.includes('text/css')) return 'CSS';
  if (resourceType === 'script' || /javascript|wasm/.test(contentType)) return 'JS';
  if (resourceType === 'font' || /font/.test(contentType)) return 'fonts';
  return 'other';
}
/** A file the service worker fetched after the page had loaded. */
interface Kept {
  url: string;
  raw: number;
  gzip: number;
  /** Fetched after the load event: nothing a first-time reader waits for. */
  after: boolean;
}
interface ColdLoad {
  byKind: Map<Kind, { raw: number; gzip: number; count: number }>;
  /** What the service worker fetched to keep the site for offline reading, once the page had loaded. */
  kept: Kept[];
  firstLoad: number;
  jsBeforeInput: { raw: number; gzip: number; inline: number; files: number };
  renderBlocking: string[];
  elements: number;
}
async function coldLoad(url: string): Promise<ColdLoad> {
  const browser = await chromium.launch({
    executablePath: chromePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const pending: Promise<{ url: string; kind: Kind; raw: number; gzip: number } | null>[] = [];
  // The worker's own requests are the context's, not the page's: counted apart from the first load.
  const keeping: Promise<Kept | null>[] = [];
  let loadedAt = Infinity;
  context.on('requestfinished', (request) => {
    if (!request.serviceWorker()) return;
    const after = performance.now() >= loadedAt;
    keeping.push(
      request
        .response()
        .then((r) => r!.body())
        .then((body) => ({ url: request.url(), raw: body.length, gzip: gzip(body), after }))
        .catch(() => null),
    );
  });
  page.on('response', (response) => {
    pending.push(
      response
        .body()
        .then((body) => ({
          url: response.url(),
          kind: kindOf(response.request().resourceType(), response.headers()['content-type'] ?? ''),
          raw: body.length,
          gzip: gzip(body),
        }))
        .catch(() => null),
    );
  });
  await page.goto(url, { waitUntil: 'load' });
  loadedAt = performance.now();
  await page.waitForLoadState('networkidle');
  // Idle callbacks and lazy observers get their chance to fetch, still without any input.
  await page.waitForTimeout(2000);
  // The site is kept once the worker controls the page: all it fetched is in by then.
  await page.evaluate(async () => {
    if (!('serviceWorker' in navigator) || !(await navigator.serviceWorker.getRegistration()))
      return;
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller)
      await new Promise((done) =>
        navigator.serviceWorker.addEventListener('controllerchange', done),
      );
  });
  const loaded = (await Promise.all(pending)).filter((x) => x !== null);
  // Inline scripts run too; they travel inside the HTML but count as script executed.
  const inline = await page.evaluate(() => {
    const executable = (t: string) => t === '' || t === 'module' || /javascript/.test(t);
    const scripts = [...document.querySelectorAll('script')].filter((s) => executable(s.type));
    return {
      inline: scripts.filter((s) => !s.src).map((s) => s.textContent ?? ''),
      renderBlocking: scripts
        .filter(
          (s) => s.src && !s.async && !s.defer && s.type !== 'module' && s.closest('head') !== null,
        )
        .map((s) => s.src),
      elements: document.querySelectorAll('*').length,
    };
  });
  await browser.close();
  const byKind = new Map<Kind, { raw: number; gzip: number; count: number }>();
  for (const kind of ['HTML', 'CSS', 'JS', 'fonts', 'other'] as Kind[])
    byKind.set(kind, { raw: 0, gzip: 0, count: 0 });
  for (const r of loaded) {
    const k = byKind.get(r.kind)!;
    k.raw += r.raw;
    k.gzip += r.gzip;
    k.count += 1;
  }
  console.log(`${pad('type', 7)}${pad('requests', 10)}${pad('raw', 12)}gzip`);
  for (const [kind, k] of byKind)
    console.log(`${pad(kind, 7)}${pad(String(k.count), 10)}${pad(kb(k.raw), 12)}${kb(k.gzip)}`);
  for (const r of loaded)
    console.log(
      `  ${pad(r.kind, 6)} ${pad(kb(r.raw), 10)} ${pad(kb(r.gzip), 10)} ${r.url.replace(url, '/')}`,
    );
  const kept = (await Promise.all(keeping)).filter((x) => x !== null);
  const js = loaded.filter((r) => r.kind === 'JS');
  const inlineJs = inline.inline.join('\n');
  return {
    byKind,
    kept,
    firstLoad: ['HTML', 'CSS', 'JS'].reduce((s, k) => s + byKind.get(k as Kind)!.gzip, 0),
    jsBeforeInput: {
      raw: js.reduce((s, r) => s + r.raw, 0) + Buffer.byteLength(inlineJs),
      gzip: js.reduce((s, r) => s + r.gzip, 0) + (inlineJs ? gzip(inlineJs) : 0),
      inline: inline.inline.length,
      files: js.length,
    },
    renderBlocking: inline.renderBlocking,
    elements: inline.elements,
  };
}

/** What the service worker fetched after load, file by file, and in all. */
function printKept(kept: Kept[], url: string) {
  heading('after load, the service worker keeps for offline reading (fetched by the worker)');
  if (kept.length === 0) return console.log('nothing (no service worker registered)');
  for (const k of [...kept].sort((a, b) => b.raw - a.raw))
    console.log(`  ${pad(kb(k.raw), 10)} ${pad(kb(k.gzip), 10)} ${k.url.replace(url, '/')}`);
  const sum = (f: (k: Kept) => number) => kept.reduce((s, k) => s + f(k), 0);
  const before = kept.filter((k) => !k.after).length;
  console.log(
    `${kept.length} files, ${kb(sum((k) => k.raw))} raw, ${kb(sum((k) => k.gzip))} gzip (as served here); ${before} fetched before the load event`,
  );
}

// --- Lighthouse ----------------------------------------------------------------------------------
interface LhRun {
  scores: Record<string, number>;
  lcp: number;
  tbt: number;
  cls: number;
  benchmarkIndex: number;
  failing: string[];
}
async function runLighthouse(url: string, formFactor: 'mobile' | 'desktop'): Promise<LhRun> {
  const chrome = await chromeLauncher.launch({
    chromePath,
    chromeFlags: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--no-first-run',
      '--disable-background-networking',
    ],
  });
  try {
    const flags = {
      port: chrome.port,
      output: 'json' as const,
      logLevel: 'error' as const,
      onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
    };
    const lhr = (await lighthouse(
      url,
      flags,
      formFactor === 'desktop' ? desktopConfig : undefined,
    ))!.lhr;
    const failing = Object.values(lhr.categories).flatMap((c) =>
      c.auditRefs
        .filter((ref) => ref.weight > 0)
        .map((ref) => lhr.audits[ref.id])
        .filter(
          (a) =>
            a.score !== null &&
            a.score < 1 &&
            a.scoreDisplayMode !== 'informative' &&
            a.scoreDisplayMode !== 'notApplicable',
        )
        .map((a) => `${c.id}: ${a.id} (${a.displayValue ?? a.score})`),
    );
    return {
      scores: Object.fromEntries(
        Object.values(lhr.categories).map((c) => [c.id, Math.round((c.score ?? 0) * 100)]),
      ),
      lcp: lhr.audits['largest-contentful-paint'].numericValue ?? NaN,
      tbt: lhr.audits['total-blocking-time'].numericValue ?? NaN,
      cls: lhr.audits['cumulative-layout-shift'].numericValue ?? NaN,
      benchmarkIndex: lhr.environment.benchmarkIndex,
      failing,
    };
  } finally {
    chrome.kill();
  }
}

/** A reader who follows a link deep into the chapter: the page lays out everything above it first. */
const deepLink = '#' + encodeURIComponent(process.env.BENCH_DEEP_LINK ?? '1443-未来展望');

interface Measured {
  load: ColdLoad;
  mobile: LhRun[];
  /** Mobile, loaded at a heading in 14.4. */
  deep: LhRun[];
  desktop: LhRun[];
}
function printRuns(label: string, rs: LhRun[]) {
  console.log(
    `${pad(label, 8)} performance ${rs.map((r) => r.scores.performance).join(', ')}  |  TBT ${rs.map((r) => Math.round(r.tbt)).join(', ')} ms  |  LCP ${rs.map((r) => (r.lcp / 1000).toFixed(2)).join(', ')} s  |  CLS ${rs.map((r) => r.cls.toFixed(3)).join(', ')}`,
  );
  console.log(
    `${pad('', 8)} accessibility ${rs.map((r) => r.scores.accessibility).join(', ')}  best-practices ${rs.map((r) => r.scores['best-practices']).join(', ')}  SEO ${rs.map((r) => r.scores.seo).join(', ')}  (CPU benchmark index ${rs.map((r) => Math.round(r.benchmarkIndex)).join(', ')}; load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores)`,
  );
  for (const f of new Set(rs.flatMap((r) => r.failing)))
    console.log(`         below full marks in some run: ${f}`);
}
const measured = new Map<string, Measured>();
for (const site of sites) {
  const server = await serve(site.outDir);
  const url = server.url + site.page;
  heading(`${site.name}: cold load of the chapter page (Chromium, 1280 px, empty cache, no input)`);
  const load = await coldLoad(url);
  console.log(`elements: ${load.elements}`);
  console.log(
    `JS executed before any input: ${kb(load.jsBeforeInput.raw)} raw, ${kb(load.jsBeforeInput.gzip)} gzip (${load.jsBeforeInput.inline} inline script(s) + ${load.jsBeforeInput.files} file(s))`,
  );
  console.log(
    `render-blocking scripts: ${load.renderBlocking.length === 0 ? 'none' : load.renderBlocking.join(', ')}`,
  );
  console.log(`first load HTML + CSS + JS: ${kb(load.firstLoad)} gzip`);
  printKept(load.kept, url);

  heading(
    `${site.name}: Lighthouse 13 (Node API, Debian Chromium), ${runs} runs each: mobile, mobile at ${decodeURIComponent(deepLink)}, desktop`,
  );
  const cases = [
    ['mobile', url, 'mobile'],
    ['deep', url + deepLink, 'mobile'],
    ['desktop', url, 'desktop'],
  ] as const;
  const all: Record<'mobile' | 'deep' | 'desktop', LhRun[]> = { mobile: [], deep: [], desktop: [] };
  for (const [label, at, formFactor] of cases) {
    for (let i = 0; i < runs; i++) all[label].push(await runLighthouse(at, formFactor));
    printRuns(label, all[label]);
  }
  measured.set(site.name, { load, ...all });
  server.close();
}

// --- Search benchmark ----------------------------------------------------------------------------
const searchBench = path.join(root, 'scripts/bench-search.ts');
if (fs.existsSync(searchBench)) {
  heading('Search (scripts/bench-search.ts)');
  const r = spawnSync(process.execPath, [searchBench], {
    cwd: root,
    env: { ...process.env, DIST_DIR: outName },
    stdio: 'inherit',
  });
  if (r.status !== 0) console.log(`bench-search exited with ${r.status}`);
}

// --- Side by side --------------------------------------------------------------------------------
const us = measured.get(ours.name)!;
const them = peer && measured.get(peer.name)!;
if (them) {
  heading(`Side by side: ${ours.name} and ${peer!.name}`);
  const row = (figure: string, a: string, b: string) =>
    console.log(`${pad(figure, 44)}${pad(a, 24)}${b}`);
  row('figure', ours.name, peer!.name);
  row(
    'first load, HTML + CSS + JS gzip',
    `${kb(us.load.firstLoad)} (HTML ${kb(us.load.byKind.get('HTML')!.gzip)})`,
    `${kb(them.load.firstLoad)} (HTML ${kb(them.load.byKind.get('HTML')!.gzip)})`,
  );
  for (const [label, name] of [
    ['mobile', 'mobile'],
    ['deep', 'mobile, deep link'],
  ] as const) {
    row(
      `total blocking time, ${name}`,
      us[label].map((r) => Math.round(r.tbt)).join(', ') + ' ms',
      them[label].map((r) => Math.round(r.tbt)).join(', ') + ' ms',
    );
    row(
      `performance score, ${name}`,
      us[label].map((r) => r.scores.performance).join(', '),
      them[label].map((r) => r.scores.performance).join(', '),
    );
    row(
      `LCP, ${name}`,
      us[label].map((r) => (r.lcp / 1000).toFixed(2)).join(', ') + ' s',
      them[label].map((r) => (r.lcp / 1000).toFixed(2)).join(', ') + ' s',
    );
  }
  row(
    'clean build, median',
    `${median(buildSeconds.get(ours.name)!).toFixed(2)} s`,
    `${median(buildSeconds.get(peer!.name)!).toFixed(2)} s`,
  );
}

// --- Budgets -------------------------------------------------------------------------------------
heading('Budgets');
const medianRun = (rs: LhRun[]) =>
  [...rs].sort((a, b) => a.scores.performance - b.scores.performance || b.tbt - a.tbt)[
    Math.floor(rs.length / 2)
  ];
const m = medianRun(us.mobile).scores;
const firstLoadBudget = 29 * 1024;
const budgets: [string, boolean, string][] = [
  [
    `first load HTML + CSS + JS <= 29 KB gzip${them ? `, and at most half of ${peer!.name}'s` : ''}, no web fonts`,
    us.load.firstLoad <= firstLoadBudget &&
      (!them || us.load.firstLoad <= them.load.firstLoad / 2) &&
      us.load.byKind.get('fonts')!.count === 0,
    `${kb(us.load.firstLoad)}${them ? ` (${peer!.name} ${kb(them.load.firstLoad)})` : ''}, ${us.load.byKind.get('fonts')!.count} font file(s)`,
  ],
  ...(['mobile', 'deep'] as const).map((label): [string, boolean, string] => [
    `total blocking time, ${label === 'deep' ? `mobile at ${decodeURIComponent(deepLink)}` : 'mobile'}: 0 ms in the median run, at most 50 ms in any`,
    Math.round(median(us[label].map((r) => r.tbt))) === 0 &&
      us[label].every((r) => Math.round(r.tbt) <= 50),
    us[label].map((r) => `${Math.round(r.tbt)} ms`).join(', '),
  ]),
  [
    `performance score, mobile at ${decodeURIComponent(deepLink)}: 100 in every run`,
    us.deep.every((r) => r.scores.performance === 100),
    us.deep.map((r) => r.scores.performance).join(', '),
  ],
  [
    `LCP, mobile at ${decodeURIComponent(deepLink)}: <= 1.2 s in every run`,
    us.deep.every((r) => r.lcp <= 1200),
    us.deep.map((r) => `${(r.lcp / 1000).toFixed(2)} s`).join(', '),
  ],
  [
    'performance score, mobile: 100 in every run',
    us.mobile.every((r) => r.scores.performance === 100),
    us.mobile.map((r) => r.scores.performance).join(', '),
  ],
  [
    `LCP, mobile: <= 1.2 s in every run${them ? `, ahead of ${peer!.name}'s median` : ''}`,
    us.mobile.every((r) => r.lcp <= 1200) &&
      (!them || Math.max(...us.mobile.map((r) => r.lcp)) <= median(them.mobile.map((r) => r.lcp))),
    us.mobile.map((r) => `${(r.lcp / 1000).toFixed(2)} s`).join(', ') +
      (them
        ? ` (${peer!.name} median ${(median(them.mobile.map((r) => r.lcp)) / 1000).toFixed(2)} s)`
        : ''),
  ],
  [
    'Lighthouse mobile accessibility, best practices, SEO 100 (median run)',
    [m.accessibility, m['best-practices'], m.seo].every((s) => s === 100),
    `${m.accessibility}/${m['best-practices']}/${m.seo}`,
  ],
  [
    'JS before any interaction <= 4 KB gzip, none render-blocking',
    us.load.jsBeforeInput.gzip <= 4096 && us.load.renderBlocking.length === 0,
    `${kb(us.load.jsBeforeInput.gzip)}, ${us.load.renderBlocking.length} render-blocking`,
  ],
  [
    `clean build no slower than ${peer ? peer.name : 'a peer (set BENCH_PEER to measure one)'}: median ratio <= 1.0`,
    buildRatio !== undefined && buildRatio <= 1,
    buildRatio !== undefined
      ? `${buildRatio.toFixed(2)} (${median(buildSeconds.get(ours.name)!).toFixed(2)} s / ${median(buildSeconds.get(peer!.name)!).toFixed(2)} s)`
      : `${median(buildSeconds.get(ours.name)!).toFixed(2)} s, no peer measured`,
  ],
];
for (const [name, met, figure] of budgets)
  console.log(`${met ? 'met   ' : 'missed'} ${name}: ${figure}`);
fs.rmSync(ours.outDir, { recursive: true, force: true });
