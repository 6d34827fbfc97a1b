import fs from 'node:fs';
import path from 'node:path';
import type { APIRoute, GetStaticPaths } from 'astro';
import { CHAPTER_SOURCE } from '../build/chapter-sources.ts';
import { contentDirectory } from '../build/site-config.ts';

/** The chapter's Markdown source, byte for byte: what "copy as Markdown" slices and llms.txt points to. */
export const getStaticPaths = (() => {
  const file = path.join(contentDirectory(), CHAPTER_SOURCE);
  return fs.existsSync(file) ? [{ params: { source: path.basename(CHAPTER_SOURCE, '.md') }, props: { file } }] : [];
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(fs.readFileSync((props as { file: string }).file), {
    headers: { 'Content-Type': 'text/markdown; charset=utf-8' },
  });
