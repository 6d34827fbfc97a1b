import path from 'node:path';
import { FACTS_FILE, readFactsFile } from './facts.ts';
import { readHistory, type SourceHistory } from './history.ts';
import { readSections, type SectionSource } from './read-sections.ts';
import { readTermsFile, TERMS_FILE } from './terms.ts';

/** A text of the content: its file and what is written in it. */
export interface SourceFile {
  file: string;
  text: string;
}

/** What the chapter model is derived from, each part read on its own. */
export interface ChapterSources {
  /** The section files, parsed, in the order their frontmatter gives. */
  sections: SectionSource[];
  /** The term index's data file; without one there is no term index. */
  terms?: SourceFile;
  /** The facts file; without one no fact is known. */
  facts?: SourceFile;
  /** The section files' git history; without it nothing is dated. */
  history?: SourceHistory;
}

/** Everything in a content folder the model is derived from; throws a ContentError for a section file that cannot be read. */
export function readChapterSources(dir: string): ChapterSources {
  return {
    sections: readSections(dir),
    terms: readTermsFile(dir),
    facts: readFactsFile(dir),
    history: readHistory(dir),
  };
}

/** Whether the model is read from a file of the content folder (anchors.txt, say, is not). */
export function isSourceFile(file: string): boolean {
  const name = path.basename(file);
  return name.endsWith('.mdx') || name === FACTS_FILE || name === TERMS_FILE;
}

/**
 * The sources once a file of the content folder has changed: what that file is read again (the
 * section files with their dates, the facts or the terms), the rest kept as it was read. Of the
 * section files, only those whose text changed are parsed again.
 */
export function rereadSource(
  sources: ChapterSources,
  dir: string,
  changed: string,
): ChapterSources {
  const name = path.basename(changed);
  if (name.endsWith('.mdx'))
    return {
      ...sources,
      sections: readSections(dir, sources.sections),
      history: readHistory(dir),
    };
  if (name === FACTS_FILE) return { ...sources, facts: readFactsFile(dir) };
  if (name === TERMS_FILE) return { ...sources, terms: readTermsFile(dir) };
  return sources;
}
