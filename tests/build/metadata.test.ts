import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { prepareChapter } from '../../src/chapter/read-chapter.ts';
import { chapterDocument, readDist } from '../support/dist.ts';
import { contentDir, subBase, subDistDir } from '../support/paths.ts';
import { readSource } from '../support/source.ts';

describe('head metadata', () => {
  const doc = chapterDocument();
  const meta = (sel: string) => doc.querySelector(sel)?.getAttribute('content');

  it('declares the page Chinese and gives title, description and canonical URL', () => {
    expect(doc.documentElement.getAttribute('lang')).toBe('zh-CN');
    expect(doc.title).toBe('十四、总结与展望');
    expect(meta('meta[name="description"]')!.length).toBeGreaterThan(40);
    // The facts file's site (a deploy may override it with SITE_URL; the tests' builds do not).
    const { site } = parse(fs.readFileSync(path.join(contentDir, 'chapter.yaml'), 'utf8')) as {
      site: string;
    };
    expect(doc.querySelector('link[rel="canonical"]')!.getAttribute('href')).toBe(`${site}/`);
  });

  it('links each stylesheet and script once: a repeated tag is a wasted parse, and a sign of a component imported twice', () => {
    const refs = [
      ...doc.querySelectorAll('link[rel="stylesheet"], link[rel="modulepreload"], script[src]'),
    ].map((el) => el.getAttribute('href') ?? el.getAttribute('src'));
    expect(refs.length).toBeGreaterThan(0);
    expect(refs.filter((r, i) => refs.indexOf(r) !== i)).toEqual([]);
  });

  it('has Open Graph tags and TechArticle JSON-LD that parses', () => {
    expect(meta('meta[property="og:title"]')).toBe('十四、总结与展望');
    expect(meta('meta[property="og:type"]')).toBe('article');
    const ld = JSON.parse(doc.querySelector('script[type="application/ld+json"]')!.textContent!);
    expect(ld['@type']).toBe('TechArticle');
    expect(ld.inLanguage).toBe('zh-CN');
    expect(ld.url).toBe(doc.querySelector('link[rel="canonical"]')!.getAttribute('href'));
  });

  it('publishes a sitemap listing the page and a robots.txt pointing to it', () => {
    const canonical = doc.querySelector('link[rel="canonical"]')!.getAttribute('href')!;
    expect(readDist('sitemap-0.xml')).toContain(`<loc>${canonical}</loc>`);
    expect(readDist('robots.txt')).toContain(
      `Sitemap: ${new URL('sitemap-index.xml', canonical).href}`,
    );
  });
});

