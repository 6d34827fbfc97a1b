import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { buildHeadersFile, type PagePolicy, servedPaths } from '../lib/security-headers.ts';

/** The types of the files the build writes beside the pages. */
const fileTypes: Record<string, string> = {
  md: 'text/markdown',
  txt: 'text/plain',
  epub: 'application/epub+zip',
};
const typeOf = (file: string) => fileTypes[file.slice(file.lastIndexOf('.') + 1)];

const metaPattern = /<meta http-equiv="content-security-policy" content="([^"]*)"/i;

function htmlFiles(dir: string, sub = ''): string[] {
  return fs
    .readdirSync(path.join(dir, sub), { withFileTypes: true })
    .flatMap((entry) => {
      const rel = path.posix.join(sub, entry.name);
      if (entry.isDirectory()) return htmlFiles(dir, rel);
      return entry.name.endsWith('.html') ? [rel] : [];
    })
    .sort();
}

/**
 * Writes `_headers` into the build. It is generated rather than kept in `public/` because the
 * page's policy carries hashes of its inline scripts, which change with every edit to them; the
 * header copies each built page's own meta policy, so the two can never drift apart.
 */
export default function securityHeaders(): AstroIntegration {
  let base = '/';
  return {
    name: 'security-headers',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:done': ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const pages: PagePolicy[] = [];
        for (const file of htmlFiles(out)) {
          const meta = fs.readFileSync(path.join(out, file), 'utf8').match(metaPattern);
          if (!meta)
            throw new Error(
              `${file} has no Content-Security-Policy meta; the page would be served without a policy.`,
            );
          pages.push({
            paths: servedPaths(base, file),
            metaPolicy: meta[1]
              .replaceAll('&#39;', "'")
              .replaceAll('&quot;', '"')
              .replaceAll('&amp;', '&'),
          });
        }
        const textFiles = fs
          .readdirSync(out)
          .filter((f) => /\.(md|txt|epub)$/.test(f))
          .sort()
          .map((f) => ({ path: f, type: typeOf(f) }));
        fs.writeFileSync(path.join(out, '_headers'), buildHeadersFile(base, pages, textFiles));
        logger.info(`_headers written for ${pages.length} page(s)`);
      },
    },
  };
}
