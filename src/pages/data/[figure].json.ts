import type { APIRoute, GetStaticPaths } from 'astro';
import { type ExportedFigure } from '../../lib/figure-export.ts';
import { figurePaths } from './_figure-paths.ts';

export const getStaticPaths: GetStaticPaths = figurePaths;

/** The data behind a figure, read from the same table the page draws it from. */
export const GET: APIRoute = ({ props }) =>
  new Response(JSON.stringify(props.data as ExportedFigure, null, 2) + '\n', {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
