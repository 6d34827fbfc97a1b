import fs from 'node:fs';
import path from 'node:path';
import { distance } from 'fastest-levenshtein';
import type { z } from 'zod';
import {
  AUTHOR_FIELDS,
  type ChapterFacts,
  FACT_FIELDS,
  factsSchema,
  REPOSITORY_FIELDS,
} from '../lib/schemas/facts.ts';
import { type ContentProblem, displayPath } from '../lib/content-error.ts';
import { type FieldPath, readYaml, type YamlSource } from '../lib/yaml-source.ts';
import type { SourceFile } from './sources.ts';

/** The facts about the chapter that its text does not state, next to the section files. */
export const FACTS_FILE = 'chapter.yaml';

/** The facts file of a content folder, if it has one. */
export function readFactsFile(dir: string): SourceFile | undefined {
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
  { file, text }: SourceFile,
  title?: TitlePlace,
): { facts: ChapterFacts; problems: ContentProblem[] } {
  const yaml = readYaml(file, text, {
    hint: 'Write each fact once, as field: value on a line of its own (docs/authoring.md).',
  });
  if (yaml.problems.length > 0) return { facts: {}, problems: yaml.problems };
  // An empty file (or one of comments only) states no facts.
  const { data, problems } = withoutTitle(file, yaml, title);
  const parsed = factsSchema.safeParse(data);
  if (parsed.success)
    return problems.length > 0 ? { facts: {}, problems } : { facts: parsed.data, problems };
  for (const issue of parsed.error.issues) problems.push(...issueProblems(file, yaml, issue));
  return { facts: {}, problems };
}

/** The facts without a `title`, which is the opening heading's to give, and the problem of one. */
function withoutTitle(
  file: string,
  yaml: YamlSource,
  title: TitlePlace | undefined,
): { data: unknown; problems: ContentProblem[] } {
  const data = yaml.data ?? {};
  if (!data || typeof data !== 'object' || Array.isArray(data) || !('title' in data))
    return { data, problems: [] };
  const { title: _, ...rest } = data as Record<string, unknown>;
  return {
    data: rest,
    problems: [
      {
        file,
        ...yaml.placeOf(['title'], 'key'),
        message: `field "title": the chapter's title is its opening heading${title ? `, "# ${title.text}" at ${displayPath(title.file)}:${title.line}` : ''}, and is written only there`,
        hint: 'Remove title from this file; to retitle the chapter, change that heading.',
      },
    ],
  };
}

/** The problems one schema issue stands for: one per unknown key, else one at the field. */
function issueProblems(file: string, yaml: YamlSource, issue: z.core.$ZodIssue): ContentProblem[] {
  const field = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  if (issue.code === 'unrecognized_keys')
    return issue.keys.map((key) => unknownField(file, yaml, field, key));
  if (field.length === 0)
    return [
      {
        file,
        ...yaml.placeOf([], 'value'),
        message: 'the file must be a map of fields (field: value), one per line',
        hint: `The fields of ${FACTS_FILE} are ${FACT_FIELDS.join(', ')}.`,
      },
    ];
  const name = field.join('.');
  return [
    {
      file,
      ...yaml.placeOf(field, 'value'),
      message: `field "${name}": ${issue.message}`,
      hint: FIELD_HINTS[name] ?? FIELD_HINTS[String(field[0])],
    },
  ];
}

/** An unknown field, at its key, with the known field it is probably a slip for. */
function unknownField(
  file: string,
  yaml: YamlSource,
  field: FieldPath,
  key: string,
): ContentProblem {
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
  return {
    file,
    ...yaml.placeOf([...field, key], 'key'),
    message: `unknown field "${[...field, key].join('.')}"${meant ? ` (did you mean "${meant}"?)` : ''}`,
    hint: fields,
  };
}
