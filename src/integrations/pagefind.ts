import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { unfindableNames } from '../lib/search/glossary-check.ts';
import { type Glossary, namesOf } from '../lib/search/glossary.ts';
import type { SectionText } from '../lib/search/sections.ts';

/**
 * Indexes the built chapter with Pagefind's Node API as the last step of `astro build`, into
 * `<outDir>/pagefind/`. The index covers `data-pagefind-body`; every heading with an id (and
 * every entry of the term index) is a sub-result, which on this one-page site is what a reader
 * is looking for. Beside the index go the sections' texts and the glossary (both from the
 * chapter model), which the dialog loads with it; then every name of every term is searched for
 * as the dialog ranks it, and the build fails naming any a reader could not find.
 */
export default function pagefindIndex(
  chapterNow: () => { searchTexts: SectionText[]; glossary: Glossary },
): AstroIntegration {
  return {
    name: 'chapter-pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const chapter = chapterNow();
        const started = performance.now();
        // Pagefind indexes in a process of its own, closed whether indexing worked or not.
        const pages = await indexSite(outDir).finally(() => pagefind.close());
        const bundle = path.join(outDir, 'pagefind');
        // The text of each section, for ranking whole-query matches first (see lib/search/rank.ts).
        fs.writeFileSync(
          path.join(bundle, 'chapter-sections.json'),
          JSON.stringify(chapter.searchTexts),
        );
        logger.info(`indexed ${pages} page(s) in ${Math.round(performance.now() - started)} ms`);

        const checking = performance.now();
        // The glossary, for query expansion and the term card (see lib/search/glossary.ts).
        fs.writeFileSync(
          path.join(bundle, 'chapter-glossary.json'),
          JSON.stringify(chapter.glossary),
        );
        const problems = unfindableNames(chapter.searchTexts, chapter.glossary);
        if (problems.length > 0)
          throw new Error(
            `search cannot find every name of the term index: ${problems.join('; ')}`,
          );
        const names = chapter.glossary.terms.reduce((n, t) => n + namesOf(t).length, 0);
        logger.info(
          `glossary written; all ${names} names of ${chapter.glossary.terms.length} terms found by search, in ${Math.round(performance.now() - checking)} ms`,
        );
      },
    },
  };
}

/** Indexes the built pages into `<outDir>/pagefind/`; returns how many pages it indexed. */
async function indexSite(outDir: string): Promise<number> {
  const { index, errors } = await pagefind.createIndex();
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  const added = await index.addDirectory({ path: outDir, glob: '**/*.html' });
  if (added.errors.length > 0)
    throw new Error(`Pagefind indexing failed: ${added.errors.join('; ')}`);
  if (added.page_count < 1)
    throw new Error('Pagefind found no page with data-pagefind-body to index');
  const written = await index.writeFiles({ outputPath: path.join(outDir, 'pagefind') });
  if (written.errors.length > 0)
    throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
  return added.page_count;
}
