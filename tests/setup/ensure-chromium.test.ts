import { execFile } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath } from '../support/browser.ts';

const run = promisify(execFile);
const script = join(import.meta.dirname, '../../scripts/ensure-chromium.sh');

// `npm test` runs this script first; here the browser and font it looks for are installed (the
// browser tests need them), so it must leave the system alone: no apt-get, no network.
describe('the browser check before the tests', () => {
  let stubs: string;
  const calls = () => readFile(join(stubs, 'calls'), 'utf8').catch(() => '');

  beforeAll(async () => {
    stubs = await mkdtemp(join(tmpdir(), 'ensure-chromium-'));
    for (const tool of ['apt-get', 'sudo']) {
      await writeFile(join(stubs, tool), `#!/bin/sh\necho "${tool} $*" >> "${join(stubs, 'calls')}"\nexit 1\n`);
      await chmod(join(stubs, tool), 0o755);
    }
  });
  afterAll(() => rm(stubs, { recursive: true, force: true }));

  it('installs nothing when Chromium and a CJK font are there, every time it runs', async () => {
    // Repeated: a check that races with its own pipe passes some runs and fails others.
    for (let i = 0; i < 20; i++) {
      await run('bash', [script], { env: { ...process.env, PATH: `${stubs}:${process.env.PATH}`, CHROMIUM_PATH: chromiumPath } });
    }
    expect(await calls()).toBe('');
  });

  it('asks apt-get for the browser when it is missing', async () => {
    const failed = await run('bash', [script], { env: { ...process.env, PATH: `${stubs}:${process.env.PATH}`, CHROMIUM_PATH: join(stubs, 'no-such-browser') } }).catch((e: Error) => e);
    expect(failed).toBeInstanceOf(Error);
    expect(await calls()).toMatch(/^(sudo )?apt-get update/m);
  });
});
