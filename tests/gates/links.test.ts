import fs from 'node:fs';
import { LinkChecker, LinkState } from 'linkinator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { distDir, subBase, subDistDir } from '../support/paths.ts';
import { hostBuild, type StaticServer } from '../support/server.ts';

interface CheckResult {
  broken: string[];
  checked: number;
  external: string[];
}

/** Crawls a hosted build with fragment checking; links to other origins are listed, never fetched. */
async function crawl(site: StaticServer): Promise<CheckResult> {
  const external = new Set<string>();
  const checker = new LinkChecker();
  const result = await checker.check({
    path: site.url,
    recurse: true,
    checkFragments: true,
    concurrency: 4,
    linksToSkip: async (link) => {
      const skip = !link.startsWith(site.origin + '/');
      if (skip && /^https?:/i.test(link)) external.add(link);
      return skip;
    },
  });
  const broken = result.links
    .filter((l) => l.state === LinkState.BROKEN)
    .map(
      (l) =>
        `${l.url} (from ${l.parent ?? '?'}): ${l.status} ${(l.failureDetails ?? []).map((d) => (d as Error).message ?? String(d)).join('; ')}`,
    );
  const checked = result.links.filter((l) => l.state === LinkState.OK).length;
  return { broken, checked, external: [...external].sort() };
}

describe.each([
  { name: 'root build', dir: distDir, base: '/' },
  { name: 'sub-path build', dir: subDistDir, base: subBase },
])('links of the $name', ({ dir, base }) => {
  let site: StaticServer;
  let result: CheckResult;

  beforeAll(async () => {
    site = await hostBuild(dir, base);
    result = await crawl(site);
  }, 120_000);
  afterAll(() => site?.close());

  it('resolves every internal link and every #fragment', () => {
    expect(result.broken).toEqual([]);
    // The chapter page, its stylesheet and its icon were really fetched (fragments are checked
    // inside the page that carries them and are not counted as links).
    expect(result.checked).toBeGreaterThanOrEqual(3);
  });

  it('lists the external URLs it did not fetch, all of them https', () => {
    const html = fs.readFileSync(`${dir}/index.html`, 'utf8');
    const inPage = [...html.matchAll(/<a\b[^>]*\bhref="(https?:[^"]+)"/g)].map((m) =>
      m[1].replaceAll('&amp;', '&'),
    );
    console.info(
      `External links (listed, not fetched offline):\n  ${result.external.join('\n  ')}`,
    );
    for (const url of inPage) expect(result.external).toContain(url);
    expect(
      result.external.filter((u) => !u.startsWith('https:') && !u.startsWith(site.origin)),
    ).toEqual([]);
  });
});

describe('the link checker', () => {
  it('reports a fragment that points nowhere', async () => {
    const dir = fs.mkdtempSync('/tmp/gates-links-');
    fs.writeFileSync(
      `${dir}/index.html`,
      '<!DOCTYPE html><html lang="zh-CN"><head><title>x</title></head><body><h2 id="ok">x</h2><a href="#ok">a</a> <a href="#141-不存在">b</a></body></html>',
    );
    const site = await hostBuild(dir);
    try {
      const { broken } = await crawl(site);
      expect(broken.join('\n')).toContain('#141-');
      expect(broken).toHaveLength(1);
    } finally {
      await site.close();
      fs.rmSync(dir, { recursive: true });
    }
  });
});
