import chapter from 'virtual:chapter-model';
import { exportFigure } from '../../lib/figure-export.ts';

/** One path per figure of the chapter: `/data/<name>.json` and `/data/<name>.csv`. */
export function figurePaths() {
  return chapter.figures.map((figure) => ({
    params: { figure: figure.name },
    props: { data: exportFigure(figure) },
  }));
}
