import fs from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkWithNu,
  describeMessage,
  isError,
  isWarning,
  type NuMessage,
  offsetAt,
} from '../support/nu-checker.ts';
import { distDir, subBase, subDistDir } from '../support/paths.ts';
import { hostBuild, serveDist, type StaticServer } from '../support/server.ts';
import { builtPages, pageUrl } from './site.ts';

/** A page as the checker read it: served over HTTP with the production headers. */
interface ServedPage {
  url: string;
  html: string;
}

/** A warning the project has looked into: why it stands, and a check that the reason still holds. */
interface Explanation {
  warning: RegExp;
  why: string;
  holds(page: ServedPage, message: NuMessage): boolean;
}

const headings = 'h1, h2, h3, h4, h5, h6';
const documentOf = (page: ServedPage) => parseHTML(page.html).document;

/** The start tag of the inline script a message points at. */
function scriptTagAt(page: ServedPage, m: NuMessage) {
  const end = offsetAt(page.html, m.lastLine!, m.lastColumn!);
  return page.html.slice(page.html.lastIndexOf('<script', end), end + 1);
}

const explanations: Explanation[] = [
  {
    warning: /^Consider using the “h1” element as a top-level heading only/,
    why: 'The page has one h1, its title, and it is the first heading: tools that take every h1 for a top-level heading take it rightly. It sits in the opening section of the article, which is why the checker asks.',
    holds: (page) => {
      const document = documentOf(page);
      const all = [...document.querySelectorAll(headings)];
      return document.querySelectorAll('h1').length === 1 && all[0]?.tagName === 'H1';
    },
  },
  {
    warning: /^Article lacks heading\./,
    why: 'The article’s heading is the page’s h1, in the article’s opening section; the checker looks for one outside that section.',
    holds: (page) => {
      const article = documentOf(page).querySelector('main article')!;
      const first = article.querySelector(headings);
      return (
        first?.tagName === 'H1' && first.closest('section') === article.querySelector('section')
      );
    },
  },
  {
    warning: /^Inline script violates Content Security Policy \(meta tag\)/,
    why: 'A JSON-LD data block: no browser runs it, so no policy governs it.',
    holds: (page, m) => scriptTagAt(page, m) === '<script type="application/ld+json">',
  },
];

/** What the gate says of a page's messages: its errors, and its warnings no explanation covers. */
function verdict(page: ServedPage, messages: NuMessage[]) {
  const own = messages.filter((m) => m.url === page.url);
  const warnings = own.filter(isWarning).map((m) => ({
    message: describeMessage(m),
    why: explanations.find((e) => e.warning.test(m.message) && e.holds(page, m))?.why,
  }));
  return {
    errors: own.filter(isError).map(describeMessage),
    unexplained: warnings.filter((w) => !w.why).map((w) => w.message),
    warnings,
  };
}

async function served(url: string): Promise<ServedPage> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return {
    url,
    html: await response.text(),
  };
}

const builds = [
  { name: 'root build', dir: distDir, base: '/' },
  { name: 'sub-path build', dir: subDistDir, base: subBase },
];
const servers: StaticServer[] = [];
let pages: ServedPage[] = [];
let fixture: ServedPage;
let fixtureDir: string;
let messages: NuMessage[] = [];

beforeAll(async () => {
  for (const build of builds) servers.push(await hostBuild(build.dir, build.base));
  const urls = builds.flatMap((build, i) =>
    builtPages(build.dir).map((file) => pageUrl(servers[i].url, file)),
  );
  pages = await Promise.all(urls.map(served));
  // The failure fixture: the chapter's page with the error the checker first found put back,
  // aria-labelledby on the cite panel's <pre> without a role that allows it.
  const page = fs.readFileSync(path.join(distDir, 'index.html'), 'utf8');
  const pre = /<pre id="cite-bibtex"[^>]*>/.exec(page)?.[0];
  if (!pre?.includes(' aria-labelledby="'))
    throw new Error(`the cite panel's BibTeX is no longer named by its caption: ${pre}`);
  fixtureDir = await mkdtemp(path.join(tmpdir(), 'nu-fixture-'));
  await writeFile(
    path.join(fixtureDir, 'index.html'),
    page.replace(pre, pre.replace(/ role="[^"]*"/, '')),
  );
  servers.push(await serveDist(fixtureDir));
  fixture = await served(servers.at(-1)!.url);
  messages = await checkWithNu([...pages.map((p) => p.url), fixture.url]);
}, 180_000);

afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  if (fixtureDir) await rm(fixtureDir, { recursive: true, force: true });
});

describe('the Nu Html Checker over every built page, served with the production headers', () => {
  it('checks every HTML page of both builds: the chapter and the term index, at / and under /chapter-14/', () => {
    for (const [i, build] of builds.entries()) {
      const own = pages.filter((p) => p.url.startsWith(servers[i].url));
      expect(own.map((p) => new URL(p.url).pathname)).toEqual(
        expect.arrayContaining([build.base, `${build.base}terms/`]),
      );
      expect(own).toHaveLength(builtPages(build.dir).length);
    }
  });

  it('finds no error on any page', () => {
    expect(pages.flatMap((p) => verdict(p, messages).errors)).toEqual([]);
  });

  it('finds no warning the project has not explained, and each explanation still holds', () => {
    const report = pages.map((p) => verdict(p, messages));
    // Listed in the test's output, each with its reason.
    for (const { message, why } of report.flatMap((r) => r.warnings))
      console.log(`vnu warning: ${message}\n  explained: ${why ?? '(none)'}`);
    expect(report.flatMap((r) => r.unexplained)).toEqual([]);
  });

  it('fails a page with aria-labelledby put back on the cite panel’s <pre>', () => {
    const { errors } = verdict(fixture, messages);
    expect(errors).toEqual([
      expect.stringMatching(
        /The “aria-labelledby” attribute must not be specified on any “pre” element unless the element has a “role” value other than/,
      ),
    ]);
  });
});
