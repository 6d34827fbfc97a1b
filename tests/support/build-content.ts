import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { root } from './paths.ts';

/** Folders the fixture builds make (content copies, outputs and the caches named after them). */
const made: string[] = [];

/** A new temporary folder, removed by `removeBuilds`. */
export function tempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** Removes every folder the builds of this test file made (call it in afterAll). */
export function removeBuilds() {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

/*
 * Builds of different content folders no longer share anything that differs between them: the
 * model is read from each build's own folder, and all they have in common is the generated types
 * in .astro/, which every build writes the same (two built at once came out as two built in
 * turn). They still take turns, because on this machine's two cores two builds at once took
 * longer than the two in turn (24 s against 18 s), beside browser tests that time their steps.
 */
const lockFile = path.join(root, 'node_modules/.astro/test-build.lock');
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
const pause = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

function tryLock(): boolean {
  fs.mkdirSync(path.dirname(lockFile), { recursive: true });
  try {
    fs.writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    // A lock left by a test process that has died is free.
    const holder = Number(fs.readFileSync(lockFile, 'utf8'));
    if (holder && holder !== process.pid && !alive(holder)) fs.rmSync(lockFile, { force: true });
    return false;
  }
}
const unlock = () => fs.rmSync(lockFile, { force: true });

/** Runs a build (given as a function) while no other test build runs. */
export function withBuildLock<T>(build: () => T): T {
  while (!tryLock()) pause(100);
  try {
    return build();
  } finally {
    unlock();
  }
}

/** The same, for a build that runs asynchronously. */
export async function withBuildLockAsync<T>(build: () => Promise<T>): Promise<T> {
  while (!tryLock()) await new Promise((done) => setTimeout(done, 100));
  try {
    return await build();
  } finally {
    unlock();
  }
}

/**
 * A real `astro build` of a content folder, as an author would run it, into `outDir` (a new
 * temporary folder by default), with `env` added to the environment (a deploy's settings).
 */
export function buildContent(
  content: string,
  outDir = tempDir('chapter-build-'),
  env: Record<string, string> = {},
) {
  made.push(path.join(root, 'node_modules/.astro', outDir.replace(/\W+/g, '_')));
  // The site comes from the content's facts file, as in an author's build; and Vitest's
  // NODE_ENV=test would make it a build that is not for production (no service worker).
  const { SITE_URL: _, NODE_ENV: __, ...inherited } = process.env;
  const result = withBuildLock(() =>
    spawnSync(process.execPath, [path.join(root, 'node_modules/astro/bin/astro.mjs'), 'build'], {
      cwd: root,
      env: {
        ...inherited,
        ...env,
        CONTENT_DIR: content,
        OUT_DIR: outDir,
        NO_COLOR: '1',
        FORCE_COLOR: '0',
      },
      encoding: 'utf8',
    }),
  );
  return {
    status: result.status,
    output: `${result.stdout}\n${result.stderr}`,
    outDir,
    read: (file: string) => fs.readFileSync(path.join(outDir, file), 'utf8'),
  };
}
