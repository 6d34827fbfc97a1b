import type { APIRoute, GetStaticPaths } from 'astro';
import { type ExportedFigure, toCsv } from '../../lib/figure-export.ts';
import { figurePaths } from './_figure-paths.ts';

export const getStaticPaths: GetStaticPaths = figurePaths;

export const GET: APIRoute = ({ props }) =>
  new Response(toCsv(props.data as ExportedFigure), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8' },
  });
