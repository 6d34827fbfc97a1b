import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { getManifest } from 'workbox-build';
import { afterAll, describe, expect, it } from 'vitest';
import { manifestOptions, offlineWorkerEnabled } from '../../../src/lib/offline-worker.ts';

describe('SERVICE_WORKER', () => {
  it('is on unless set to off', () => {
    for (const value of [undefined, '', 'on']) expect(offlineWorkerEnabled(value)).toBe(true);
    expect(offlineWorkerEnabled('off')).toBe(false);
  });
  it('names itself and the values it takes when set to anything else', () => {
    expect(() => offlineWorkerEnabled('false')).toThrow(
      'SERVICE_WORKER must be "on" or "off", not "false"',
    );
  });
});

describe('what the worker keeps', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'offline-manifest-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  // A build in miniature: what a reader uses, and what the host or other tools read.
  const kept = [
    'index.html',
    'terms/index.html',
    '_astro/page.Ab12.js',
    '_astro/dialog.Cd34.js',
    '_astro/index.Ef56.css',
    'favicon.svg',
    'chapter-14.md',
    'chapter-14.epub',
    'data/maturity.json',
    'data/maturity.csv',
    'llms.txt',
    'pagefind/pagefind.js',
    'pagefind/pagefind-worker.js',
    'pagefind/pagefind-entry.json',
    'pagefind/pagefind.zh-cn_4048a.pf_meta',
    'pagefind/wasm.unknown.pagefind',
    'pagefind/index/zh-cn_c01a.pf_index',
    'pagefind/fragment/zh-cn_6a82.pf_fragment',
    'pagefind/chapter-sections.json',
    'pagefind/chapter-glossary.json',
  ];
  const left = [
    '_headers',
    'robots.txt',
    'sitemap-0.xml',
    'sitemap-index.xml',
    'sw.js',
    'pagefind/pagefind-ui.js',
    'pagefind/pagefind-ui.css',
    'pagefind/pagefind-component-ui.js',
    'pagefind/pagefind-modular-ui.js',
    'pagefind/pagefind-highlight.js',
  ];
  for (const file of [...kept, ...left]) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), file);
  }

  it('every page, script, style, search file and derived form, under the base; nothing else', async () => {
    const { manifestEntries } = await getManifest(manifestOptions(dir, '/chapter-14/'));
    expect(manifestEntries!.map((e) => e.url).sort()).toEqual(
      kept.map((f) => `/chapter-14/${f}`).sort(),
    );
  });

  it('hashed scripts and styles are kept under their names; other files carry a revision of their content', async () => {
    const { manifestEntries } = await getManifest(manifestOptions(dir, '/'));
    const byUrl = new Map(manifestEntries!.map((e) => [e.url, e.revision]));
    expect(byUrl.get('/_astro/dialog.Cd34.js')).toBeNull();
    expect(byUrl.get('/index.html')).toMatch(/^[0-9a-f]{32}$/);
    expect(byUrl.get('/chapter-14.md')).not.toBe(byUrl.get('/llms.txt'));
  });
});

describe('what the worker keeps of a chapter without figures', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'offline-manifest-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  for (const file of ['index.html', 'chapter-14.md', 'llms.txt'])
    fs.writeFileSync(path.join(dir, file), file);

  it('asks for no figure data, so Workbox finds every pattern it is given matched or says which is not', async () => {
    const asIfFigures = await getManifest(manifestOptions(dir, '/'));
    expect(asIfFigures.warnings.join(' ')).toContain('data/*.{json,csv}');
    const { manifestEntries, warnings } = await getManifest(
      manifestOptions(dir, '/', { figureData: false }),
    );
    expect(warnings.filter((w) => w.includes('data/'))).toEqual([]);
    expect(manifestEntries!.map((e) => e.url).sort()).toEqual([
      '/chapter-14.md',
      '/index.html',
      '/llms.txt',
    ]);
  });
});
