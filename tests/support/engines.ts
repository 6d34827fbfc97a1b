import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { distDir } from './paths.ts';
import { hostObservedBuild, type Network, type ObservedServer } from './server.ts';
import {
  type ChromiumOpenOptions,
  type ChromiumReaderPage,
  chromiumEngine,
} from './engines/chromium.ts';
import { firefoxEngine } from './engines/firefox.ts';
import type { Engine, EngineName, OpenOptions, ReaderPage } from './engines/page.ts';
import { webkitEngine } from './engines/webkit.ts';

export { engineNames, type EngineName, type KeyName, type ReaderPage } from './engines/page.ts';
export type { ChromiumOpenOptions, ChromiumReaderPage } from './engines/chromium.ts';

/** The page an engine gives: Chromium's carries Playwright's page too. */
export type PageOf<N extends EngineName> = N extends 'chromium' ? ChromiumReaderPage : ReaderPage;
/** What an engine can be asked for when opening a page; the window is 1280 × 900 unless sized. */
export type OpenOptionsOf<N extends EngineName> = Omit<
  N extends 'chromium' ? ChromiumOpenOptions : OpenOptions,
  'width' | 'height'
> &
  Partial<OpenOptions>;

const launchers = { chromium: chromiumEngine, firefox: firefoxEngine, webkit: webkitEngine };

/** Where the pages come from: a build, hosted as production serves it, or a server the test starts (and `close` stops). */
export type Site = string | { host(): Promise<ObservedServer> };

/** Closes each page (each fails if it met a problem the test did not expect) and reports every failure at once. */
async function closeAll(pages: ReaderPage[]): Promise<void> {
  const failures = (await Promise.allSettled(pages.map((p) => p.close()))).flatMap((r) =>
    r.status === 'rejected' ? [r.reason as Error] : [],
  );
  if (failures.length === 1) throw failures[0];
  if (failures.length > 1) throw new AggregateError(failures, failures.map(String).join('\n'));
}

/**
 * The one way a browser test opens a page. The build is hosted as production serves it (the
 * `_headers` file's Content-Security-Policy and other headers, under its base) and observed: each
 * page collects console errors, page errors, CSP violations and failed requests (see
 * `ObservedPage`). One engine serves the tests of the `describe` block this is called in,
 * started before them and stopped after them.
 *
 * `site` is a build's folder, or a server of the site's own that the test starts (`astro dev`,
 * tests/support/dev-server.ts); Chromium alone hears such a page's problems without the
 * recorder the build's host adds.
 *
 * Every page is checked when it closes: at the end of the test that opened it, when the next page
 * is opened, or after the block for a page opened in a `beforeAll`. A page with a problem the test
 * did not declare with `expectProblems` fails the test; there is no option to leave it unchecked.
 */
export function useEngine<N extends EngineName>(name: N, site: Site = distDir, base = '/') {
  let server: ObservedServer | undefined;
  let engine: Engine<PageOf<N>, OpenOptions> | undefined;
  const alive: ReaderPage[] = [];
  let openedInTest: ReaderPage[] | undefined;
  const close = async (pages: ReaderPage[]) => {
    for (const p of pages) alive.splice(alive.indexOf(p), 1);
    await closeAll(pages);
  };
  beforeAll(async () => {
    server = typeof site === 'string' ? await hostObservedBuild(site, base) : await site.host();
    engine = (await launchers[name](server)) as unknown as Engine<PageOf<N>, OpenOptions>;
  }, 60_000);
  beforeEach(() => {
    openedInTest = [];
  });
  afterEach(async () => {
    const pages = openedInTest ?? [];
    openedInTest = undefined;
    await close(pages.filter((p) => alive.includes(p)));
  });
  afterAll(async () => {
    try {
      await close([...alive]);
    } finally {
      await engine?.close();
      await server?.close();
    }
  });
  return {
    get server(): ObservedServer {
      if (!server) throw new Error('the server starts in beforeAll');
      return server;
    },
    /** The network between the browser and the hosted build: drop it, block files, deploy another build. */
    get network(): Network {
      if (!server) throw new Error('the server starts in beforeAll');
      if (!('disconnect' in server)) throw new Error('only a hosted build’s network is the test’s');
      return server as ObservedServer & Network;
    },
    /**
     * Opens the build at `path` (after the base) in a fresh context, closing (and so checking) the
     * page opened before: WebKit's adapter has one window for all journeys, and one journey needs
     * one page.
     */
    async open(urlPath = '', options?: OpenOptionsOf<N>): Promise<PageOf<N>> {
      if (!engine) throw new Error('the engine starts in beforeAll');
      await close([...alive]);
      const page = await engine.open(urlPath, { width: 1280, height: 900, ...options });
      alive.push(page);
      openedInTest?.push(page);
      return page;
    },
  };
}
