import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

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

/**
 * The folder holding the chapter's section files; CONTENT_DIR points a build at another (the
 * tests' fixtures). Resolved from the project root, where builds run: pages are bundled into
 * the output folder, so a path relative to this module would point there.
 */
export function contentDirectory(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(env.CONTENT_DIR ?? 'content');
}
