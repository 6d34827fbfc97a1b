import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { fromHtml } from 'hast-util-from-html';
import type { ChapterModel } from '../chapter/model.ts';
import { epubBook } from '../lib/epub/book.ts';
import { displayName, licenseUrl, pageDescription, SITE_LANG } from '../lib/site.ts';
import { TERM_INDEX_ID } from '../lib/term-index.ts';

/**
 * Writes the chapter as an EPUB (`chapter.epubFile`) after the build, from the built pages: they
 * hold the chapter word for word with the page's ids and its figures as tables, all derived from
 * the model, so the book is one more form of the same source rather than a second rendering of
 * it. The book's facts come from the model: its title, facts file and history.
 */
export default function epubBookIntegration(
  chapterNow: () => ChapterModel,
  contentDir: string,
): AstroIntegration {
  let chapterUrl = '';
  return {
    name: 'chapter-epub',
    hooks: {
      'astro:config:done': ({ config }) => {
        chapterUrl = new URL(config.base, config.site).href;
      },
      'astro:build:done': ({ dir, logger }) => {
        const chapter = chapterNow();
        const out = fileURLToPath(dir);
        const read = (file: string) => fromHtml(fs.readFileSync(path.join(out, file), 'utf8'));
        const termsFile = path.join('terms', 'index.html');
        const modified = chapter.modified ?? newestFileTime(contentDir);
        if (!chapter.modified)
          logger.warn(
            `The book's date of last change is its content files' newest, ${modified}: ${chapter.historyMissing ?? 'no line of the chapter is committed yet'}.`,
          );
        const bytes = epubBook({
          chapterUrl,
          chapterPage: read('index.html'),
          ...(fs.existsSync(path.join(out, termsFile))
            ? {
                terms: {
                  url: new URL('terms/', chapterUrl).href,
                  page: read(termsFile),
                  id: TERM_INDEX_ID,
                },
              }
            : {}),
          parts: chapter.parts,
          tocTitle: '目录',
          facts: bookFacts(chapter, chapterUrl, modified),
        });
        fs.writeFileSync(path.join(out, chapter.epubFile), bytes);
        logger.info(`${chapter.epubFile} written (${(bytes.length / 1024).toFixed(1)} KB)`);
      },
    },
  };
}

/** What the book says of itself: the model's title and facts, and nothing they do not state. */
function bookFacts(chapter: ChapterModel, url: string, modified: string) {
  const { facts } = chapter;
  return {
    title: chapter.title,
    lang: SITE_LANG,
    url,
    modified,
    description: pageDescription(facts, chapter.opening),
    ...(facts.authors ? { authors: facts.authors.map(displayName) } : {}),
    ...(facts.published ? { published: facts.published } : {}),
    ...(facts.license ? { license: { id: facts.license, url: licenseUrl(facts.license) } } : {}),
    ...(facts.partOf ? { partOf: facts.partOf } : {}),
    ...(facts.keywords ? { keywords: facts.keywords } : {}),
  };
}

/**
 * Without git history (a tarball, a shallow clone) the book still needs the dcterms:modified EPUB
 * requires: the content files' newest modification time, a fact of the content, where the clock's
 * would be a fact of the build and differ on every run.
 */
function newestFileTime(dir: string): string {
  const newest = Math.max(
    ...fs.readdirSync(dir).map((f) => fs.statSync(path.join(dir, f)).mtimeMs),
  );
  return new Date(Math.floor(newest / 1000) * 1000).toISOString().replace(/\.\d+Z$/, 'Z');
}
