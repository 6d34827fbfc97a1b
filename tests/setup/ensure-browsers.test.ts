import { execFile } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  chromiumPath,
  firefoxPath,
  miniBrowserPath,
  webkitDriverPath,
} from '../support/browser-paths.ts';
import { epubcheckJar } from '../support/epub.ts';
import { javaPath } from '../support/nu-checker.ts';

const run = promisify(execFile);
const script = join(import.meta.dirname, '../../scripts/ensure-browsers.sh');

// `npm test` runs this script first; here the browsers, the font and Java it looks for are installed
// (the browser tests need them), so it must leave the system alone: no apt-get, no network.
describe('the browser check before the tests', () => {
  let stubs: string;
  const calls = () => readFile(join(stubs, 'calls'), 'utf8').catch(() => '');
  const installed = {
    CHROMIUM_PATH: chromiumPath,
    FIREFOX_PATH: firefoxPath,
    WEBKIT_DRIVER_PATH: webkitDriverPath,
    MINIBROWSER_PATH: miniBrowserPath,
    JAVA_PATH: javaPath,
    EPUBCHECK_JAR: epubcheckJar,
  };
  const check = (paths: Partial<typeof installed> = {}) =>
    run('bash', [script], {
      env: { ...process.env, PATH: `${stubs}:${process.env.PATH}`, ...installed, ...paths },
    }).catch((e: Error) => e);

  beforeAll(async () => {
    stubs = await mkdtemp(join(tmpdir(), 'ensure-browsers-'));
    // Recorders in place of the installers: they note the call and succeed, so the script goes on.
    for (const tool of ['apt-get', 'sudo']) {
      await writeFile(
        join(stubs, tool),
        `#!/bin/sh\necho "${tool} $*" >> "${join(stubs, 'calls')}"\n`,
      );
      await chmod(join(stubs, tool), 0o755);
    }
  });
  beforeEach(() => rm(join(stubs, 'calls'), { force: true }));
  afterAll(() => rm(stubs, { recursive: true, force: true }));

  it('installs nothing when the three engines, Xvfb, a CJK font, Java and epubcheck are there, every time it runs', async () => {
    // Repeated: a check that races with its own pipe passes some runs and fails others.
    for (let i = 0; i < 20; i++) expect(await check()).not.toBeInstanceOf(Error);
    expect(await calls()).toBe('');
  });

  it.each([
    { missing: 'Chromium', paths: { CHROMIUM_PATH: '/nonexistent/chromium' }, package: 'chromium' },
    {
      missing: 'Firefox ESR',
      paths: { FIREFOX_PATH: '/nonexistent/firefox-esr' },
      package: 'firefox-esr',
    },
    {
      missing: 'WebKitWebDriver',
      paths: { WEBKIT_DRIVER_PATH: '/nonexistent/WebKitWebDriver' },
      package: 'webkit2gtk-driver',
    },
    {
      missing: 'MiniBrowser',
      paths: { MINIBROWSER_PATH: '/nonexistent/MiniBrowser' },
      package: 'webkit2gtk-driver',
    },
    // The Nu Html Checker's jar comes from npm; the Java it runs on from Debian.
    { missing: 'Java', paths: { JAVA_PATH: '/nonexistent/java' }, package: 'default-jre-headless' },
    // The EPUB validator: Debian ships it as a jar for that Java.
    {
      missing: 'epubcheck',
      paths: { EPUBCHECK_JAR: '/nonexistent/epubcheck.jar' },
      package: 'epubcheck',
    },
  ])(
    'asks apt-get for $package, and only for what is missing, when $missing is missing',
    async ({ paths, package: name }) => {
      await check(paths);
      expect((await calls()).replace(/^sudo /gm, '')).toBe(
        `apt-get update -qq\napt-get install -y -qq --no-install-recommends ${name}\n`,
      );
    },
  );
});
