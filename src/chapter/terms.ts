import fs from 'node:fs';
import path from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { type TermEntry, termsFileSchema } from '../lib/schemas/terms.ts';
import {
  buildTermIndex,
  type TermIndex,
  TermIndexError,
  type TermLocation,
} from '../lib/term-index.ts';
import type { ContentProblem } from '../lib/content-error.ts';

/** The term index's data file, next to the section files. */
export const TERMS_FILE = 'terms.yaml';

/** The term index's data file of a content folder, if it has one. */
export function readTermsFile(dir: string): { file: string; text: string } | undefined {
  const file = path.join(dir, TERMS_FILE);
  return fs.existsSync(file) ? { file, text: fs.readFileSync(file, 'utf8') } : undefined;
}

/** The term index, computed from the data file and the chapter's places. */
export function buildTermIndexFrom(
  { file, text }: { file: string; text: string },
  locations: TermLocation[],
): { index?: TermIndex; entries?: TermEntry[]; problems: ContentProblem[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  if (doc.errors.length > 0) {
    return {
      problems: doc.errors.map((e) => ({
        file,
        ...lineCounter.linePos(e.pos[0]),
        column: lineCounter.linePos(e.pos[0]).col,
        message: `not valid YAML: ${e.message.split('\n')[0]}`,
      })),
    };
  }
  const at = (field: readonly PropertyKey[]) => {
    const node = doc.getIn(
      field.filter((p): p is string | number => typeof p !== 'symbol'),
      true,
    ) as { range?: [number, number] } | undefined;
    const pos = node?.range ? lineCounter.linePos(node.range[0]) : undefined;
    return pos ? { line: pos.line, column: pos.col } : {};
  };
  const parsed = termsFileSchema.safeParse(doc.toJS());
  if (!parsed.success) {
    return {
      problems: parsed.error.issues.map((i) => ({
        file,
        ...at(i.path),
        message: `${i.path.join('.') || '(file)'}: ${i.message}`,
      })),
    };
  }
  try {
    return {
      index: buildTermIndex(parsed.data, locations, path.relative(process.cwd(), file)),
      entries: parsed.data,
      problems: [],
    };
  } catch (error) {
    if (!(error instanceof TermIndexError)) throw error;
    return {
      problems: error.problems.map((p) => ({
        file,
        ...at([p.entry]),
        message: p.message,
        hint: p.message.includes('occurs nowhere')
          ? 'Write the term as the chapter does (or add the spelling it uses as an alias), or remove the entry.'
          : p.message.includes('entry id')
            ? 'Two headwords that differ only in case, width, spaces or punctuation name one entry; keep one.'
            : 'Correct the pinyin: toneless syllables of the headword, separated by spaces.',
      })),
    };
  }
}
