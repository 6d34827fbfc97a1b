import { type Browser, chromium, type Page } from 'playwright-core';
import { chromiumPath } from './browser-paths.ts';

export { chromiumPath };

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * Waits until the page has painted and drawn two more frames. Chromium may drop input that
 * arrives before a new page's first frame, and on a busy machine that frame can come well after
 * the load event: a reader cannot press keys on a page they have not yet seen either. (It needs
 * the page's scripts to run: call it only where JavaScript is on.)
 */
export async function untilPainted(page: Page): Promise<void> {
  await page.waitForFunction(
    () => performance.getEntriesByName('first-contentful-paint').length > 0,
  );
  await afterNextFrame(page);
}

/**
 * Resolves once the page has drawn the next frame: what a reader sees after a change (scroll-driven
 * styles, anchored positions) is settled only then. The first callback runs before that frame is
 * drawn, the second after it.
 */
export async function afterNextFrame(page: Page): Promise<void> {
  await page.evaluate(
    () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
  );
}
