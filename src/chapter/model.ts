// The chapter, read once: every form the site publishes (the page's plugins, the chapter's
// Markdown, the copied sections, the figure data, the term index, search's texts, llms.txt) is
// derived from this one model.
import path from 'node:path';
import type { Heading } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { newestOf, newestTime } from '../lib/blame.ts';
import type { CitationIndex } from '../lib/citations.ts';
import { calendarDay } from '../lib/dates.ts';
import type { FigureModel } from '../lib/figures/model.ts';
import { findDuplicateIds, type HeadingOccurrence } from '../lib/heading-ids.ts';
import { glossaryForSearch } from '../lib/search/glossary-data.ts';
import type { Glossary } from '../lib/search/glossary.ts';
import type { SectionText } from '../lib/search/sections.ts';
import type { ChapterFacts } from '../lib/schemas/facts.ts';
import { sectionRanges, type SourceRange } from '../lib/section-source.ts';
import { lineLink } from '../lib/source-links.ts';
import { slugForHeading } from '../lib/slug.ts';
import { TERM_INDEX_TITLE, type TermIndex } from '../lib/term-index.ts';
import remarkReadFigures from './figures.ts';
import { buildCitationIndex } from './citations.ts';
import { parseFacts, readFactsFile } from './facts.ts';
import { CHAPTER_MARKDOWN, deriveChapterMarkdown } from './markdown.ts';
import {
  ContentError,
  type ContentProblem,
  displayPath,
  problemFromMessage,
} from '../lib/content-error.ts';
import { HISTORY_UTC_OFFSET_MINUTES, readHistory, type SourceHistory } from './history.ts';
import { readSections, type SectionSource } from './read-sections.ts';
import { chapterSearchTexts, termIndexSearchTexts } from './search-texts.ts';
import { termLocations } from './term-locations.ts';
import { buildTermIndexFrom, readTermsFile } from './terms.ts';

export interface ChapterHeading {
  depth: number;
  text: string;
  id: string;
}

/** Where an h2/h3 section is written, when it last changed and where its source can be read. */
export interface SectionRevision {
  id: string;
  heading: string;
  /** The section file, relative to the repository's top folder (or the project's, without one). */
  path: string;
  startLine: number;
  endLine: number;
  /** The day its newest committed line was committed (YYYY-MM-DD); absent without history. */
  updated?: string;
  /** Its lines in the source repository; absent when the facts name no repository. */
  sourceUrl?: string;
}

/** Everything the site publishes, derived from the section files; plain data, so pages can import it. */
export interface ChapterModel {
  /** The chapter's title: the opening section's first heading. */
  title: string;
  /** The chapter's opening paragraph, its own summary of itself: the description when the facts give none. */
  opening: string;
  /** What the facts file states; what it does not state is absent, never filled in. */
  facts: ChapterFacts;
  /** When the chapter's text last changed (YYYY-MM-DD): the newest of its sections' dates. */
  updated?: string;
  /** Each h2/h3 section of the section files, in reading order. */
  revisions: SectionRevision[];
  /** Why nothing is dated (no git history), for the build log; absent when dates were read. */
  historyMissing?: string;
  /** The section files in order, with their headings and how many figures each draws. */
  sections: { stem: string; title: string; headings: ChapterHeading[]; figures: number }[];
  /** Every figure, in reading order. */
  figures: FigureModel[];
  citations: CitationIndex;
  /** The chapter's Markdown, published as `markdownFile`, and where each h2/h3 section sits in it. */
  markdownFile: string;
  markdown: string;
  ranges: SourceRange[];
  terms?: TermIndex;
  /** The page's sections as search ranks them: the chapter's, then the term index's. */
  searchTexts: SectionText[];
  /** Every term's names and places, for search's query expansion and term card. */
  glossary: Glossary;
}

/** Reads the content folder and derives the model; throws a ContentError naming every problem's file, line and column. */
export function prepareChapter(dir: string): ChapterModel {
  return modelOf(readSections(dir), readTermsFile(dir), {
    facts: readFactsFile(dir),
    history: readHistory(dir),
  });
}

export interface ModelSources {
  /** The facts file; without one no fact is known. */
  facts?: { file: string; text: string };
  /** The section files' git history; without it nothing is dated. */
  history?: SourceHistory;
}

