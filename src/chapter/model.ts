// What the chapter model is: plain data, so pages can import it through a virtual module and a
// plugin can take what it needs. Every form the site publishes is derived from it.
import type { CitationIndex } from '../lib/citations.ts';
import type { FigureModel } from '../lib/figures/model.ts';
import type { Heading } from '../lib/headings.ts';
import type { ChapterFacts } from '../lib/schemas/facts.ts';
import type { Glossary } from '../lib/search/glossary.ts';
import type { SectionText } from '../lib/search/sections.ts';
import type { TermIndex } from '../lib/term-index.ts';

/** A section file: one part of the chapter, as the page renders it. */
export interface ChapterPart {
  stem: string;
  /** Its first heading's text. */
  title: string;
  headings: Heading[];
  /** How many figures it draws. */
  figures: number;
}

/** An h2/h3 section of the chapter: where it is written and published, and when it last changed. */
export interface ChapterSection {
  heading: Heading;
  /** Where its Markdown sits in the chapter's Markdown (UTF-16 offsets, as JS slices): what "copy as Markdown" copies. */
  start: number;
  end: number;
  /** Its section file, relative to the repository's top folder (or the project's, without one). */
  path: string;
  /** Its lines in that file, 1-based and inclusive. */
  startLine: number;
  endLine: number;
  /** The day its newest committed line was committed (YYYY-MM-DD); absent without history. */
  updated?: string;
  /** Its lines in the source repository; absent when the facts name no repository. */
  sourceUrl?: string;
}

/** Everything the site publishes, derived from the content folder. */
export interface ChapterModel {
  /** The chapter's title: the opening section's first heading. */
  title: string;
  /** The chapter's opening paragraph, its own summary of itself: the description when the facts give none. */
  opening: string;
  /** What the facts file states; what it does not state is absent, never filled in. */
  facts: ChapterFacts;
  /** When the chapter's text last changed (YYYY-MM-DD): the newest of its sections' dates. */
  updated?: string;
  /** The same moment as an instant, UTC to the second (YYYY-MM-DDThh:mm:ssZ): the e-book's dcterms:modified. */
  modified?: string;
  /** Why nothing is dated (no git history), for the build log; absent when dates were read. */
  historyMissing?: string;
  /** The section files in order. */
  parts: ChapterPart[];
  /** Each h2/h3 section, in reading order. */
  sections: ChapterSection[];
  /** Every figure, in reading order. */
  figures: FigureModel[];
  citations: CitationIndex;
  /** The chapter's Markdown, published as `markdownFile`. */
  markdownFile: string;
  markdown: string;
  /** The chapter as an EPUB, published beside the page (written after the build from the built page). */
  epubFile: string;
  terms?: TermIndex;
  /** The page's sections as search ranks them: the chapter's, then the term index's. */
  searchTexts: SectionText[];
  /** Every term's names and places, for search's query expansion and term card. */
  glossary: Glossary;
}