describe('the chapter’s facts: what content/chapter.yaml states, and nothing it does not', () => {
  const doc = chapterDocument();
  const chapter = prepareChapter(contentDir);
  const meta = (sel: string) => doc.querySelector(sel)?.getAttribute('content');
  const ld = JSON.parse(doc.querySelector('script[type="application/ld+json"]')!.textContent!);

  it('describes the page in the chapter’s own opening words, the facts file giving no description', () => {
    // The paragraph under the title in the published Markdown.
    const opening = readSource().split('\n\n')[1];
    expect(opening).toMatch(/^AI 推理优化技术正处在快速发展的关键时期。/);
    expect(meta('meta[name="description"]')).toBe(opening);
    expect(meta('meta[property="og:description"]')).toBe(opening);
    expect(ld.description).toBe(opening);
    expect(readDist('llms.txt').split('\n')[2]).toBe(`> ${opening}`);
  });

  it('names no author, date of publication, licence or larger work anywhere, since none is known', () => {
    expect(Object.keys(ld).sort()).toEqual(
      [
        '@context',
        '@type',
        'description',
        'headline',
        'inLanguage',
        'keywords',
        'url',
        ...(chapter.updated ? ['dateModified'] : []),
      ].sort(),
    );
    for (const sel of [
      'meta[name="author"]',
      'meta[property="og:site_name"]',
      'meta[property="article:published_time"]',
      'link[rel="license"]',
    ]) {
      expect(doc.querySelector(sel), sel).toBeNull();
    }
    // No title of a larger work the chapter never names: no `//` part, no site name, no booktitle.
    expect(doc.getElementById('cite-gbt')!.textContent).toMatch(/^十四、总结与展望\[EB\/OL\]\. /);
    expect(doc.getElementById('cite-apa')!.textContent).toMatch(
      /^十四、总结与展望\. \((n\.d\.|\d{4}, \w+ \d{1,2})\)\. https:\/\//,
    );
    expect(doc.getElementById('cite-bibtex')!.textContent).not.toMatch(/author|booktitle/);
    expect(doc.querySelector('.cite-note')!.textContent).toContain(
      '作者、出版日期与所属著作不详，故从略。',
    );
    const llms = readDist('llms.txt');
    expect(llms).toContain('「十四、总结与展望」一章的网页版。');
    expect(llms).not.toMatch(/《|第十四章|作者|许可/);
  });

  it('gives the subjects the facts file lists as JSON-LD keywords', () => {
    const { keywords } = parse(fs.readFileSync(path.join(contentDir, 'chapter.yaml'), 'utf8')) as {
      keywords: string[];
    };
    expect(ld.keywords).toEqual(keywords);
  });

  it('dates the chapter and each section by the history the model read: under the title, beside every h2/h3, in JSON-LD and the citations', () => {
    const dated = chapter.sections.filter((s) => s.updated);
    if (chapter.updated) {
      expect(doc.querySelector('h1 + .chapter-updated')!.textContent).toBe(
        `最后更新：${chapter.updated}`,
      );
      expect(ld.dateModified).toBe(chapter.updated);
      expect(meta('meta[property="article:modified_time"]')).toBe(chapter.updated);
      expect(doc.getElementById('cite-gbt')!.textContent).toContain(
        `[EB/OL]. (${chapter.updated}). `,
      );
      // The chapter's date is the newest of its parts'.
      expect(
        dated
          .map((r) => r.updated!)
          .sort()
          .at(-1)! <= chapter.updated,
      ).toBe(true);
      expect(dated).toHaveLength(19);
    } else {
      expect(chapter.historyMissing).toBeTruthy();
      expect(doc.querySelector('.chapter-updated, time')).toBeNull();
    }
    for (const { heading, updated } of chapter.sections) {
      const time = doc
        .getElementById(heading.id)!
        .parentElement!.querySelector('.section-meta time');
      expect(time?.getAttribute('datetime') ?? undefined, heading.id).toBe(updated);
    }
  });

  it('offers no source links: the facts file names no repository', () => {
    expect(doc.querySelectorAll('a.section-source')).toHaveLength(0);
    expect(chapter.sections.every((s) => s.sourceUrl === undefined)).toBe(true);
  });
});

describe('deployed under a sub-path', () => {
  const doc = chapterDocument(subDistDir);

  it('puts the base in the canonical URL and the sitemap', () => {
    const canonical = doc.querySelector('link[rel="canonical"]')!.getAttribute('href')!;
    expect(new URL(canonical).pathname).toBe(subBase);
    expect(fs.readFileSync(path.join(subDistDir, 'robots.txt'), 'utf8')).toContain(
      `${subBase}sitemap-index.xml`,
    );
  });

  it('makes every root-relative link and asset start with the base', () => {
    const urls = [...doc.querySelectorAll('[href], [src]')]
      .map((el) => el.getAttribute('href') ?? el.getAttribute('src')!)
      .filter((u) => u.startsWith('/'));
    expect(urls.length).toBeGreaterThan(2);
    for (const u of urls) expect(u.startsWith(subBase), u).toBe(true);
    for (const u of urls) {
      // A link into another page (the term index) names the file before its fragment.
      const [pathname, fragment] = u.split('#');
      const file = path.join(
        subDistDir,
        decodeURIComponent(pathname.slice(subBase.length))
          .replace(/\/$/, '/index.html')
          .replace(/^$/, 'index.html'),
      );
      expect(fs.existsSync(file), u).toBe(true);
      if (fragment)
        expect(
          chapterDocument(subDistDir, path.relative(subDistDir, file)).getElementById(
            decodeURIComponent(fragment),
          ),
          u,
        ).not.toBeNull();
    }
  });
});