/** The model of parsed section files and, when there are, the term index's data file, the facts file and the history. */
export function modelOf(
  sections: SectionSource[],
  termsFile?: { file: string; text: string },
  sources: ModelSources = {},
): ChapterModel {
  const problems: ContentProblem[] = [];
  const orders = new Map<number, string>();
  for (const s of sections) {
    const other = orders.get(s.order);
    if (other)
      problems.push({
        file: s.file,
        ...s.fieldPosition(['order']),
        message: `frontmatter field "order": ${s.order} is also the order of ${displayPath(other)}`,
        hint: 'Each section file needs its own position on the page.',
      });
    orders.set(s.order, s.file);
  }

  const figuresOf = new Map<SectionSource, FigureModel[]>();
  for (const s of sections) {
    const file = new VFile({
      path: s.file,
      value: s.body,
      data: { figureSpecs: s.frontmatter.figures ?? {}, fieldPosition: s.fieldPosition },
    });
    unified().use(remarkReadFigures).runSync(s.tree, file);
    problems.push(...file.messages.map((m) => problemFromMessage(m, s.file)));
    figuresOf.set(s, file.data.figures ?? []);
  }
  const figures = sections.flatMap((s) => figuresOf.get(s)!);
  const figureFile = new Map<string, string>();
  for (const s of sections) {
    for (const f of figuresOf.get(s)!) {
      const other = figureFile.get(f.name);
      if (other)
        problems.push({
          file: s.file,
          ...s.fieldPosition(['figures', f.name]),
          message: `figure "${f.name}" is also the name of a figure in ${displayPath(other)}`,
          hint: 'A figure’s name is its data files’ name (data/<name>.json), so it must be unique in the chapter.',
        });
      figureFile.set(f.name, s.file);
    }
  }

  const sectionInfo = sections.map((s) => {
    const headings: (ChapterHeading & { line: number })[] = [];
    for (const node of s.tree.children) {
      if (node.type !== 'heading') continue;
      const text = toString(node as Heading);
      headings.push({
        depth: node.depth,
        text,
        id: slugForHeading(text),
        line: node.position?.start.line ?? 0,
      });
    }
    if (headings.length === 0)
      problems.push({
        file: s.file,
        line: 1,
        message: 'the section has no heading',
        hint: 'A section file starts with its heading (## 14.1 …); the heading is its title in the table of contents.',
      });
    return { s, headings };
  });

  const occurrences: HeadingOccurrence[] = sectionInfo.flatMap(({ s, headings }) => [
    ...headings.map((h) => ({
      file: s.file,
      line: h.line,
      text: `heading "${h.text}"`,
      id: h.id,
      depth: h.depth,
    })),
    ...figuresOf.get(s)!.flatMap((f) =>
      f.rows.map((r) => ({
        file: s.file,
        line: r.line,
        text: `figure ${f.name}, row "${r.label}"`,
        id: r.id,
      })),
    ),
  ]);
  for (const d of findDuplicateIds(occurrences)) {
    const [first, ...rest] = d.occurrences;
    for (const o of rest) {
      problems.push({
        file: o.file,
        line: o.line,
        message: `duplicate id "${d.id}": ${o.text} gets the same id as ${first.text} at ${displayPath(first.file)}:${first.line}`,
        hint: 'Every heading and figure row is a link target, so each needs its own id; reword one of them (or give a figure an idPrefix).',
      });
    }
  }

  const citations = buildCitationIndex(sections);
  problems.push(...citations.problems);

  const titleHeading = sectionInfo[0]?.headings[0];
  const { facts, problems: factProblems } = sources.facts
    ? parseFacts(
        sources.facts,
        titleHeading && {
          text: titleHeading.text,
          file: sectionInfo[0].s.file,
          line: titleHeading.line,
        },
      )
    : { facts: {}, problems: [] };
  problems.push(...factProblems);
  if (problems.length > 0) throw new ContentError(problems);

  const figureMap = new Map(figures.map((f) => [f.name, f]));
  const { markdown, ranges } = deriveChapterMarkdown(sections);
  const terms = termsFile
    ? buildTermIndexFrom(termsFile, termLocations(sections, figureMap))
    : { problems: [] };
  if (terms.problems.length > 0) throw new ContentError(terms.problems);

  const history = sources.history;
  const dated = history && 'times' in history ? history : undefined;
  const day = (t: number | undefined) =>
    t === undefined ? {} : { updated: calendarDay(t, HISTORY_UTC_OFFSET_MINUTES) };
  const relative = (file: string) =>
    path
      .relative(dated?.root ?? process.cwd(), file)
      .split(path.sep)
      .join('/');
  const revisions: SectionRevision[] = sections.flatMap((s) =>
    sectionRanges(s.tree).map(({ id, heading, startLine, endLine }) => ({
      id,
      heading,
      path: relative(s.file),
      startLine,
      endLine,
      ...day(dated && newestTime(dated.times(s.file), startLine, endLine)),
      ...(facts.repository
        ? { sourceUrl: lineLink(facts.repository, relative(s.file), startLine, endLine) }
        : {}),
    })),
  );
  // The chapter changed when any line of its text did: the opening and every section, not the frontmatter.
  const chapterTime = newestOf(
    sections.map((s) => {
      const blocks = s.tree.children;
      return dated && blocks.length > 0
        ? newestTime(
            dated.times(s.file),
            blocks[0].position!.start.line,
            blocks.at(-1)!.position!.end.line,
          )
        : undefined;
    }),
  );
  const opening = sections[0]?.tree.children.find((n) => n.type === 'paragraph');

  return {
    title: titleHeading?.text ?? '',
    opening: opening ? toString(opening) : '',
    facts,
    ...day(chapterTime),
    revisions,
    ...(history && 'missing' in history ? { historyMissing: history.missing } : {}),
    sections: sectionInfo.map(({ s, headings }) => ({
      stem: s.stem,
      title: headings[0]?.text ?? '',
      headings: headings.map(({ depth, text, id }) => ({ depth, text, id })),
      figures: figuresOf.get(s)!.length,
    })),
    figures,
    citations: citations.index,
    markdownFile: CHAPTER_MARKDOWN,
    markdown,
    ranges,
    terms: terms.index,
    searchTexts: [
      ...chapterSearchTexts(sections, figureMap),
      ...(terms.index ? termIndexSearchTexts(terms.index, slugForHeading(TERM_INDEX_TITLE)) : []),
    ],
    glossary:
      terms.index && terms.entries ? glossaryForSearch(terms.entries, terms.index) : { terms: [] },
  };
}
