import deprecatedIds from 'spdx-license-ids/deprecated.json' with { type: 'json' };
import licenseIds from 'spdx-license-ids/index.json' with { type: 'json' };
import { z } from 'zod';
import { parsePartialDate } from '../dates.ts';
import { lineLinkProblem } from '../source-links.ts';

const text = z.string({ error: 'write it as text' }).trim().min(1, 'it is empty');

/** An absolute http(s) URL: the page's own address and links are made from it. */
const httpUrl = z.string({ error: 'write it as an absolute URL, e.g. https://example.org' }).refine(
  (value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '';
    } catch {
      return false;
    }
  },
  {
    error: (issue) =>
      `"${String(issue.input)}" is not an absolute http(s) URL, e.g. https://example.org`,
  },
);

/** YAML reads `published: 2026` as a number; a year is as good a date as a day. */
const partialDate = z.preprocess(
  (value) => (typeof value === 'number' ? String(value) : value),
  z
    .string({ error: 'write it as YYYY-MM-DD, YYYY-MM or YYYY' })
    .refine((value) => parsePartialDate(value) !== undefined, {
      error: (issue) =>
        `"${String(issue.input)}" is not a calendar date in the form YYYY-MM-DD, YYYY-MM or YYYY`,
    }),
);

const SPDX_IDS = new Set<string>(licenseIds);
const DEPRECATED_IDS = new Set<string>(deprecatedIds);
const byLowerCase = new Map([...SPDX_IDS].map((id) => [id.toLowerCase(), id]));

/** Why a licence is not a current SPDX identifier, or undefined when it is one. */
export function spdxProblem(id: string): string | undefined {
  if (SPDX_IDS.has(id)) return undefined;
  if (DEPRECATED_IDS.has(id))
    return `"${id}" is a deprecated SPDX licence identifier; use its current form (e.g. GPL-3.0-only or GPL-3.0-or-later for GPL-3.0)`;
  const cased = byLowerCase.get(id.toLowerCase());
  if (cased) return `"${id}" is not an SPDX licence identifier as written; write it ${cased}`;
  return `"${id}" is not an SPDX licence identifier (see https://spdx.org/licenses/, e.g. CC-BY-4.0, CC-BY-NC-SA-4.0, MIT)`;
}

const spdxId = z
  .string({ error: 'write it as an SPDX licence identifier, e.g. CC-BY-4.0' })
  .superRefine((id, ctx) => {
    const problem = spdxProblem(id);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

/** A name as a citation needs it: the family name apart, since styles order and abbreviate by it. */
const authorSchema = z.strictObject({
  /** Family name (王, Vaswani). */
  family: text,
  /** Given name (小明, Ashish); Latin given names are abbreviated to initials where a style asks. */
  given: text.optional(),
});

const repositorySchema = z.strictObject({
  /** The repository's web address (https://github.com/owner/name). */
  url: httpUrl,
  /** The branch (or tag) the links open; HEAD, the repository's default branch, when left out. */
  branch: z
    .string({ error: 'write the branch name as text' })
    .regex(/^[\w./-]+$/, 'a branch name is letters, digits and . _ / -')
    .optional(),
  /** How a link to lines of a file is formed; GitHub's form when left out. */
  lineLink: z
    .string({ error: 'write the link form as text' })
    .superRefine((template, ctx) => {
      const problem = lineLinkProblem(template);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    })
    .optional(),
});

/**
 * content/chapter.yaml: what is known about the chapter that its text does not say. Every field
 * is optional, and a fact that is not known is left out, never filled in: the site then leaves it
 * out of every form it publishes. The chapter's title is not here: it is the opening heading.
 * Unknown fields are rejected so a misspelt one is reported, not ignored.
 */
export const factsSchema = z.strictObject({
  /** The page's description for search results and link previews; the chapter's opening paragraph when left out. */
  description: text.optional(),
  /** Title of the survey or book the chapter belongs to. */
  partOf: text.optional(),
  authors: z
    .array(authorSchema, { error: 'write a list of authors, each with family (and given)' })
    .min(1, 'leave authors out rather than empty')
    .optional(),
  /** Date of publication: YYYY-MM-DD, YYYY-MM or YYYY. */
  published: partialDate.optional(),
  /** The licence, as an SPDX identifier (CC-BY-4.0). */
  license: spdxId.optional(),
  /** Subjects of the chapter, for search engines (JSON-LD keywords). */
  keywords: z
    .array(text, { error: 'write a list of keywords' })
    .min(1, 'leave keywords out rather than empty')
    .optional(),
  /** Where the site is served (https://example.org); SITE_URL overrides it for a deploy. */
  site: httpUrl.optional(),
  /** The source repository: each section then links to its lines there. */
  repository: repositorySchema.optional(),
});

export type ChapterFacts = z.infer<typeof factsSchema>;
export type Author = z.infer<typeof authorSchema>;

/** The fields of the file, in the order docs/authoring.md lists them. */
export const FACT_FIELDS = Object.keys(factsSchema.shape) as (keyof ChapterFacts)[];
export const REPOSITORY_FIELDS = Object.keys(repositorySchema.shape);
export const AUTHOR_FIELDS = Object.keys(authorSchema.shape);
