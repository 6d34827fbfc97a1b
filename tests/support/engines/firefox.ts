import puppeteer, { type Browser, type KeyInput, type Page } from 'puppeteer-core';
import { firefoxPath } from '../browser-paths.ts';
import type { ObservedServer } from '../server.ts';
import { type Engine, type KeyName, ObservedPage, settled } from './page.ts';

// Firefox ESR: puppeteer-core over WebDriver BiDi.

class FirefoxPage extends ObservedPage {
  readonly engine = 'firefox';
  constructor(
    server: ObservedServer,
    opened: string,
    private readonly page: Page,
  ) {
    super(server, opened);
    page.on('console', (m) => m.type() === 'error' && this.reported.push(`console: ${m.text()}`));
    // Gecko reports CSP violations as page errors.
    page.on('pageerror', (e) =>
      this.reported.push(`page error: ${e instanceof Error ? e.message : String(e)}`),
    );
  }
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R> {
    return this.page.evaluate(fn as (arg: unknown) => R | Promise<R>, arg as unknown) as Promise<R>;
  }
  click(selector: string) {
    return this.page.click(selector);
  }
  hover(selector: string) {
    return this.page.hover(selector);
  }
  press(key: KeyName) {
    return this.page.keyboard.press(key as KeyInput);
  }
  type(text: string) {
    return this.page.keyboard.type(text);
  }
  protected async reloadDocument() {
    await this.page.reload({ waitUntil: 'load' });
  }
  setOffline(offline: boolean) {
    return this.page.setOfflineMode(offline);
  }
  async screenshot(file: string) {
    await this.page.screenshot({ path: file as `${string}.png` });
  }
  protected closeDocument() {
    return this.page.browserContext().close();
  }
}

export async function firefoxEngine(server: ObservedServer): Promise<Engine> {
  const browser: Browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath,
    headless: true,
  });
  return {
    name: 'firefox',
    async open(urlPath, { width, height }) {
      // A context of its own, so what one journey stored (the theme) does not leak into the next.
      const context = await browser.createBrowserContext();
      const tab = await context.newPage();
      await tab.setViewport({ width, height });
      const page = new FirefoxPage(server, `${server.url}${urlPath} at ${width}×${height}`, tab);
      await tab.goto(server.url + urlPath, { waitUntil: 'load' });
      await page.evaluate(settled);
      return page;
    },
    close: () => browser.close(),
  };
}
