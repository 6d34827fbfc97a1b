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
