import { describe, expect, it } from 'vitest';
import { newestOf, newestTime, parseBlamePorcelain } from '../../../src/lib/blame.ts';
import { calendarDay } from '../../../src/lib/dates.ts';

const A = 'a'.repeat(40);
const B = 'b'.repeat(40);
const NONE = '0'.repeat(40);
const details = (time: number) => [
  'author X',
  'author-mail <x@example.org>',
  `author-time ${time - 100}`,
  'author-tz +0800',
  'committer Y',
  'committer-mail <y@example.org>',
  `committer-time ${time}`,
  'committer-tz +0800',
  'summary s',
  'filename f.mdx',
];

// A five-line file as `git blame --porcelain` prints it: lines 1–2 and 5 from A, line 3 from B,
// line 4 changed in the working tree. A commit's details come only with its first line.
const porcelain = [
  `${A} 1 1 2`,
  ...details(1_000),
  '\t## 甲',
  `${A} 2 2`,
  '\t',
  `${B} 3 3 1`,
  ...details(2_000),
  'previous ' + A + ' f.mdx',
  'filename f.mdx',
  '\t正文。',
  `${NONE} 4 4 1`,
  'author Not Committed Yet',
  'author-time 9999999999',
  'committer Not Committed Yet',
  'committer-time 9999999999',
  'filename f.mdx',
  '\t新的一行。',
  `${A} 5 5 1`,
  '\t末行。',
  '',
].join('\n');

describe('reading git blame', () => {
  const times = parseBlamePorcelain(porcelain);

  it('gives each line the committer time of the commit that last changed it, a commit’s details being read once', () => {
    expect(times.slice(1)).toEqual([1_000, 1_000, 2_000, undefined, 1_000]);
  });

  it('counts a line not yet committed as no date (not the moment blame ran)', () => {
    expect(times[4]).toBeUndefined();
    expect(newestTime(times, 4, 4)).toBeUndefined();
  });

  it('dates a range of lines by its newest committed line', () => {
    expect(newestTime(times, 1, 2)).toBe(1_000);
    expect(newestTime(times, 1, 5)).toBe(2_000);
    expect(newestTime(times, 4, 5)).toBe(1_000);
    expect(newestOf([undefined, 3, 7, undefined, 5])).toBe(7);
    expect(newestOf([undefined])).toBeUndefined();
  });
});

describe('calendar days at a fixed offset', () => {
  // 2026-11-25T16:30:00Z: still the 25th in UTC, already the 26th at UTC+8.
  const moment = Date.UTC(2026, 10, 25, 16, 30) / 1000;

  it('takes the day at the offset given, whatever the machine’s own time zone', () => {
    expect(calendarDay(moment, 0)).toBe('2026-11-25');
    expect(calendarDay(moment, 8 * 60)).toBe('2026-11-26');
    expect(calendarDay(moment - 30 * 60 - 1, 8 * 60)).toBe('2026-11-25');
  });
});
