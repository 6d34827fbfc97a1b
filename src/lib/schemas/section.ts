import { z } from 'zod';
import { figureSchema } from './figures.ts';

/** Frontmatter of a section file. Unknown keys are rejected so a misspelt field is reported, not ignored. */
export const sectionSchema = z
  .object({
    /** Position of the section on the page (0 = the chapter's opening). */
    order: z.number({ error: 'order must be a whole number giving the section position' }).int().nonnegative(),
    /** The section heading exactly as written in the chapter, e.g. `14.1 技术发展总结`. */
    title: z.string({ error: 'title must be the section heading text' }).min(1, 'title must not be empty'),
    /** Short summary used for the page description when this is the opening section. */
    description: z.string().min(1).optional(),
    /** Data of the figures drawn in this section, keyed by the name the MDX body uses. */
    figures: z.record(z.string().regex(/^[a-z][a-zA-Z0-9]*$/, 'figure names are camelCase words'), figureSchema).optional(),
  })
  .strict();

export type SectionFrontmatter = z.infer<typeof sectionSchema>;
