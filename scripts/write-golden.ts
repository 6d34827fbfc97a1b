// Writes the chapter's Markdown, as the build derives it from content/, over the tests' golden
// file. For a deliberate revision of the chapter: the golden file's diff is the revision as
// plain Markdown, for review beside the change to content/.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { prepareChapter } from '../src/chapter/read-chapter.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const chapter = prepareChapter(path.join(root, 'content'));
const golden = path.join(root, 'tests', 'golden', chapter.markdownFile);
const before = fs.readFileSync(golden, 'utf8');
fs.writeFileSync(golden, chapter.markdown);
console.log(
  before === chapter.markdown
    ? `${path.relative(root, golden)} is unchanged`
    : `${path.relative(root, golden)} updated: review its diff`,
);
