import { z } from 'zod';
import { nameKey } from '../search/glossary.ts';

const startsWithHan = (s: string) => /^\p{Script=Han}/u.test(s);
const text = z.string().trim().min(1);

/** One entry of the term index's data file. */
export const termEntrySchema = z.strictObject({
  /** The headword, as the chapter writes it. */
  name: text,
  /** English name of a Chinese headword. */
  en: text.optional(),
  /** Chinese name of a Latin headword. */
  zh: text.optional(),
  /** Toneless pinyin of a Chinese headword, syllables separated by spaces: sorts and groups it. */
  pinyin: z
    .string()
    .regex(
      /^[a-zü]+( [a-zü]+)*$/,
      'lowercase toneless syllables separated by single spaces, e.g. "tui ce jie ma"',
    )
    .optional(),
  /** Other names of the same thing: spellings the chapter uses, and names readers search for it by. */
  aliases: z.array(text).optional(),
  /** Longer names that contain this term's yet name something else (`Triton Server` for `Triton`): not occurrences. */
  excludes: z.array(text).optional(),
});

export type TermEntry = z.infer<typeof termEntrySchema>;

/** Every spelling of a term that is looked for in the chapter. */
export const formsOf = (t: TermEntry): string[] => [
  t.name,
  ...(t.en ? [t.en] : []),
  ...(t.zh ? [t.zh] : []),
  ...(t.aliases ?? []),
];

export const termsFileSchema = z
  .array(termEntrySchema)
  .min(40, 'the index needs at least 40 terms')
  .superRefine((terms, ctx) => {
    const owners = new Map<string, number>();
    terms.forEach((t, i) => {
      if (startsWithHan(t.name) && !t.pinyin)
        ctx.addIssue({
          code: 'custom',
          path: [i, 'pinyin'],
          message: `"${t.name}" starts with a Chinese character, so it needs its pinyin`,
        });
      if (!startsWithHan(t.name) && t.pinyin)
        ctx.addIssue({
          code: 'custom',
          path: [i, 'pinyin'],
          message: `"${t.name}" is sorted by its Latin letters; pinyin is only for Chinese headwords`,
        });
      (t.excludes ?? []).forEach((e, j) => {
        if (!formsOf(t).some((f) => nameKey(e).includes(nameKey(f)))) {
          ctx.addIssue({
            code: 'custom',
            path: [i, 'excludes', j],
            message: `"${e}" does not contain "${t.name}" or another of its forms, so it could never hide one of its occurrences`,
          });
        }
      });
      // Search reads names through their match key (case, width, spaces and hyphens ignored):
      // "KV Cache" and "KV-Cache" are one name, and a query may name only one term.
      const seen = new Set<string>();
      for (const form of formsOf(t)) {
        const key = nameKey(form);
        if (!key) {
          ctx.addIssue({
            code: 'custom',
            path: [i, 'name'],
            message: `"${form}" is only spaces and hyphens, which search ignores, so no query could find it`,
          });
          continue;
        }
        if (seen.has(key)) continue;
        seen.add(key);
        const other = owners.get(key);
        if (other !== undefined)
          ctx.addIssue({
            code: 'custom',
            path: [i, 'name'],
            message: `"${form}" is already a form of entry ${other + 1} ("${terms[other].name}"): search could not tell the two apart`,
          });
        else owners.set(key, i);
      }
    });
  });
