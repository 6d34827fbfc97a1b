import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chapterDocument } from '../support/dist.ts';
import { distDir, root } from '../support/paths.ts';

/**
 * The top-level items of a stylesheet, each by what comes before its block or semicolon
 * (`@layer base`, `@layer a,b`, `.x`), skipping strings and comments.
 */
export function topLevelItems(css: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < css.length; i++) {
    const c = css[i];
    if (c === '"' || c === "'") {
      for (i++; i < css.length && css[i] !== c; i++) if (css[i] === '\\') i++;
    } else if (c === '/' && css[i + 1] === '*') {
      i = css.indexOf('*/', i + 2) + 1;
      if (depth === 0) start = i + 1;
    } else if (c === '{') {
      if (depth++ === 0) items.push(css.slice(start, i).trim());
    } else if (c === '}') {
      if (--depth === 0) start = i + 1;
    } else if (c === ';' && depth === 0) {
      items.push(css.slice(start, i).trim());
      start = i + 1;
    }
  }
  return items;
}

/** The layers a stylesheet's items name, in the order they first appear. */
const layersOf = (items: readonly string[]) =>
  items.flatMap((item) =>
    item.startsWith('@layer')
      ? item
          .slice('@layer'.length)
          .split(',')
          .map((l) => l.trim())
      : [],
  );

/** The order src/styles/global.css declares, lowest first. */
const declared = layersOf(
  topLevelItems(fs.readFileSync(path.join(root, 'src/styles/global.css'), 'utf8')),
);

/** Every item of the stylesheets a built page links, in the order the page links them. */
function pageItems(page: string): string[] {
  const links = [...chapterDocument(distDir, page).querySelectorAll('link[rel="stylesheet"]')];
  expect(links.length).toBeGreaterThan(0);
  return links.flatMap((l) =>
    topLevelItems(fs.readFileSync(path.join(distDir, l.getAttribute('href')!), 'utf8')),
  );
}

describe('the cascade', () => {
  it('declares its layers in src/styles/global.css', () => {
    expect(declared).toEqual(['reset', 'tokens', 'base', 'prose', 'components', 'print']);
  });

  for (const page of ['index.html', 'terms/index.html']) {
    it(`${page}: every style is in a layer, and the layers take effect in the declared order`, () => {
      const items = pageItems(page);
      expect(items.filter((item) => !item.startsWith('@layer'))).toEqual([]);
      // A layer ranks by where it is first named, whatever the file: a component's block named
      // before the order is declared would put the components below the reset.
      expect([...new Set(layersOf(items))]).toEqual(declared);
    });
  }

  it('finds items in order past strings and comments, and names an unlayered rule', () => {
    const items = topLevelItems(
      '/* a { */@layer x,y;@layer y{.a{content:"}"}}.b{color:red}@media print{@layer x{.c{}}}',
    );
    expect(items).toEqual(['@layer x,y', '@layer y', '.b', '@media print']);
    expect(layersOf(items)).toEqual(['x', 'y', 'y']);
  });
});
