import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { sectionSchema } from './lib/schemas/section.ts';

/** The chapter: one MDX file per top-level section under content/, in `order`. */
const chapter = defineCollection({
  loader: glob({ pattern: '*.mdx', base: process.env.CONTENT_DIR ?? './content' }),
  schema: sectionSchema,
});

export const collections = { chapter };
