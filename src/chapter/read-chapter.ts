// The chapter, read: a pure function of the content folder that gives the model, or every
// problem at once, each at its file, line and column. The steps are named below; each part of the
// sources can be read again on its own (sources.ts), so a change re-reads only what changed.
import { toString } from 'mdast-util-to-string';
import { ContentError, type ContentProblem } from '../lib/content-error.ts';
import type { FigureModel } from '../lib/figures/model.ts';
import { glossaryForSearch } from '../lib/search/glossary-data.ts';
import { TERM_INDEX_ID } from '../lib/term-index.ts';
import {
  duplicateIdProblems,
  figureNameProblems,
  headingProblems,
  headingsOf,
  orderProblems,
  type PlacedHeading,
} from './checks.ts';
import { buildCitationIndex } from './citations.ts';
import { parseFacts } from './facts.ts';
import { readFigures } from './figures.ts';
import { CHAPTER_EPUB, CHAPTER_MARKDOWN, deriveChapterMarkdown } from './markdown.ts';
import type { ChapterModel } from './model.ts';
import type { SectionSource } from './read-sections.ts';
import { chapterSearchTexts, termIndexSearchTexts } from './search-texts.ts';
import { chapterUpdated, historyMissing, sectionRecords } from './section-records.ts';
import { type ChapterSources, readChapterSources, type SourceFile } from './sources.ts';
import { termLocations } from './term-locations.ts';
import { buildTermIndexFrom } from './terms.ts';

/** The chapter model of a content folder, or the problems that stop it. */
export function readChapter(
  dir: string,
):
  | { model: ChapterModel; problems?: undefined }
  | { model?: undefined; problems: ContentProblem[] } {
  try {
    return { model: modelOf(readChapterSources(dir)) };
  } catch (error) {
    if (error instanceof ContentError) return { problems: error.problems };
    throw error;
  }
}

/** The chapter model of a content folder; throws a ContentError naming every problem's file, line and column. */
export function prepareChapter(dir: string): ChapterModel {
  return modelOf(readChapterSources(dir));
}

/** The model derived from its sources: checked first, then assembled. */
export function modelOf(sources: ChapterSources): ChapterModel {
  const { sections } = sources;
  const checked = checkedChapter(sources);
  const figures = checked.figuresOf.flat();
  const figureMap = new Map(figures.map((f) => [f.name, f]));
  const { markdown, ranges } = deriveChapterMarkdown(sections);
  const terms = sources.terms
    ? termIndexOf(sources.terms, termLocations(sections, figureMap))
    : undefined;
  const opening = sections[0]?.tree.children.find((n) => n.type === 'paragraph');
  return {
    title: checked.headings[0]?.[0]?.text ?? '',
    opening: opening ? toString(opening) : '',
    facts: checked.facts,
    ...chapterUpdated(sections, sources.history),
    ...historyMissing(sources.history),
    parts: sections.map((s, i) => ({
      stem: s.stem,
      title: checked.headings[i][0]?.text ?? '',
      headings: checked.headings[i].map(({ depth, text, id }) => ({ depth, text, id })),
      figures: checked.figuresOf[i].length,
    })),
    sections: sectionRecords(sections, ranges, checked.facts, sources.history),
    figures,
    citations: checked.citations,
    markdownFile: CHAPTER_MARKDOWN,
    markdown,
    epubFile: CHAPTER_EPUB,
    terms: terms?.index,
    searchTexts: [
      ...chapterSearchTexts(sections, figureMap),
      ...(terms ? termIndexSearchTexts(terms.index, TERM_INDEX_ID) : []),
    ],
    glossary: terms ? glossaryForSearch(terms.entries, terms.index) : { terms: [] },
  };
}

/**
 * Everything read from the sources that can be wrong, with every problem found: the files'
 * order, their figures, their headings and ids, their citations and the facts. Throws a
 * ContentError with all of them.
 */
function checkedChapter({ sections, facts: factsFile }: ChapterSources) {
  const figuresRead = sections.map(readFigures);
  const figuresOf: FigureModel[][] = figuresRead.map((r) => r.figures);
  const headings: PlacedHeading[][] = sections.map(headingsOf);
  const citations = buildCitationIndex(sections);
  const facts = factsFile
    ? parseFacts(factsFile, titlePlace(sections, headings))
    : { facts: {}, problems: [] };
  const problems = [
    ...orderProblems(sections),
    ...figuresRead.flatMap((r) => r.problems),
    ...figureNameProblems(sections, figuresOf),
    ...headingProblems(sections, headings),
    ...duplicateIdProblems(sections, headings, figuresOf),
    ...citations.problems,
    ...facts.problems,
  ];
  if (problems.length > 0) throw new ContentError(problems);
  return { figuresOf, headings, citations: citations.index, facts: facts.facts };
}

/** Where the chapter's title is written: the opening section's first heading. */
function titlePlace(sections: readonly SectionSource[], headings: readonly PlacedHeading[][]) {
  const title = headings[0]?.[0];
  return title && { text: title.text, file: sections[0].file, line: title.line };
}

/** The term index of the terms file at the chapter's places; throws a ContentError for a term it cannot place. */
function termIndexOf(file: SourceFile, locations: ReturnType<typeof termLocations>) {
  const { index, entries, problems } = buildTermIndexFrom(file, locations);
  if (problems.length > 0 || !index || !entries) throw new ContentError(problems);
  return { index, entries };
}
