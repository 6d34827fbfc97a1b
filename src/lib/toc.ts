import { type Heading, pageHeading } from './headings.ts';

export interface TocItem extends Heading {
  children: TocItem[];
}

/** Nests h2/h3 headings into the table of contents; the page title (h1) and deeper levels stay out. */
export function buildToc(headings: readonly Heading[], minDepth = 2, maxDepth = 3): TocItem[] {
  const root: TocItem[] = [];
  let current: TocItem | undefined;
  for (const h of headings) {
    if (h.depth < minDepth || h.depth > maxDepth) continue;
    const item: TocItem = { ...h, children: [] };
    if (h.depth === minDepth || !current) {
      root.push(item);
      current = item;
    } else {
      current.children.push(item);
    }
  }
  return root;
}

/** The heading of the page's citation panel. */
export const CITE_HEADING = pageHeading('引用本章');

/**
 * The table of contents of the chapter's site: the chapter's own headings, then the page's own
 * sections, the term index (when the chapter has one) and the citation panel.
 */
export function chapterHeadings(own: readonly Heading[], termIndexTitle?: string): Heading[] {
  return [...own, ...(termIndexTitle ? [pageHeading(termIndexTitle)] : []), CITE_HEADING];
}
