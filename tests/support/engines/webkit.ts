import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Builder, By, Key, type WebDriver } from 'selenium-webdriver';
import { miniBrowserPath, webkitDriverPath } from '../browser-paths.ts';
import type { ObservedServer } from '../server.ts';
import { type Engine, type KeyName, ObservedPage, type OpenOptions, settled } from './page.ts';

// WebKit: WebKitGTK's MiniBrowser through WebKitWebDriver, over classic WebDriver
// (selenium-webdriver). MiniBrowser has no headless mode: it runs on an Xvfb display of its own.

const webdriverKeys: Record<KeyName, string> = {
  Enter: Key.ENTER,
  Escape: Key.ESCAPE,
  Tab: Key.TAB,
  ArrowDown: Key.ARROW_DOWN,
  ArrowUp: Key.ARROW_UP,
  PageUp: Key.PAGE_UP,
  PageDown: Key.PAGE_DOWN,
  End: Key.END,
  Home: Key.HOME,
};

class WebKitPage extends ObservedPage {
  readonly engine = 'webkit';
  constructor(
    server: ObservedServer,
    opened: string,
    private readonly driver: WebDriver,
  ) {
    super(server, opened);
  }
  async evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R> {
    // The asynchronous form, so a function that returns a promise is awaited in every engine alike.
    const outcome = await this.driver.executeAsyncScript<{ value?: R; error?: string }>(
      `const done = arguments[arguments.length - 1];
       Promise.resolve().then(() => (${fn.toString()})(arguments[0])).then((value) => done({ value }), (e) => done({ error: String(e && e.stack || e) }));`,
      arg ?? null,
    );
    if (outcome.error !== undefined) throw new Error(`in the page: ${outcome.error}`);
    return outcome.value as R;
  }
  async click(selector: string) {
    await (await this.driver.findElement(By.css(selector))).click();
  }
  async hover(selector: string) {
    const element = await this.driver.findElement(By.css(selector));
    await this.driver.executeScript('arguments[0].scrollIntoView({ block: "nearest" })', element);
    await this.driver.actions().move({ origin: element }).perform();
  }
  async press(key: KeyName) {
    await this.driver.actions().keyDown(webdriverKeys[key]).keyUp(webdriverKeys[key]).perform();
  }
  async type(text: string) {
    await this.driver.actions().sendKeys(text).perform();
  }
  protected async reloadDocument() {
    await this.driver.navigate().refresh();
  }
  setOffline(): Promise<void> {
    throw new Error('WebKit: classic WebDriver has no offline mode; use the server’s disconnect');
  }
  async screenshot(file: string) {
    fs.writeFileSync(file, Buffer.from(await this.driver.takeScreenshot(), 'base64'));
  }
  /**
   * The engine keeps one browser for all its journeys, so a journey ends by forgetting what it
   * stored (the theme) and leaving the page, as a fresh context would start.
   */
  protected async closeDocument() {
    await this.driver.executeScript('localStorage.clear(); sessionStorage.clear();');
    await this.driver.get('about:blank');
  }
}

/** A port nobody listens on now; the driver is told to take it. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** Xvfb on the first free display: `-displayfd` has the server pick it, so suites side by side never collide. */
function startXvfb(): Promise<{ display: string; process: ChildProcess }> {
  return new Promise((resolve, reject) => {
    const xvfb = spawn(
      'Xvfb',
      ['-displayfd', '3', '-screen', '0', '1920x1200x24', '-nolisten', 'tcp'],
      { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] },
    );
    let said = '';
    let errors = '';
    xvfb.stderr!.on('data', (chunk) => (errors += chunk));
    xvfb.stdio[3]!.on('data', (chunk) => {
      said += chunk;
      if (said.includes('\n')) resolve({ display: `:${said.trim()}`, process: xvfb });
    });
    xvfb.once('error', reject);
    xvfb.once('exit', (code) =>
      reject(new Error(`Xvfb exited (${code}) before naming its display: ${errors}`)),
    );
  });
}

