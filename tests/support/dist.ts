import fs from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { distDir } from './paths.ts';

export function readDist(file = 'index.html', dir = distDir): string {
  return fs.readFileSync(path.join(dir, file), 'utf8');
}

/** The built chapter page as a DOM (linkedom). */
export function chapterDocument(dir = distDir): Document {
  return parseHTML(readDist('index.html', dir)).document as unknown as Document;
}
