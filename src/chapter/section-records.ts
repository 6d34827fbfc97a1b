// One record per h2/h3 section: where it is written, where the chapter's Markdown has it, when it
// last changed and where its source can be read.
import path from 'node:path';
import { newestOf, newestTime } from '../lib/blame.ts';
import { calendarDay } from '../lib/dates.ts';
import type { ChapterFacts } from '../lib/schemas/facts.ts';
import { sectionRanges } from '../lib/section-source.ts';
import { lineLink } from '../lib/source-links.ts';
import { HISTORY_UTC_OFFSET_MINUTES, type SourceHistory } from './history.ts';
import type { MarkdownRange } from './markdown.ts';
import type { ChapterSection } from './model.ts';
import type { SectionSource } from './read-sections.ts';

/** History that can date lines; none when it is missing. */
type Dated = Extract<SourceHistory, { root: string }>;

const datedOf = (history?: SourceHistory): Dated | undefined =>
  history && 'times' in history ? history : undefined;

/** A commit time as the day the chapter shows, or nothing. */
const dayOf = (time: number | undefined) =>
  time === undefined ? {} : { updated: calendarDay(time, HISTORY_UTC_OFFSET_MINUTES) };

/** Each h2/h3 section of the section files, in reading order, dated when there is history. */
export function sectionRecords(
  sections: readonly SectionSource[],
  ranges: readonly MarkdownRange[],
  facts: ChapterFacts,
  history?: SourceHistory,
): ChapterSection[] {
  const dated = datedOf(history);
  const inMarkdown = new Map(ranges.map((r) => [r.heading.id, r]));
  // Paths as the repository names them (the project's folder stands in without one).
  const relative = (file: string) =>
    path
      .relative(dated?.root ?? process.cwd(), file)
      .split(path.sep)
      .join('/');
  return sections.flatMap((s) =>
    sectionRanges(s.tree).map(({ heading, startLine, endLine }) => ({
      heading,
      start: inMarkdown.get(heading.id)!.start,
      end: inMarkdown.get(heading.id)!.end,
      path: relative(s.file),
      startLine,
      endLine,
      ...dayOf(dated && newestTime(dated.times(s.file), startLine, endLine)),
      ...(facts.repository
        ? { sourceUrl: lineLink(facts.repository, relative(s.file), startLine, endLine) }
        : {}),
    })),
  );
}

/**
 * When the chapter last changed: when any line of its text did, the opening and every section,
 * not the frontmatter; as the day the page shows and as the instant (UTC, to the second) the
 * e-book's metadata needs. Nothing without history.
 */
export function chapterUpdated(
  sections: readonly SectionSource[],
  history?: SourceHistory,
): { updated?: string; modified?: string } {
  const dated = datedOf(history);
  if (!dated) return {};
  const newest = newestOf(
    sections.map((s) => {
      const blocks = s.tree.children;
      return blocks.length > 0
        ? newestTime(
            dated.times(s.file),
            blocks[0].position!.start.line,
            blocks.at(-1)!.position!.end.line,
          )
        : undefined;
    }),
  );
  return newest === undefined
    ? {}
    : { ...dayOf(newest), modified: new Date(newest * 1000).toISOString().replace(/\.\d+Z$/, 'Z') };
}

/** Why nothing is dated, when that is so. */
export function historyMissing(history?: SourceHistory): { historyMissing?: string } {
  return history && 'missing' in history ? { historyMissing: history.missing } : {};
}
