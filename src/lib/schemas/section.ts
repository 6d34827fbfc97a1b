import { z } from 'zod';
import { figureSpecSchema } from './figures.ts';

/**
 * Frontmatter of a section file. It holds no words of the chapter: the section's title is its
 * first heading, and each figure's cells are the table in the body. Unknown keys are rejected so
 * a misspelt field is reported, not ignored.
 */
export const sectionSchema = z.strictObject({
  /** Position of the section on the page (0 = the chapter's opening). */
  order: z
    .number({ error: 'order must be a whole number giving the section position' })
    .int()
    .nonnegative(),
  /** How each figure of this section is drawn, keyed by the name its `<Figure name="…">` gives. */
  figures: z
    .record(
      z.string().regex(/^[a-z][a-zA-Z0-9]*$/, 'figure names are camelCase words'),
      figureSpecSchema,
    )
    .optional(),
});

export type SectionFrontmatter = z.infer<typeof sectionSchema>;
