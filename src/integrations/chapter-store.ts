import path from 'node:path';
import { modelOf } from '../chapter/read-chapter.ts';
import type { ChapterModel } from '../chapter/model.ts';
import { type ChapterSources, readChapterSources, rereadSource } from '../chapter/sources.ts';
import { ContentError, type ContentProblem } from '../lib/content-error.ts';

/**
 * The chapter the site is made from. The build reads it once; the dev server reads again what
 * an author changes, so everything that uses the chapter asks the store for it when it runs
 * rather than keeping the chapter it was given.
 */
export interface ChapterStore {
  /** The content folder. */
  readonly dir: string;
  /** The chapter as last read without a problem. */
  readonly model: ChapterModel;
  /** What stops the chapter as it is written now; empty while it reads well. */
  readonly problems: readonly ContentProblem[];
  /** Reads again what a changed, added or removed file of the folder holds. */
  reread(file: string): void;
}

/**
 * The chapter of a content folder, read now: a content error throws, naming every problem's
 * file, line and column, so a build (or a dev server started on bad content) stops at once.
 */
export function chapterStore(dir: string): ChapterStore {
  let sources: ChapterSources = readChapterSources(dir);
  let model = modelOf(sources);
  let problems: ContentProblem[] = [];
  return {
    dir,
    get model() {
      return model;
    },
    get problems() {
      return problems;
    },
    reread(file) {
      try {
        // After a failed read every part is read again: what failed may not be what changed.
        sources = problems.length > 0 ? readChapterSources(dir) : rereadSource(sources, dir, file);
        model = modelOf(sources);
        problems = [];
      } catch (error) {
        problems = problemsOf(error, file);
      }
    },
  };
}

/** The problems an error of reading stands for: a file saved half-way is one too. */
function problemsOf(error: unknown, file: string): ContentProblem[] {
  if (error instanceof ContentError) return error.problems;
  const message = error instanceof Error ? error.message : String(error);
  return [{ file: path.resolve(file), message: `cannot read the chapter: ${message}` }];
}
