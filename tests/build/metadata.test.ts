import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chapterDocument, readDist } from '../support/dist.ts';
import { subBase, subDistDir } from '../support/paths.ts';

describe('head metadata', () => {
  const doc = chapterDocument();
  const meta = (sel: string) => doc.querySelector(sel)?.getAttribute('content');

  it('declares the page Chinese and gives title, description and canonical URL', () => {
    expect(doc.documentElement.getAttribute('lang')).toBe('zh-CN');
    expect(doc.title).toBe('十四、总结与展望');
    expect(meta('meta[name="description"]')!.length).toBeGreaterThan(40);
    expect(doc.querySelector('link[rel="canonical"]')!.getAttribute('href')).toMatch(/^https:\/\/[^/]+\/$/);
  });

  it('links each stylesheet and script once: a repeated tag is a wasted parse, and a sign of a component imported twice', () => {
    const refs = [...doc.querySelectorAll('link[rel="stylesheet"], link[rel="modulepreload"], script[src]')].map((el) => el.getAttribute('href') ?? el.getAttribute('src'));
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
    expect(readDist('robots.txt')).toContain(`Sitemap: ${new URL('sitemap-index.xml', canonical).href}`);
  });
});

describe('deployed under a sub-path', () => {
  const doc = chapterDocument(subDistDir);

  it('puts the base in the canonical URL and the sitemap', () => {
    const canonical = doc.querySelector('link[rel="canonical"]')!.getAttribute('href')!;
    expect(new URL(canonical).pathname).toBe(subBase);
    expect(fs.readFileSync(path.join(subDistDir, 'robots.txt'), 'utf8')).toContain(`${subBase}sitemap-index.xml`);
  });

  it('makes every root-relative link and asset start with the base', () => {
    const urls = [...doc.querySelectorAll('[href], [src]')]
      .map((el) => el.getAttribute('href') ?? el.getAttribute('src')!)
      .filter((u) => u.startsWith('/'));
    expect(urls.length).toBeGreaterThan(2);
    for (const u of urls) expect(u.startsWith(subBase), u).toBe(true);
    for (const u of urls) {
      const file = path.join(subDistDir, decodeURIComponent(u.slice(subBase.length)).replace(/\/$/, '/index.html'));
      expect(fs.existsSync(file), u).toBe(true);
    }
  });
});
