import { type ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { root } from './paths.ts';
import type { ObservedServer } from './server.ts';

/** `astro dev` as an author runs it, on a content folder of the test's. */
export interface DevServer {
  /** The server's process; a restart of Astro's would show in its log, a crash as a new one missing. */
  readonly pid: number;
  /** Everything it has printed, without colours. */
  log(): string;
  /** Whether the process is still running. */
  running(): boolean;
}

/**
 * What the dev server must not inherit from the test run: Vitest's own variables (its
 * `import.meta.env` is the process's environment, so it sets MODE, BASE_URL, NODE_ENV=test …;
 * under them Astro's server answered "Cannot GET /"), and SITE_URL, since the site comes from the
 * content's facts file as in an author's run.
 */
const NOT_INHERITED = /^(VITEST\w*|TEST|NODE_ENV|MODE|BASE_URL|DEV|PROD|SSR|SITE_URL)$/;

/** A free port on loopback, for a server that cannot be asked to pick one itself. */
async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((done) => probe.listen(0, '127.0.0.1', done));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise((done) => probe.close(done));
  return port;
}

/** Resolves once the server says it listens; fails with its log if it stops or takes too long. */
function ready(child: ChildProcess, log: () => string, url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`astro dev did not start:\n${log()}`)), 45_000);
    const check = () => {
      if (!log().includes(url)) return;
      clearTimeout(timer);
      resolve();
    };
    child.stdout!.on('data', check);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`astro dev exited (${code}):\n${log()}`));
    });
  });
}

/**
 * Starts `astro dev` on `content` (CONTENT_DIR) on a free port, with this Node. The harness's
 * `useEngine` opens its pages (`devSite` below); the dev server is stopped after the block.
 */
export async function startDevServer(
  content: string,
): Promise<DevServer & { url: string; stop(): Promise<void> }> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !NOT_INHERITED.test(name)),
  );
  const astro = path.join(root, 'node_modules/astro/bin/astro.mjs');
  // --ignore-lock: Astro refuses a second dev server of a project, and an author's may be running.
  const args = ['dev', '--ignore-lock', '--host', '127.0.0.1', '--port', String(port)];
  const child = spawn(process.execPath, [astro, ...args], {
    cwd: root,
    env: { ...inherited, CONTENT_DIR: content, NO_COLOR: '1', FORCE_COLOR: '0' },
  });
  let output = '';
  const heard = (chunk: Buffer) => (output += chunk.toString());
  child.stdout!.on('data', heard);
  child.stderr!.on('data', heard);
  const log = () => output;
  await ready(child, log, url);
  return {
    pid: child.pid!,
    url,
    log,
    running: () => child.exitCode === null && child.signalCode === null,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/**
 * The dev server as the harness observes a host: Chromium hears the console and page errors
 * itself, and a request the server answered with an error is read from its log (`[404] /path`).
 */
export function observeDevServer(dev: Awaited<ReturnType<typeof startDevServer>>): ObservedServer {
  const origin = dev.url.replace(/\/$/, '');
  return {
    url: dev.url,
    origin,
    cspReports: [],
    get failedResponses() {
      return [...dev.log().matchAll(/\[([45]\d\d)\] (\S+)/g)].map(
        ([, status, p]) => `${status} ${p}`,
      );
    },
    close: dev.stop,
  };
}
