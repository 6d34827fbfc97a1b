import type { Root } from 'mdast';
import { tablesWithCaptions } from '../lib/tables.ts';

/**
 * Names every table by what introduces it in the chapter (its bold lead line, else its heading)
 * and hands the name on to the page as `data-caption`, for rehype-table-regions to caption it.
 * The build reads figure captions with the same function, so a figure and its data agree.
 */
export default function remarkTableCaptions() {
  return (tree: Root) => {
    for (const { table, caption } of tablesWithCaptions(tree)) {
      table.data = {
        ...table.data,
        hProperties: { ...table.data?.hProperties, dataCaption: caption },
      };
    }
  };
}
