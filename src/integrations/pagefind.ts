import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { parseHTML } from 'linkedom';
import * as pagefind from 'pagefind';
import { parse as parseYaml } from 'yaml';
import { readSections, readTermIndex, TERMS_FILE } from '../build/chapter-sources.ts';
import { contentDirectory } from '../build/site-config.ts';
import { termsFileSchema } from '../lib/schemas/terms.ts';
import { unfindableNames } from '../lib/search/glossary-check.ts';
import { glossaryForSearch } from '../lib/search/glossary-data.ts';
import { type Glossary, namesOf } from '../lib/search/glossary.ts';
import { sectionTextsFromDocument } from '../lib/search/sections.ts';
import { withPagefindBundle } from './pagefind-node.ts';

/** The glossary search expands queries with: the data file's names, the term index's places. */
function readGlossary(): Glossary {
  const dir = contentDirectory();
  const file = path.join(dir, TERMS_FILE);
  if (!fs.existsSync(file)) return { terms: [] };
  // The config has already checked the data file and built the index; a bad file never gets here.
  const terms = termsFileSchema.parse(parseYaml(fs.readFileSync(file, 'utf8')));
  const index = readTermIndex(dir, readSections(dir));
  return index ? glossaryForSearch(terms, index) : { terms: [] };
}

/**
 * Indexes the built chapter with Pagefind's Node API as the last step of `astro build`, into
 * `<outDir>/pagefind/`. The index covers `data-pagefind-body`; every heading with an id (and
 * every entry of the term index) is a sub-result, which on this one-page site is what a reader
 * is looking for. Beside the index go the sections' texts and the glossary, which the dialog
 * loads with it; then every name of every term is searched for as the dialog would, and the
 * build fails naming any a reader could not find.
 */
export default function pagefindIndex(): AstroIntegration {
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
        const html = fs.readFileSync(path.join(outDir, 'index.html'), 'utf8');
        const sections = sectionTextsFromDocument(parseHTML(html).document as unknown as Document);
        const bundle = path.join(outDir, 'pagefind');
        fs.writeFileSync(path.join(bundle, 'chapter-sections.json'), JSON.stringify(sections));
        logger.info(`indexed ${added.page_count} page(s) in ${Math.round(performance.now() - started)} ms`);

        const checking = performance.now();
        // The glossary, for query expansion and the term card (see lib/search/glossary.ts).
        const glossary = readGlossary();
        fs.writeFileSync(path.join(bundle, 'chapter-glossary.json'), JSON.stringify(glossary));
        const problems = await withPagefindBundle(bundle, (api) => unfindableNames(api, sections, glossary));
        if (problems.length > 0) throw new Error(`search cannot find every name in ${TERMS_FILE}: ${problems.join('; ')}`);
        const names = glossary.terms.reduce((n, t) => n + namesOf(t).length, 0);
        logger.info(`glossary written; all ${names} names of ${glossary.terms.length} terms found by search, in ${Math.round(performance.now() - checking)} ms`);
      },
    },
  };
}
