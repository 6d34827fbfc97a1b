import http from 'node:http';
import type { AddressInfo } from 'node:net';
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
