import fs from 'node:fs';
import path from 'node:path';
import { ContentError } from '../lib/content-error.ts';
import { inlineScriptHash } from '../lib/inline-scripts.ts';

/**
 * Where the site is served: the facts file's `site`, which SITE_URL overrides for a deploy, and
 * BASE_PATH to serve it under a sub-path. Every published form names the page by its address,
 * so a build with neither stops rather than make one up.
 */
export function siteSettings(
  env: NodeJS.ProcessEnv = process.env,
  authored?: { site?: string; file: string },
): { site: string; base: string } {
  const given = env.SITE_URL || authored?.site;
  if (!given) {
    throw new ContentError([
      {
        file: authored?.file ?? 'content/chapter.yaml',
        message:
          'no site URL: the canonical link, the sitemap, llms.txt and the citations all give the page’s address',
        hint: 'Add site: https://… to this file, or set SITE_URL for the build.',
      },
    ]);
  }
  const site = given.replace(/\/+$/, '');
  const rawBase = env.BASE_PATH ?? '/';
  const base = ('/' + rawBase.replace(/^\/+|\/+$/g, '') + '/').replace(/^\/\/$/, '/');
  return { site, base };
}

/** CSP hash of a script that must run inline, before the first paint. */
export function scriptHash(file: URL): `sha256-${string}` {
  return inlineScriptHash(fs.readFileSync(file, 'utf8'));
}

/**
 * The folder holding the chapter's section files; CONTENT_DIR points a build at another (the
 * tests' fixtures). Resolved from the project root, where builds run: pages are bundled into
 * the output folder, so a path relative to this module would point there.
 */
export function contentDirectory(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(env.CONTENT_DIR ?? 'content');
}
