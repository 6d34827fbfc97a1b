import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, untilPainted } from '../browser.ts';
import type { ObservedServer } from '../server.ts';
import {
  type Engine,
  type KeyName,
  ObservedPage,
  type OpenOptions,
  type ReaderPage,
} from './page.ts';

// Chromium: playwright-core over the DevTools protocol.

/** What Chromium can be asked for beyond a window size: the reader's settings, and Playwright's hooks. */
export interface ChromiumOpenOptions extends OpenOptions {
  colorScheme?: 'light' | 'dark';
  /** Off: the page as a reader without JavaScript gets it. */
  javaScriptEnabled?: boolean;
  reducedMotion?: 'reduce' | 'no-preference';
  /** A phone: touch input and a mobile viewport. */
  phone?: boolean;
  /**
   * `block`: the site's service worker is never registered, as in a browser that keeps nothing
   * (and Playwright's routes, which a worker's answers would go around, see every request).
   */
  serviceWorkers?: 'allow' | 'block';
  /** Runs before the page is loaded, for what a test must see from the start (requests, init scripts, routes). */
  beforeLoad?: (page: Page) => void | Promise<void>;
}

/** A Chromium page of the harness, with Playwright's own page for what only Playwright offers. */
export interface ChromiumReaderPage extends ReaderPage {
  /** Locators, touch, print media, permissions, the DevTools protocol, axe. */
  readonly playwright: Page;
}

/** Chromium calls this binding from the page's recorder, so what the page records survives navigation. */
const BINDING = '__reportPageProblem';

class ChromiumPage extends ObservedPage implements ChromiumReaderPage {
  readonly engine = 'chromium';
  constructor(
    server: ObservedServer,
    opened: string,
    scripts: boolean,
    readonly playwright: Page,
  ) {
    super(server, opened, scripts);
  }
  /** Listens to everything the browser reports of the page and of its requests; before it loads. */
  async listen(context: BrowserContext) {
    const heard = (text: string) => this.reported.push(text);
    await context.exposeBinding(BINDING, (_source, text: string) => heard(text));
    const page = this.playwright;
    page.on('console', (m) => m.type() === 'error' && heard(`console: ${m.text()}`));
    page.on('pageerror', (e) => heard(`page error: ${e.message}`));
    page.on('dialog', (d) => {
      heard(`unexpected dialog: ${d.message()}`);
      void d.dismiss();
    });
    // A request cut off because the page moved on (ERR_ABORTED) is not something a reader meets.
    page.on('requestfailed', (r) => {
      const reason = r.failure()?.errorText;
      if (reason !== 'net::ERR_ABORTED') heard(`request failed: ${r.url()} (${reason})`);
    });
    context.on('request', (r) => {
      const url = r.url();
      if (!url.startsWith(this.server.origin + '/') && !/^(data|blob|about):/.test(url))
        heard(`request off the site: ${url}`);
    });
  }
  protected override async readRecord(): Promise<string[]> {
    return [];
  }
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R> {
    return this.playwright.evaluate(fn as (arg: unknown) => R | Promise<R>, arg as unknown);
  }
  click(selector: string) {
    return this.playwright.locator(selector).first().click();
  }
  hover(selector: string) {
    return this.playwright.locator(selector).first().hover();
  }
  press(key: KeyName) {
    return this.playwright.keyboard.press(key);
  }
  type(text: string) {
    return this.playwright.keyboard.type(text);
  }
  protected async reloadDocument() {
    await this.playwright.reload({ waitUntil: 'load' });
  }
  async screenshot(file: string) {
    await this.playwright.screenshot({ path: file });
  }
  setOffline(offline: boolean) {
    return this.playwright.context().setOffline(offline);
  }
  protected closeDocument() {
    return this.playwright.context().close();
  }
}

export async function chromiumEngine(
  server: ObservedServer,
): Promise<Engine<ChromiumReaderPage, ChromiumOpenOptions>> {
  const browser: Browser = await launchChromium();
  return {
    name: 'chromium',
    async open(urlPath, options) {
      const { width, height, phone = false, javaScriptEnabled = true } = options;
      const context = await browser.newContext({
        viewport: { width, height },
        colorScheme: options.colorScheme ?? 'light',
        reducedMotion: options.reducedMotion ?? 'no-preference',
        javaScriptEnabled,
        serviceWorkers: options.serviceWorkers ?? 'allow',
        ...(phone ? { hasTouch: true, isMobile: true } : {}),
      });
      // As a reader who allowed it: headless Chromium otherwise refuses every clipboard write.
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
        origin: server.origin,
      });
      const tab = await context.newPage();
      const opened = `${server.url}${urlPath} at ${width}×${height}${phone ? ' (phone)' : ''}${javaScriptEnabled ? '' : ' without JavaScript'}`;
      const page = new ChromiumPage(server, opened, javaScriptEnabled, tab);
      await page.listen(context);
      await options.beforeLoad?.(tab);
      await tab.goto(server.url + urlPath, { waitUntil: 'load' });
      if (javaScriptEnabled) await untilPainted(tab);
      return page;
    },
    close: () => browser.close(),
  };
}
