import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { withBuildLockAsync } from '../support/build-content.ts';
import { root } from '../support/paths.ts';

const run = promisify(execFile);
const astroBin = path.join(root, 'node_modules/.bin/astro');
const made: string[] = [];

/** Every file of a build as relative path → sha256. */
function fingerprint(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (sub: string) => {
    for (const entry of fs.readdirSync(path.join(dir, sub), { withFileTypes: true })) {
      const rel = path.posix.join(sub, entry.name);
      if (entry.isDirectory()) walk(rel);
      else
        out.set(
          rel,
          createHash('sha256')
            .update(fs.readFileSync(path.join(dir, rel)))
            .digest('hex'),
        );
    }
  };
  walk('');
  return out;
}

/** A clean build into a fresh temporary directory, with a cache of its own that starts empty. */
async function cleanBuild(zone = 'UTC'): Promise<string> {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'chapter-build-'));
  made.push(outDir, path.join(root, 'node_modules/.astro', outDir.replace(/\W+/g, '_')));
  fs.rmSync(made.at(-1)!, { recursive: true, force: true });
  await withBuildLockAsync(() =>
    run(process.execPath, [astroBin, 'build'], {
      cwd: root,
      env: { ...process.env, OUT_DIR: outDir, BASE_PATH: '/', NODE_ENV: 'production', TZ: zone },
      maxBuffer: 64 * 1024 * 1024,
    }),
  );
  return outDir;
}

afterAll(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

describe('reproducible builds', () => {
  it('two clean builds, on machines in different time zones, produce byte-identical output, file for file, the e-book included', async () => {
    const first = fingerprint(await cleanBuild('Asia/Shanghai'));
    const second = fingerprint(await cleanBuild('America/New_York'));
    // A zip dates its entries in local time: the book's must not follow the machine's zone.
    expect(first.get('chapter-14.epub')).toBeDefined();
    expect(second.get('chapter-14.epub')).toBe(first.get('chapter-14.epub'));
    expect(first.size).toBeGreaterThan(3);
    expect([...second.keys()].sort()).toEqual([...first.keys()].sort());
    const differing = [...first]
      .filter(([file, hash]) => second.get(file) !== hash)
      .map(([file]) => file);
    expect(differing).toEqual([]);
  }, 300_000);
});
