import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { siteSettings } from '../../../src/integrations/site-config.ts';
import { root } from '../../support/paths.ts';
import { messageOf } from '../chapter/content.ts';

const file = path.join(root, 'content/chapter.yaml');

describe('where the site is served', () => {
  it('is the facts file’s site, which SITE_URL overrides for a deploy', () => {
    expect(siteSettings({}, { site: 'https://chapter14.example.org/', file })).toEqual({
      site: 'https://chapter14.example.org',
      base: '/',
    });
    expect(
      siteSettings(
        { SITE_URL: 'https://mirror.example.net', BASE_PATH: 'books/14' },
        { site: 'https://chapter14.example.org', file },
      ),
    ).toEqual({
      site: 'https://mirror.example.net',
      base: '/books/14/',
    });
  });

  it('is never made up: with neither, the build stops naming the facts file', () => {
    expect(messageOf(() => siteSettings({}, { file }))).toMatchInlineSnapshot(`
      "content/chapter.yaml: no site URL: the canonical link, the sitemap, llms.txt and the citations all give the page’s address
        Hint: Add site: https://… to this file, or set SITE_URL for the build."
    `);
  });
});