async function untilListening(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`WebKitWebDriver exited with ${child.exitCode}`);
    const ready = await fetch(`${url}/status`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) return;
    await new Promise((done) => setTimeout(done, 50));
  }
  throw new Error(`WebKitWebDriver did not answer at ${url}`);
}

/**
 * MiniBrowser's toolbar keeps its window at least 447 px wide. Shrinking every GTK widget's
 * minimum size (the page itself is not a GTK widget and keeps its own styles) lets the window
 * narrow to a phone's 390 px.
 */
function gtkConfigHome(): string {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'webkit-gtk-config-'));
  fs.mkdirSync(path.join(home, 'gtk-3.0'));
  fs.writeFileSync(
    path.join(home, 'gtk-3.0', 'gtk.css'),
    '* { min-width: 0; min-height: 0; padding: 0; margin: 0; border-width: 0; font-size: 1px; }\n',
  );
  return home;
}

/** Sizes the window so that the page's viewport is exactly `width` × `height` CSS px. */
async function fitViewport(driver: WebDriver, width: number, height: number): Promise<void> {
  const viewport = () => driver.executeScript<[number, number]>('return [innerWidth, innerHeight]');
  let window = { width, height };
  for (let attempt = 0; attempt < 4; attempt++) {
    await driver.manage().window().setRect(window);
    // The window manager applies a new size asynchronously; the page sees it a moment later.
    let seen = await viewport();
    for (let i = 0; i < 40 && seen[0] !== window.width && seen[0] !== width; i++) {
      await new Promise((done) => setTimeout(done, 25));
      seen = await viewport();
    }
    await new Promise((done) => setTimeout(done, 50));
    seen = await viewport();
    if (seen[0] === width && seen[1] === height) return;
    window = { width: window.width + width - seen[0], height: window.height + height - seen[1] };
  }
  throw new Error(`WebKit's viewport would not become ${width}×${height}`);
}

export async function webkitEngine(server: ObservedServer): Promise<Engine> {
  const xvfb = await startXvfb();
  const configHome = gtkConfigHome();
  const port = await freePort();
  const driverProcess = spawn(webkitDriverPath, [`--port=${port}`], {
    env: { ...process.env, DISPLAY: xvfb.display, XDG_CONFIG_HOME: configHome },
    stdio: 'ignore',
  });
  const stop = () => {
    driverProcess.kill();
    xvfb.process.kill();
    fs.rmSync(configHome, { recursive: true, force: true });
  };
  process.once('exit', stop);
  const url = `http://127.0.0.1:${port}`;
  try {
    await untilListening(url, driverProcess);
  } catch (error) {
    stop();
    throw error;
  }
  // One browser for every journey: under load, WebKitWebDriver now and then never answers a request
  // for a new session, and a journey does not need a browser of its own (see WebKitPage.close).
  let driver: WebDriver;
  try {
    driver = await new Builder()
      .usingServer(url)
      .withCapabilities({
        browserName: 'MiniBrowser',
        'webkitgtk:browserOptions': { binary: miniBrowserPath, args: ['--automation'] },
      })
      .build();
  } catch (error) {
    stop();
    throw error;
  }
  const open = async (urlPath: string, { width, height }: OpenOptions) => {
    await fitViewport(driver, width, height);
    await driver.get(server.url + urlPath);
    const page = new WebKitPage(server, `${server.url}${urlPath} at ${width}×${height}`, driver);
    await page.evaluate(settled);
    return page;
  };
  return {
    name: 'webkit',
    open,
    async close() {
      process.off('exit', stop);
      await driver.quit().catch(() => undefined);
      const exited =
        driverProcess.exitCode !== null
          ? Promise.resolve()
          : new Promise((done) => driverProcess.once('exit', done));
      stop();
      await exited;
    },
  };
}
