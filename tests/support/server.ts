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

/** What a test can do to the network between the browsers and a hosted build. */
export interface Network {
  /** Serves another build from now on, at the same address: a new deploy. */
  deploy(dir: string): void;
  /**
   * Drops the network as a reader's browser meets it: the server stops listening and cuts every
   * open connection, so each request is refused. `reconnect` listens again at the same address.
   */
  disconnect(): Promise<void>;
  reconnect(): Promise<void>;
  /**
   * Answers every request for a path (below the base) that a pattern matches with 503, as a proxy
   * or a failed deploy of one file would; `unblock` lifts every block.
   */
  block(...patterns: RegExp[]): void;
  unblock(): void;
}

/** Answers a request itself, returning true, before the built files are looked up; `path` is below the base. */
type Handler = (req: http.IncomingMessage, res: http.ServerResponse, path: string) => boolean;

/**
 * Serves a built site on loopback, mounted under `base` as a static host would; `headersFor`
 * adds response headers per path (a host that reads `_headers`).
 */
export async function serveDist(
  dir: string,
  base = '/',
  headersFor: (path: string) => Iterable<[string, string]> = () => [],
  handle: Handler = () => false,
): Promise<StaticServer & Omit<Network, 'block' | 'unblock'>> {
  const sirvOf = (d: string) => sirv(d, { dev: false, etag: true, extensions: ['html'] });
  let files = sirvOf(dir);
  const server = http.createServer((req, res) => {
    const url = req.url ?? '/';
    if (!url.startsWith(base)) {
      res.statusCode = 404;
      res.end('Not found');
      return;
    }
    for (const [k, v] of headersFor(decodeURI(url.split('?')[0]))) res.setHeader(k, v);
    req.url = '/' + url.slice(base.length);
    if (handle(req, res, decodeURI(req.url.split('?')[0]))) return;
    files(req, res, () => {
      res.statusCode = 404;
      res.end('Not found');
    });
  });
  const listen = (at: number) =>
    new Promise<void>((resolve) => server.listen(at, '127.0.0.1', () => resolve()));
  await listen(0);
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  const close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return {
    url: origin + base,
    origin,
    close: () => (server.listening ? close() : Promise.resolve()),
    deploy: (next) => void (files = sirvOf(next)),
    disconnect: close,
    reconnect: () => listen(port),
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
  const rules = fs.existsSync(headersFile)
    ? parseHeadersFile(fs.readFileSync(headersFile, 'utf8'))
    : [];
  return serveDist(dir, base, (urlPath) => headersFor(rules, urlPath));
}

/** A hosted build that also tells what went wrong in the browsers it served. */
export interface ObservedServer extends StaticServer {
  /** CSP violations the browsers reported to the policy's `report-uri`, one line each. */
  cspReports: string[];
  /** Requests answered with an error status, as `404 /path`. */
  failedResponses: string[];
}

const REPORTS = '__csp-reports';
const RECORDER = '__page-problems.js';

/**
 * Records in the page what a reader would see in the console: uncaught errors, rejections, failed
 * loads and CSP violations. Classic WebDriver has no console, so every engine reads this instead.
 */
const recorder = `(() => {
  const seen = (window.__pageProblems = []);
  // A driver that can listen (Chromium's) is told each problem at once, so none is lost when the page navigates.
  const record = (text) => (seen.push(text), window.__reportPageProblem?.(text));
  addEventListener('error', (e) => record(e instanceof ErrorEvent ? e.message + ' (' + e.filename + ':' + e.lineno + ')' : 'failed to load ' + (e.target.src || e.target.href)), true);
  addEventListener('unhandledrejection', (e) => record('unhandled rejection: ' + e.reason));
  document.addEventListener('securitypolicyviolation', (e) => record(e.effectiveDirective + ' blocked ' + (e.blockedURI || 'inline') + ' (' + e.sourceFile + ':' + e.lineNumber + ')'));
})();
`;

/**
 * Hosts a build as `hostBuild` does, with two additions that leave the policy as strict as it is:
 * the header policy gains a `report-uri` pointing back at this server, and each page gains, first in
 * its head, a same-origin script that records problems in the page (`'self'` allows it, so no
 * source is added to the policy).
 */
export async function hostObservedBuild(
  dir: string,
  base = '/',
): Promise<ObservedServer & Network> {
  const rulesOf = (d: string) => {
    const headersFile = path.join(d, '_headers');
    return fs.existsSync(headersFile) ? parseHeadersFile(fs.readFileSync(headersFile, 'utf8')) : [];
  };
  let rules = rulesOf(dir);
  const blocked: RegExp[] = [];
  const cspReports: string[] = [];
  const failedResponses: string[] = [];
  const withReports = (urlPath: string) =>
    [...headersFor(rules, urlPath)].map(([k, v]): [string, string] =>
      k === 'content-security-policy' ? [k, `${v}; report-uri ${base}${REPORTS}`] : [k, v],
    );
  const handle: Handler = (req, res, urlPath) => {
    res.on(
      'finish',
      () =>
        res.statusCode >= 400 &&
        failedResponses.push(`${res.statusCode} ${base}${urlPath.slice(1)}`),
    );
    if (blocked.some((re) => re.test(urlPath))) {
      res.statusCode = 503;
      res.end('Blocked');
      return true;
    }
    if (urlPath === `/${REPORTS}`) {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        for (const report of cspReportLines(body)) cspReports.push(report);
        res.statusCode = 204;
        res.end();
      });
      return true;
    }
    if (urlPath === `/${RECORDER}`) {
      res.setHeader('Content-Type', 'text/javascript; charset=utf-8');
      // Kept by the browser's cache, so a page reloaded with the network down still records (WebKit
      // revalidates on reload what is not immutable).
      res.setHeader('Cache-Control', 'max-age=3600, immutable');
      res.end(recorder);
      return true;
    }
    const file = path.join(dir, urlPath.endsWith('/') ? urlPath + 'index.html' : urlPath);
    if (!file.endsWith('.html') || !fs.existsSync(file)) return false;
    const html = fs.readFileSync(file, 'utf8');
    // First in the head, before the inline scripts whose errors it is there to catch.
    const at = html.indexOf('<head>') + '<head>'.length;
    if (at < '<head>'.length) throw new Error(`${file} has no <head> to place the recorder in`);
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.end(html.slice(0, at) + `<script src="${base}${RECORDER}"></script>` + html.slice(at));
    return true;
  };
  const server = await serveDist(dir, base, withReports, handle);
  return {
    ...server,
    cspReports,
    failedResponses,
    deploy(next) {
      dir = next;
      rules = rulesOf(next);
      server.deploy(next);
    },
    block: (...patterns) => void blocked.push(...patterns),
    unblock: () => void blocked.splice(0),
  };
}

/** Each report of a `report-uri` POST (`application/csp-report`, one object or a list) as one line. */
function cspReportLines(body: string): string[] {
  const parsed = JSON.parse(body) as unknown;
  return (Array.isArray(parsed) ? parsed : [parsed]).map(
    (item: Record<string, Record<string, string | number>>) => {
      const r = item['csp-report'] ?? item.body ?? item;
      return `${r['effective-directive'] ?? r['violated-directive'] ?? r.effectiveDirective} blocked ${r['blocked-uri'] ?? r.blockedURL ?? 'inline'} (${r['source-file'] ?? r['document-uri'] ?? r.documentURL}:${r['line-number'] ?? r.lineNumber ?? ''})`;
    },
  );
}
