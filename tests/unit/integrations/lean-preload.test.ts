import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { build } from 'vite';
import { leanPreload } from '../../../src/integrations/lean-preload.ts';

// A page script that loads one script on first use, as the chapter's does, built by Vite with
// and without the plugin. `lazyImports` is what the lazily loaded script itself imports.
function buildPage(lazyImports: string, withPlugin: boolean) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'lean-preload-'));
  fs.writeFileSync(
    path.join(root, 'page.js'),
    "document.addEventListener('click', () => import('./lazy.js').then((m) => m.run()));\n",
  );
  fs.writeFileSync(path.join(root, 'lazy.js'), `${lazyImports}\nexport const run = () => 1;\n`);
  fs.writeFileSync(path.join(root, 'lazy.css'), 'p { color: red }\n');
  const done = build({
    root,
    logLevel: 'silent',
    configFile: false,
    plugins: withPlugin ? [leanPreload()] : [],
    build: {
      outDir: 'out',
      modulePreload: false,
      rollupOptions: { input: path.join(root, 'page.js'), preserveEntrySignatures: 'strict' },
    },
  });
  return { root, done };
}

const roots: string[] = [];
afterAll(() => roots.forEach((root) => fs.rmSync(root, { recursive: true, force: true })));

function pageScript(root: string): string {
  const dir = path.join(root, 'out', 'assets');
  const entry = fs.readdirSync(dir).find((f) => f.startsWith('page') && f.endsWith('.js'))!;
  return fs.readFileSync(path.join(dir, entry), 'utf8');
}

describe('the page script without a preload helper', () => {
  it('loads a script on first use with a bare import, where Vite alone ships its helper', async () => {
    const plain = buildPage('', false);
    const lean = buildPage('', true);
    roots.push(plain.root, lean.root);
    await Promise.all([plain.done, lean.done]);
    // Vite's helper looks for a CSP nonce and writes <link rel=modulepreload> elements.
    expect(pageScript(plain.root)).toContain('modulepreload');
    const script = pageScript(lean.root);
    expect(script).not.toContain('modulepreload');
    expect(script).not.toContain('csp-nonce');
    expect(script).toMatch(/import\(["'`]\.\/lazy-[\w-]+\.js["'`]\)/);
    expect(script.length).toBeLessThan(pageScript(plain.root).length - 1000);
  });

  it('stops the build, naming the chunk, when a script loaded on first use has CSS to preload', async () => {
    const page = buildPage("import './lazy.css';", true);
    roots.push(page.root);
    await expect(page.done).rejects.toThrow(
      /page-[\w-]+\.js loads a script on first use that has its own imports or CSS to preload/,
    );
  });
});
