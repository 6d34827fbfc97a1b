import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import sirv from 'sirv';

export interface StaticServer {
  /** Origin plus base, always ending in `/`, e.g. `http://127.0.0.1:41234/chapter-14/`. */
  url: string;
  origin: string;
  close(): Promise<void>;
}

/**
 * Serves a built site on loopback, mounted under `base` as a static host would; `headersFor`
 * adds response headers per path (a host that reads `_headers`).
 */
export async function serveDist(dir: string, base = '/', headersFor: (path: string) => Iterable<[string, string]> = () => []): Promise<StaticServer> {
  const files = sirv(dir, { dev: false, etag: true, extensions: ['html'] });
  const server = http.createServer((req, res) => {
    const url = req.url ?? '/';
    if (!url.startsWith(base)) {
      res.statusCode = 404;
      res.end('Not found');
      return;
    }
    for (const [k, v] of headersFor(decodeURI(url.split('?')[0]))) res.setHeader(k, v);
    req.url = '/' + url.slice(base.length);
    files(req, res, () => {
      res.statusCode = 404;
      res.end('Not found');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: origin + base,
    origin,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Rules of a Netlify / Cloudflare Pages style `_headers` file: a path pattern and its headers. */
export interface HeaderRule {
  pattern: string;
  headers: Map<string, string>;
}

export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) rules.push({ pattern: line.trim(), headers: new Map() });
    else {
      const at = line.indexOf(':');
      rules.at(-1)?.headers.set(line.slice(0, at).trim().toLowerCase(), line.slice(at + 1).trim());
    }
  }
  return rules;
}

function headersFor(rules: HeaderRule[], urlPath: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const rule of rules) {
    const re = new RegExp(
      '^' +
        rule.pattern
          .split('*')
          .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
          .join('.*') +
        '$',
    );
    if (re.test(urlPath)) for (const [k, v] of rule.headers) out.set(k, v);
  }
  return out;
}

/**
 * Serves a build under `base` the way a static host that reads `_headers` does: the header
 * policy and the page's meta policy are then both enforced, as in production.
 */
export async function hostBuild(dir: string, base = '/'): Promise<StaticServer> {
  const headersFile = path.join(dir, '_headers');
  const rules = fs.existsSync(headersFile) ? parseHeadersFile(fs.readFileSync(headersFile, 'utf8')) : [];
  return serveDist(dir, base, (urlPath) => headersFor(rules, urlPath));
}
