import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The root build (base `/`) and the sub-path build (base `/chapter-14/`), made by `npm test` before Vitest runs. */
export const distDir = path.join(root, process.env.DIST_DIR ?? 'dist');
export const subDistDir = path.join(root, process.env.SUB_DIST_DIR ?? 'dist-sub');
export const subBase = '/chapter-14/';
export const contentDir = path.join(root, 'content');
/** The chapter as published (the seed text): the golden file every derived form is checked against. */
export const sourceMarkdown = path.join(root, 'tests', 'golden', 'chapter-14.md');
