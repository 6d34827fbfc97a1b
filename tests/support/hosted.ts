import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium, untilPainted } from './browser.ts';
import { distDir } from './paths.ts';
import { hostBuild, type StaticServer } from './server.ts';

export interface OpenOptions {
  width?: number;
  height?: number;
  colorScheme?: 'light' | 'dark';
  /** A phone: touch input, mobile viewport. */
  phone?: boolean;
  javaScriptEnabled?: boolean;
  reducedMotion?: 'reduce' | 'no-preference';
  /** Let the page read and write the clipboard, as a reader who allowed it would. */
  clipboard?: boolean;
}

/**
 * A built site on a loopback server (with the response headers of its `_headers` file, so the
 * page runs under its production Content-Security-Policy) and one real Chromium for a test file,
 * started before its tests and stopped after them. `open` gives each test its own fresh context.
 */
export function useHostedBrowser(dir = distDir, base = '/') {
  let server: StaticServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await hostBuild(dir, base);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  const hosted = {
    get server(): StaticServer {
      if (!server) throw new Error('the server starts in beforeAll');
      return server;
    },
    get browser(): Browser {
      if (!browser) throw new Error('the browser starts in beforeAll');
      return browser;
    },
    async open(path = '', options: OpenOptions = {}): Promise<Page> {
      const contextOptions: BrowserContextOptions = {
        viewport: {
          width: options.width ?? (options.phone ? 390 : 1280),
          height: options.height ?? (options.phone ? 800 : 900),
        },
        colorScheme: options.colorScheme ?? 'light',
        javaScriptEnabled: options.javaScriptEnabled ?? true,
        reducedMotion: options.reducedMotion ?? 'no-preference',
        ...(options.phone ? { hasTouch: true, isMobile: true } : {}),
      };
      const context = await hosted.browser.newContext(contextOptions);
      if (options.clipboard)
        await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
          origin: hosted.server.origin,
        });
      const page = await context.newPage();
      await page.goto(hosted.server.url + path, { waitUntil: 'load' });
      if (contextOptions.javaScriptEnabled) await untilPainted(page);
      return page;
    },
  };
  return hosted;
}
