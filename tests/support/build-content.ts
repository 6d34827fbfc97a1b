import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { root } from './paths.ts';

/** A real `astro build` of a content folder, as an author would run it, into `outDir` (a new temporary folder by default). */
export function buildContent(content: string, outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'chapter-build-'))) {
  const result = spawnSync(process.execPath, [path.join(root, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd: root,
    env: { ...process.env, CONTENT_DIR: content, OUT_DIR: outDir, NO_COLOR: '1', FORCE_COLOR: '0' },
    encoding: 'utf8',
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}`, outDir, read: (file: string) => fs.readFileSync(path.join(outDir, file), 'utf8') };
}
