import { slugForHeading } from './slug.ts';

export interface HeadingEntry {
  depth: number;
  slug: string;
  text: string;
}

export interface TocItem extends HeadingEntry {
  children: TocItem[];
}

/** Nests h2/h3 headings into the table of contents; the page title (h1) and deeper levels stay out. */
export function buildToc(headings: HeadingEntry[], minDepth = 2, maxDepth = 3): TocItem[] {
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
export const CITE_TITLE = '引用本章';

/**
 * The table of contents of the chapter's site: the chapter's own headings, then the page's own
 * sections, the term index (when the chapter has one) and the citation panel.
 */
export function chapterHeadings(
  own: readonly { depth: number; text: string; id: string }[],
  termIndexTitle?: string,
): HeadingEntry[] {
  return [
    ...own.map((h) => ({ depth: h.depth, slug: h.id, text: h.text })),
    ...(termIndexTitle
      ? [{ depth: 2, slug: slugForHeading(termIndexTitle), text: termIndexTitle }]
      : []),
    { depth: 2, slug: slugForHeading(CITE_TITLE), text: CITE_TITLE },
  ];
}
