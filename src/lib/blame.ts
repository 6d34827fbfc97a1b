/**
 * When each line of a file last changed, read from `git blame --porcelain`, and the dates of
 * ranges of lines. Pure: the build runs git (src/chapter/history.ts) and hands the output here.
 */

/** The id blame gives lines that no commit holds yet (changed in the working tree). */
const NOT_COMMITTED = '0'.repeat(40);

/**
 * The committer time (seconds since the epoch) of the commit that last changed each line, by
 * line number (index 0 is unused); undefined for a line not yet committed.
 */
export type LineTimes = readonly (number | undefined)[];

/**
 * Reads porcelain blame output. Each line of the file is a header `<commit> <orig> <final>
 * [<count>]`, the commit's details the first time it appears (`committer-time …`), and the
 * line's text after a tab.
 */
export function parseBlamePorcelain(output: string): LineTimes {
  const times: (number | undefined)[] = [undefined];
  const committed = new Map<string, number>();
  let commit: string | undefined;
  let line = 0;
  for (const row of output.split('\n')) {
    if (row.startsWith('\t')) {
      times[line] = commit === NOT_COMMITTED ? undefined : committed.get(commit!);
      continue;
    }
    const header = /^([0-9a-f]{40}) \d+ (\d+)(?: \d+)?$/.exec(row);
    if (header) {
      commit = header[1];
      line = Number(header[2]);
      continue;
    }
    const time = /^committer-time (\d+)$/.exec(row);
    if (time && commit) committed.set(commit, Number(time[1]));
  }
  return times;
}

/** The newest of some times, ignoring the unknown ones. */
export function newestOf(times: readonly (number | undefined)[]): number | undefined {
  return times.reduce<number | undefined>(
    (newest, t) => (t !== undefined && (newest === undefined || t > newest) ? t : newest),
    undefined,
  );
}

/** The newest committer time among lines `start`–`end` (inclusive); undefined when none of them is committed. */
export function newestTime(times: LineTimes, start: number, end: number): number | undefined {
  return newestOf(times.slice(start, end + 1));
}
