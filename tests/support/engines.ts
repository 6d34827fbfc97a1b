import { afterAll, beforeAll } from 'vitest';
import { distDir } from './paths.ts';
import { hostObservedBuild, type ObservedServer } from './server.ts';
import { chromiumEngine } from './engines/chromium.ts';
import { firefoxEngine } from './engines/firefox.ts';
import type { Engine, EngineName, OpenOptions, ReaderPage } from './engines/page.ts';
import { webkitEngine } from './engines/webkit.ts';

export { engineNames, type EngineName, type KeyName, type ReaderPage } from './engines/page.ts';

export function launchEngine(name: EngineName, server: ObservedServer): Promise<Engine> {
  return { chromium: chromiumEngine, firefox: firefoxEngine, webkit: webkitEngine }[name](server);
}

/**
 * One engine for the tests of a `describe` block, with the build on an observed host: started
 * before the block's tests and stopped after them, so one engine runs at a time.
 */
export function useEngine(name: EngineName, dir = distDir, base = '/') {
  let server: ObservedServer | undefined;
  let engine: Engine | undefined;
  const pages: ReaderPage[] = [];
  beforeAll(async () => {
    server = await hostObservedBuild(dir, base);
    engine = await launchEngine(name, server);
  }, 60_000);
  afterAll(async () => {
    await Promise.allSettled(pages.map((p) => p.close()));
    await engine?.close();
    await server?.close();
  });
  return {
    get server(): ObservedServer {
      if (!server) throw new Error('the server starts in beforeAll');
      return server;
    },
    /**
     * Opens the build at `path` (after the base) in a fresh context, closing the page opened before:
     * WebKit's adapter has one window for all journeys, and one journey needs one page.
     */
    async open(
      urlPath = '',
      options: OpenOptions = { width: 1280, height: 900 },
    ): Promise<ReaderPage> {
      if (!engine) throw new Error('the engine starts in beforeAll');
      await Promise.allSettled(pages.splice(0).map((p) => p.close()));
      const page = await engine.open(urlPath, options);
      pages.push(page);
      return page;
    },
  };
}
