import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { parseCsp } from '../../src/lib/security-headers.ts';
import { distDir, subBase, subDistDir } from '../support/paths.ts';
import { parseHeadersFile } from '../support/server.ts';
import { builtPages } from './site.ts';

const builds = [
  { name: 'root build', dir: distDir, base: '/' },
  { name: 'sub-path build', dir: subDistDir, base: subBase },
];

const hash = (text: string) =>
  `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

function metaPolicy(document: Document): string {
  const metas = [...document.querySelectorAll('meta[http-equiv]')].filter(
    (m) => m.getAttribute('http-equiv')!.toLowerCase() === 'content-security-policy',
  );
  expect(metas, 'exactly one CSP meta').toHaveLength(1);
  return metas[0].getAttribute('content')!;
}

/** Script types a browser executes; JSON-LD and other data blocks are never run, so CSP ignores them. */
const executable = (type: string | null) =>
  type === null || type === '' || type === 'module' || /javascript|ecmascript/i.test(type);

describe.each(builds)('Content-Security-Policy of every page ($name)', ({ dir, base }) => {
  const pages = builtPages(dir);

  it('builds at least the chapter page', () => {
    expect(pages).toContain('index.html');
  });

  describe.each(pages)('%s', (file) => {
    const { document } = parseHTML(fs.readFileSync(path.join(dir, file), 'utf8'));
    const policy = metaPolicy(document as unknown as Document);
    const csp = parseCsp(policy);

    it('has no unsafe-inline, no unsafe-eval and no wildcard source', () => {
      expect(policy).not.toContain("'unsafe-inline'");
      expect(policy).not.toContain("'unsafe-eval'");
      expect(policy).not.toMatch(/(^|\s)(\*|https?:)(?=\s|;|$)/);
      expect(csp.get('default-src')).toEqual(["'self'"]);
      expect(csp.get('object-src')).toEqual(["'none'"]);
      expect(csp.get('base-uri')).toEqual(["'self'"]);
    });

    it('allows WebAssembly compilation and workers from the site, as search needs, and nothing more', () => {
      // Search runs Pagefind's WebAssembly (`wasm.<language>.pagefind`), in a worker of its own.
      const bundle = fs.readdirSync(path.join(dir, 'pagefind'));
      expect(
        bundle.filter((f) => /^wasm\..*\.pagefind$|^pagefind-worker\.js$/.test(f)),
      ).toHaveLength(2);
      expect(csp.get('script-src')).toContain("'wasm-unsafe-eval'");
      expect(csp.get('worker-src') ?? ["'self'"]).toEqual(["'self'"]);
    });

    it('lists the hash of every inline script and style it contains', () => {
      const scriptSources = csp.get('script-src')!;
      const styleSources = csp.get('style-src') ?? csp.get('default-src')!;
      const scripts = [...document.querySelectorAll('script:not([src])')].filter((s) =>
        executable(s.getAttribute('type')),
      );
      const styles = [...document.querySelectorAll('style')];
      for (const s of scripts)
        expect(scriptSources, `inline script: ${s.textContent!.slice(0, 60)}`).toContain(
          hash(s.textContent!),
        );
      for (const s of styles)
        expect(styleSources, `inline style: ${s.textContent!.slice(0, 60)}`).toContain(
          hash(s.textContent!),
        );
    });

    it('has no style attributes and no inline event handlers, which the policy would block', () => {
      expect(document.querySelectorAll('[style]').length).toBe(0);
      const handlers = [...document.querySelectorAll('*')].flatMap((el) =>
        [...el.attributes]
          .filter((a) => /^on/i.test(a.name))
          .map((a) => `${el.tagName}[${a.name}]`),
      );
      expect(handlers).toEqual([]);
      expect(document.querySelectorAll('a[href^="javascript:" i]').length).toBe(0);
    });

    it('loads scripts, styles and images from its own origin only', () => {
      const external = [
        ...document.querySelectorAll(
          'script[src], link[href][rel~="stylesheet"], link[rel~="preload"], link[rel~="modulepreload"], link[rel~="icon"], img[src], source[srcset], iframe',
        ),
      ]
        .map(
          (el) =>
            el.getAttribute('src') ?? el.getAttribute('href') ?? el.getAttribute('srcset') ?? '',
        )
        .filter((url) => /^(https?:)?\/\//i.test(url));
      expect(external).toEqual([]);
    });
  });

  describe('_headers', () => {
    const headersPath = path.join(dir, '_headers');
    const rules = parseHeadersFile(fs.readFileSync(headersPath, 'utf8'));
    const siteWide = rules.find((r) => r.pattern === `${base}*`);

    it('sends the hardening headers on every path', () => {
      expect(siteWide, `${base}* rule`).toBeDefined();
      const h = siteWide!.headers;
      expect(
        Number(h.get('strict-transport-security')?.match(/max-age=(\d+)/)?.[1]),
      ).toBeGreaterThanOrEqual(31_536_000);
      expect(h.get('x-content-type-options')).toBe('nosniff');
      expect(h.get('referrer-policy')).toMatch(
        /^(no-referrer|strict-origin|strict-origin-when-cross-origin|same-origin)$/,
      );
      expect(h.get('permissions-policy')).toMatch(/camera=\(\)/);
      expect(h.get('permissions-policy')).toMatch(/microphone=\(\)/);
      expect(h.get('permissions-policy')).toMatch(/geolocation=\(\)/);
      expect(h.get('cross-origin-opener-policy')).toBe('same-origin');
      // A policy on the wildcard would be joined with each page's own policy by the host.
      expect(h.has('content-security-policy')).toBe(false);
    });

    it.each(pages)("sends %s the page's own policy plus frame-ancestors 'none'", (file) => {
      const { document } = parseHTML(fs.readFileSync(path.join(dir, file), 'utf8'));
      const meta = parseCsp(metaPolicy(document as unknown as Document));
      const paths = file.endsWith('index.html')
        ? [base + file.replace(/index\.html$/, ''), base + file]
        : [base + file];
      for (const p of paths) {
        const rule = rules.find((r) => r.pattern === p);
        expect(rule, `rule for ${p}`).toBeDefined();
        const header = parseCsp(rule!.headers.get('content-security-policy')!);
        expect(header.get('frame-ancestors')).toEqual(["'none'"]);
        header.delete('frame-ancestors');
        expect(Object.fromEntries([...header].map(([k, v]) => [k, [...v].sort()]))).toEqual(
          Object.fromEntries([...meta].map(([k, v]) => [k, [...v].sort()])),
        );
      }
    });
  });
});
