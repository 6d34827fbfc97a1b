import { getCollection } from 'astro:content';
import { exportFigure } from '../../lib/figure-export.ts';

/** One path per figure of the chapter: `/data/<name>.json` and `/data/<name>.csv`. */
export async function figurePaths() {
  const sections = await getCollection('chapter');
  return sections.flatMap((s) => Object.entries(s.data.figures ?? {}).map(([name, figure]) => ({ params: { figure: name }, props: { data: exportFigure(name, figure) } })));
}
