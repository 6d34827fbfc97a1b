// Search benchmark (run by npm run bench, or alone with npm run bench:search after a build):
// what search downloads, and the time from a keystroke to rendered results, cold and warm, in
// Chromium. Prints figures; never fails.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { serveDist } from '../tests/support/server.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, process.env.DIST_DIR ?? 'dist');
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

function dirBytes(dir: string): { raw: number; gzip: number; files: number } {
  let raw = 0;
  let gzip = 0;
  let files = 0;
  for (const entry of fs.readdirSync(dir, { recursive: true }) as string[]) {
    const file = path.join(dir, entry);
    if (!fs.statSync(file).isFile()) continue;
    const data = fs.readFileSync(file);
    raw += data.length;
    gzip += gzipSync(data).length;
    files++;
  }
  return { raw, gzip, files };
}

const all = dirBytes(path.join(dist, 'pagefind'));
console.log(`index on disk (${all.files} files, incl. Pagefind's unused UI bundles): ${kb(all.raw)} raw, ${kb(all.gzip)} gzip`);

const server = await serveDist(dist);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
const fetched = new Map<string, number>();
page.on('response', async (r) => {
  const url = r.url();
  if (!/pagefind|dialog\./.test(url)) return;
  try {
    fetched.set(url, (await r.body()).length);
  } catch {
    /* redirects and aborted responses carry no body */
  }
});
await page.goto(server.url, { waitUntil: 'networkidle' });

/** Types a query into the open dialog and returns ms until the result count is rendered. */
const timeQuery = (query: string) =>
  page.evaluate(
    (q) =>
      new Promise<number>((resolve) => {
        const input = document.getElementById('search-input') as HTMLInputElement;
        const status = document.querySelector('.search-dialog [role="status"]')!;
        const start = performance.now();
        const observer = new MutationObserver(() => {
          if (status.textContent?.includes(`“${q}”`)) {
            observer.disconnect();
            requestAnimationFrame(() => resolve(performance.now() - start));
          }
        });
        observer.observe(status, { childList: true, characterData: true, subtree: true });
        input.value = q;
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }),
    query,
  );

await page.keyboard.press('Control+k');
await page.waitForSelector('#search-input');
const cold = await timeQuery('推测解码');
const terms = ['量化', 'TensorRT', 'PagedAttention', '联邦推理', 'W4A16', 'KV-Cache', '显存带宽', '1.58-bit', 'MLPerf', '动态批处理', '存算一体'];
const warm: number[] = [];
for (const t of terms) warm.push(await timeQuery(t));
warm.sort((a, b) => a - b);
const median = warm[Math.floor(warm.length / 2)];

let raw = 0;
for (const bytes of fetched.values()) raw += bytes;
console.log(`fetched on first search (${fetched.size} files: dialog, Pagefind JS, WASM, index, section texts): ${kb(raw)} (uncompressed bodies)`);
console.log(`keystroke → rendered results, cold (first query, loads the engine): ${cold.toFixed(0)} ms`);
console.log(`keystroke → rendered results, warm (median of ${warm.length} queries): ${median.toFixed(0)} ms (min ${warm[0].toFixed(0)}, max ${warm.at(-1)!.toFixed(0)})`);
console.log('(both include the 120 ms input debounce that waits for the reader to stop typing)');

await browser.close();
await server.close();
