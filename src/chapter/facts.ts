import fs from 'node:fs';
import path from 'node:path';
import { distance } from 'fastest-levenshtein';
import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import {
  AUTHOR_FIELDS,
  type ChapterFacts,
  FACT_FIELDS,
  factsSchema,
  REPOSITORY_FIELDS,
} from '../lib/schemas/facts.ts';
import { type ContentProblem, displayPath } from '../lib/content-error.ts';

/** The facts about the chapter that its text does not state, next to the section files. */
export const FACTS_FILE = 'chapter.yaml';

/** The facts file of a content folder, if it has one. */
export function readFactsFile(dir: string): { file: string; text: string } | undefined {
  const file = path.join(dir, FACTS_FILE);
  return fs.existsSync(file) ? { file, text: fs.readFileSync(file, 'utf8') } : undefined;
}

/** What to write for each field, for the hint under a message about it. */
const FIELD_HINTS: Record<string, string> = {
  description:
    'Write one or two sentences of plain text, or leave description out to use the chapter’s opening paragraph.',
  partOf:
    'Write the title of the survey or book the chapter belongs to, as text; leave it out if it is not known.',
  authors:
    'Write a list, one author per item: - { family: 王, given: 小明 }; leave authors out if they are not known.',
  published:
    'Write the date of publication as YYYY-MM-DD, YYYY-MM or YYYY (2026-11-25, 2026-11, 2026); leave it out if it is not known.',
  license:
    'Write the licence’s SPDX identifier as https://spdx.org/licenses/ lists it (CC-BY-4.0, CC-BY-NC-SA-4.0, MIT); leave it out if it is not known.',
  keywords: 'Write a list of subjects, one per item.',
  site: 'Write where the site is served, with https://, e.g. https://example.org.',
  repository: `Write the repository's web address as url (url: https://github.com/owner/name), optionally its branch and lineLink; its fields: ${REPOSITORY_FIELDS.join(', ')}.`,
  'repository.branch':
    'Write the branch (or tag) the links open, e.g. main; leave it out for the default branch.',
  'repository.lineLink':
    'Write how a link to lines of a file is formed, e.g. {url}/-/blob/{branch}/{path}#L{start}-{end}; leave it out for GitHub’s form.',
};

/** A known field an unknown one is probably a slip for (licence → license, author → authors). */
function nearest(key: string, known: readonly string[]): string | undefined {
  return known.find((k) => distance(key.toLowerCase(), k.toLowerCase()) <= 2);
}

/** Where the chapter's title is written, for the message that sends an author there. */
export interface TitlePlace {
  text: string;
  file: string;
  line: number;
}

/**
 * Reads and checks the facts file. A problem names the file, the line and the field; an unknown
 * field is reported at its key, a bad value at the value.
 */
export function parseFacts(
  { file, text }: { file: string; text: string },
  title?: TitlePlace,
): { facts: ChapterFacts; problems: ContentProblem[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true });
  const at = (offset: number) => {
    const p = lineCounter.linePos(offset);
    return { line: p.line, column: p.col };
  };
  if (doc.errors.length > 0) {
    return {
      facts: {},
      problems: doc.errors.map((e) => ({
        file,
        ...at(e.pos[0]),
        // The place is already at the front of the message.
        message: `not valid YAML: ${e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}`,
        hint: 'Write each fact once, as field: value on a line of its own (docs/authoring.md).',
      })),
    };
  }
  /** Where a field is written: its key (for an unknown field) or its value. */
  const place = (field: readonly (string | number)[], key = false) => {
    if (key) {
      const parent = field.length > 1 ? doc.getIn(field.slice(0, -1), true) : doc.contents;
      if (isMap(parent)) {
        const pair = parent.items.find(
          (item) => isScalar(item.key) && String(item.key.value) === String(field.at(-1)),
        );
        if (pair && isScalar(pair.key) && pair.key.range) return at(pair.key.range[0]);
      }
    }
    const node = (field.length > 0 ? doc.getIn(field, true) : doc.contents) as
      { range?: [number, number] } | undefined;
    return node?.range ? at(node.range[0]) : { line: 1, column: 1 };
  };

  const problems: ContentProblem[] = [];
  // An empty file (or one of comments only) states no facts.
  let data = (doc.toJS() ?? {}) as unknown;
  if (data && typeof data === 'object' && !Array.isArray(data) && 'title' in data) {
    problems.push({
      file,
      ...place(['title'], true),
      message: `field "title": the chapter's title is its opening heading${title ? `, "# ${title.text}" at ${displayPath(title.file)}:${title.line}` : ''}, and is written only there`,
      hint: 'Remove title from this file; to retitle the chapter, change that heading.',
    });
    const { title: _, ...rest } = data as Record<string, unknown>;
    data = rest;
  }
  const parsed = factsSchema.safeParse(data);
  if (parsed.success)
    return problems.length > 0 ? { facts: {}, problems } : { facts: parsed.data, problems };
  for (const issue of parsed.error.issues) {
    const field = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const [known, fields] =
          field.length === 0
            ? [
                FACT_FIELDS,
                `The fields of ${FACTS_FILE} are ${FACT_FIELDS.join(', ')} (docs/authoring.md).`,
              ]
            : field[0] === 'repository'
              ? [REPOSITORY_FIELDS, `The fields of repository are ${REPOSITORY_FIELDS.join(', ')}.`]
              : [AUTHOR_FIELDS, 'An author has family and, optionally, given.'];
        const meant = nearest(key, known);
        problems.push({
          file,
          ...place([...field, key], true),
          message: `unknown field "${[...field, key].join('.')}"${meant ? ` (did you mean "${meant}"?)` : ''}`,
          hint: fields,
        });
      }
    } else if (field.length === 0) {
      problems.push({
        file,
        ...place([]),
        message: 'the file must be a map of fields (field: value), one per line',
        hint: `The fields of ${FACTS_FILE} are ${FACT_FIELDS.join(', ')}.`,
      });
    } else {
      const name = field.join('.');
      problems.push({
        file,
        ...place(field),
        message: `field "${name}": ${issue.message}`,
        hint: FIELD_HINTS[name] ?? FIELD_HINTS[String(field[0])],
      });
    }
  }
  return { facts: {}, problems };
}
