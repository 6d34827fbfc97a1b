import type { APIRoute, GetStaticPaths } from 'astro';
import chapter from 'virtual:chapter-model';

/** The chapter's Markdown, derived from the section files: what "copy as Markdown" slices and llms.txt points to. */
export const getStaticPaths = (() => [
  { params: { source: chapter.markdownFile.replace(/\.md$/, '') } },
]) satisfies GetStaticPaths;

export const GET: APIRoute = () =>
  new Response(chapter.markdown, { headers: { 'Content-Type': 'text/markdown; charset=utf-8' } });
