import type { Browser, Page } from 'playwright-core';
import { launchChromium, untilPainted } from '../browser.ts';
import type { ObservedServer } from '../server.ts';
import { type Engine, type KeyName, ObservedPage } from './page.ts';

// Chromium: playwright-core over the DevTools protocol, as the Chromium-only tests drive it.

class ChromiumPage extends ObservedPage {
  readonly engine = 'chromium';
  constructor(
    server: ObservedServer,
    private readonly page: Page,
  ) {
    super(server);
    page.on(
      'console',
      (m) => m.type() === 'error' && this.fromConsole.push(`console: ${m.text()}`),
    );
    page.on('pageerror', (e) => this.fromConsole.push(`page error: ${e.message}`));
  }
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R> {
    return this.page.evaluate(fn as (arg: unknown) => R | Promise<R>, arg as unknown);
  }
  click(selector: string) {
    return this.page.locator(selector).first().click();
  }
  hover(selector: string) {
    return this.page.locator(selector).first().hover();
  }
  press(key: KeyName) {
    return this.page.keyboard.press(key);
  }
  type(text: string) {
    return this.page.keyboard.type(text);
  }
  protected async reloadDocument() {
    await this.page.reload({ waitUntil: 'load' });
  }
  async screenshot(file: string) {
    await this.page.screenshot({ path: file });
  }
  close() {
    return this.page.context().close();
  }
}

export async function chromiumEngine(server: ObservedServer): Promise<Engine> {
  const browser: Browser = await launchChromium();
  return {
    name: 'chromium',
    async open(urlPath, { width, height }) {
      const context = await browser.newContext({
        viewport: { width, height },
        colorScheme: 'light',
      });
      // As a reader who allowed it: headless Chromium otherwise refuses every clipboard write.
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
        origin: server.origin,
      });
      const tab = await context.newPage();
      const page = new ChromiumPage(server, tab);
      await tab.goto(server.url + urlPath, { waitUntil: 'load' });
      await untilPainted(tab);
      return page;
    },
    close: () => browser.close(),
  };
}
