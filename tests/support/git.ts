import { execFileSync } from 'node:child_process';

/** When a fixture commit was written and when it was committed (ISO 8601, with a zone). */
export interface CommitDates {
  author: string;
  committer: string;
}

/*
 * Runs git in a fixture repository with a fixed identity, no signing and, when given, fixed
 * dates, so a test's history is the same on every machine whatever its git configuration.
 */
export function git(cwd: string, args: readonly string[], dates?: CommitDates): string {
  return execFileSync('git', ['-c', 'commit.gpgsign=false', ...args], {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'A',
      GIT_AUTHOR_EMAIL: 'a@example.org',
      GIT_COMMITTER_NAME: 'C',
      GIT_COMMITTER_EMAIL: 'c@example.org',
      ...(dates ? { GIT_AUTHOR_DATE: dates.author, GIT_COMMITTER_DATE: dates.committer } : {}),
    },
  });
}
