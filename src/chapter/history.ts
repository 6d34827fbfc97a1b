// When the chapter's lines last changed, from the git history of its section files: one
// `git blame` per file. Dates come from commits, never from the clock, so two builds of one
// commit are identical; without history there are no dates, and the reason is given once.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { type LineTimes, parseBlamePorcelain } from '../lib/blame.ts';

/**
 * Commit times are shown as calendar days in China Standard Time (UTC+8, no daylight saving):
 * the chapter's readers' calendar, and the same on every build machine whatever its own zone.
 */
export const HISTORY_UTC_OFFSET_MINUTES = 8 * 60;

export type SourceHistory =
  /** `root` is the repository's top folder; `times` gives each line's last commit time (undefined: not committed). */
  | { root: string; times: (file: string) => LineTimes }
  /** Why there is no history to read (no git, no repository, a shallow clone, no commits). */
  | { missing: string };

/** git without the caller's GIT_DIR and the like: the content folder decides which repository is read. */
function git(cwd: string, args: string[]): string {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      ([k]) =>
        !/^GIT_(DIR|WORK_TREE|INDEX_FILE|OBJECT_DIRECTORY|COMMON_DIR|CEILING_DIRECTORIES)$/.test(k),
    ),
  );
  return execFileSync('git', args, {
    cwd,
    env,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  });
}

/** The history of the files in a content folder, or why there is none. */
export function readHistory(dir: string): SourceHistory {
  let root: string;
  try {
    const [shallow, top] = git(dir, ['rev-parse', '--is-shallow-repository', '--show-toplevel'])
      .trim()
      .split('\n');
    // A shallow clone's oldest commit claims every line it holds: its date would be a guess.
    if (shallow === 'true') return { missing: 'the repository is a shallow clone' };
    root = fs.realpathSync(top);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      return { missing: 'git is not installed' };
    return { missing: `${path.relative(process.cwd(), dir) || dir} is not in a git repository` };
  }
  try {
    git(root, ['rev-parse', '--verify', '--quiet', 'HEAD']);
  } catch {
    return { missing: 'the repository has no commits yet' };
  }
  const cache = new Map<string, LineTimes>();
  return {
    root,
    times: (file) => {
      let times = cache.get(file);
      if (!times) {
        try {
          times = parseBlamePorcelain(
            git(root, ['blame', '--porcelain', '--', path.relative(root, fs.realpathSync(file))]),
          );
        } catch {
          // A file git does not track: none of its lines is committed.
          times = [];
        }
        cache.set(file, times);
      }
      return times;
    },
  };
}
