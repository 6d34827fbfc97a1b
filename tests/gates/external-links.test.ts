import fs from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { distDir } from '../support/paths.ts';
import { builtPages, pageUrl } from './site.ts';

describe('external links', () => {
  it.each(builtPages(distDir))(
    'in %s open safely: rel="noopener noreferrer" wherever a link opens a new context',
    (file) => {
      const { document } = parseHTML(fs.readFileSync(path.join(distDir, file), 'utf8'));
      const unsafe = [...document.querySelectorAll('a[target], area[target], form[target]')]
        .filter((el) => el.getAttribute('target') !== '_self')
        .filter((el) => {
          const rel = (el.getAttribute('rel') ?? '').split(/\s+/);
          return !(rel.includes('noopener') && rel.includes('noreferrer'));
        })
        .map((el) => el.outerHTML.slice(0, 120));
      expect(unsafe).toEqual([]);
    },
  );
});

describe('page URL helper', () => {
  it('maps built files to served URLs', () => {
    expect(pageUrl('http://h/b/', 'index.html')).toBe('http://h/b/');
    expect(pageUrl('http://h/b/', 'x/index.html')).toBe('http://h/b/x/');
    expect(pageUrl('http://h/b/', '404.html')).toBe('http://h/b/404.html');
  });
});
