import fs from 'node:fs';
import path from 'node:path';
import { type TermEntry, termsFileSchema } from '../lib/schemas/terms.ts';
import {
  buildTermIndex,
  type TermIndex,
  TermIndexError,
  type TermLocation,
} from '../lib/term-index.ts';
import type { ContentProblem } from '../lib/content-error.ts';
import { readYaml } from '../lib/yaml-source.ts';
import type { SourceFile } from './sources.ts';

/** The term index's data file, next to the section files. */
export const TERMS_FILE = 'terms.yaml';

/** The term index's data file of a content folder, if it has one. */
export function readTermsFile(dir: string): SourceFile | undefined {
  const file = path.join(dir, TERMS_FILE);
  return fs.existsSync(file) ? { file, text: fs.readFileSync(file, 'utf8') } : undefined;
}

/** The term index, computed from the data file and the chapter's places. */
export function buildTermIndexFrom(
  { file, text }: SourceFile,
  locations: TermLocation[],
): { index?: TermIndex; entries?: TermEntry[]; problems: ContentProblem[] } {
  const yaml = readYaml(file, text, {
    hint: 'Each term is an item of the list, - name: …, with its other fields (en or zh, aliases, pinyin) indented under it (docs/authoring.md).',
  });
  if (yaml.problems.length > 0) return { problems: yaml.problems };
  const at = (field: readonly PropertyKey[]) =>
    yaml.placeOf(
      field.filter((p): p is string | number => typeof p !== 'symbol'),
      'value',
    );
  const parsed = termsFileSchema.safeParse(yaml.data);
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
