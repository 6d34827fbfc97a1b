import { createHash } from 'node:crypto';
import fs from 'node:fs';

/** Where the site is served. Override with SITE_URL and BASE_PATH to deploy under a sub-path. */
export function siteSettings(env: NodeJS.ProcessEnv = process.env): { site: string; base: string } {
  const site = (env.SITE_URL ?? 'https://chapter14.example.org').replace(/\/+$/, '');
  const rawBase = env.BASE_PATH ?? '/';
  const base = ('/' + rawBase.replace(/^\/+|\/+$/g, '') + '/').replace(/^\/\/$/, '/');
  return { site, base };
}

/** CSP hash of a script that must run inline (the pre-paint theme script). */
export function scriptHash(file: URL): `sha256-${string}` {
  return `sha256-${createHash('sha256').update(fs.readFileSync(file, 'utf8')).digest('base64')}`;
}
