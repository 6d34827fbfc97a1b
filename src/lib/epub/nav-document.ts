/**
 * The book's navigation document: its 目录, where the chapter writes one, made from the chapter's
 * headings with the web page's ids, and the landmarks a reading system jumps to.
 */
import type { ElementContent } from 'hast';
import { h } from 'hastscript';
import type { Heading } from '../headings.ts';

/** A heading of the book and the file that holds it. */
export interface BookHeading extends Pick<Heading, 'depth' | 'text' | 'id'> {
  file: string;
}

/** A landmark: `epub:type` (toc, bodymatter, bibliography, index …), its label and target. */
export interface Landmark {
  type: string;
  label: string;
  href: string;
}

const link = (heading: BookHeading) =>
  h('a', { href: `${heading.file}#${heading.id}` }, heading.text);

/**
 * The table of contents as nested lists: each h2, its h3s beneath it, as the chapter's own 目录
 * lists them (the title, an h1, is the book's and heads no entry).
 */
export function tocList(headings: readonly BookHeading[]): ElementContent {
  const items: { heading: BookHeading; children: BookHeading[] }[] = [];
  for (const heading of headings) {
    if (heading.depth === 2) items.push({ heading, children: [] });
    else if (heading.depth === 3 && items.length > 0) items.at(-1)!.children.push(heading);
  }
  return h(
    'ol',
    items.map(({ heading, children }) =>
      h('li', [
        link(heading),
        ...(children.length
          ? [
              h(
                'ol',
                children.map((c) => h('li', [link(c)])),
              ),
            ]
          : []),
      ]),
    ),
  );
}

/** The navigation document's body: the 目录 (`toc`), then the landmarks, hidden as EPUB allows. */
export function navBody(
  title: string,
  headings: readonly BookHeading[],
  landmarks: readonly Landmark[],
): ElementContent[] {
  return [
    h('nav', { 'epub:type': 'toc', id: 'toc', role: 'doc-toc', ariaLabelledBy: 'toc-title' }, [
      h('h2', { id: 'toc-title' }, title),
      tocList(headings),
    ]),
    h('nav', { 'epub:type': 'landmarks', id: 'landmarks', hidden: true, ariaLabel: '地标' }, [
      h(
        'ol',
        landmarks.map((l) => h('li', [h('a', { 'epub:type': l.type, href: l.href }, l.label)])),
      ),
    ]),
  ];
}
