import fs from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { distDir } from './paths.ts';

export function readDist(file = 'index.html', dir = distDir): string {
  return fs.readFileSync(path.join(dir, file), 'utf8');
}

/** A built page as a DOM (linkedom): the chapter's page unless another is named. */
export function chapterDocument(dir = distDir, page = 'index.html'): Document {
  return parseHTML(readDist(page, dir)).document as unknown as Document;
}

/** The term index's own page as a DOM. */
export const termsDocument = (dir = distDir) => chapterDocument(dir, 'terms/index.html');
