import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import type { SectionText } from '../lib/search/sections.ts';

/**
 * Indexes the built chapter with Pagefind's Node API as the last step of `astro build`, into
 * `<outDir>/pagefind/`. The index covers `data-pagefind-body`; every heading with an id is a
 * sub-result, which on this one-page site is what a reader is looking for.
 */
export default function pagefindIndex(searchTexts: readonly SectionText[]): AstroIntegration {
  return {
    name: 'chapter-pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const started = performance.now();
        const { index, errors } = await pagefind.createIndex();
        if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
        const added = await index.addDirectory({ path: outDir, glob: '**/*.html' });
        if (added.errors.length > 0) throw new Error(`Pagefind indexing failed: ${added.errors.join('; ')}`);
        if (added.page_count < 1) throw new Error('Pagefind found no page with data-pagefind-body to index');
        const written = await index.writeFiles({ outputPath: path.join(outDir, 'pagefind') });
        if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
        await pagefind.close();
        // The text of each section, for ranking whole-query matches first (see lib/search/rank.ts).
        fs.writeFileSync(path.join(outDir, 'pagefind', 'chapter-sections.json'), JSON.stringify(searchTexts));
        logger.info(`indexed ${added.page_count} page(s) in ${Math.round(performance.now() - started)} ms`);
      },
    },
  };
}
