import fs from 'node:fs';

// Every engine comes from Debian's packages (scripts/ensure-browsers.sh installs them); no browser
// is ever downloaded. Each path can be pointed elsewhere for another build of the same engine.

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const firefoxPath = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const webkitDriverPath = process.env.WEBKIT_DRIVER_PATH ?? '/usr/bin/WebKitWebDriver';
/** WebKitGTK's own small browser, which WebKitWebDriver starts; it lives under the library's multiarch directory. */
export const miniBrowserPath =
  process.env.MINIBROWSER_PATH ??
  fs.globSync('/usr/lib/*/webkit2gtk-4.1/MiniBrowser')[0] ??
  '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
