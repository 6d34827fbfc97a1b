import { z } from 'zod';

/** Frontmatter of a section file. Unknown keys are rejected so a misspelt field is reported, not ignored. */
export const sectionSchema = z
  .object({
    /** Position of the section on the page (0 = the chapter's opening). */
    order: z.number({ error: 'order must be a whole number giving the section position' }).int().nonnegative(),
    /** The section heading exactly as written in the chapter, e.g. `14.1 技术发展总结`. */
    title: z.string({ error: 'title must be the section heading text' }).min(1, 'title must not be empty'),
    /** Short summary used for the page description when this is the opening section. */
    description: z.string().min(1).optional(),
  })
  .strict();

export type SectionFrontmatter = z.infer<typeof sectionSchema>;
