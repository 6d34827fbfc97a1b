/**
 * The book's pages as XHTML, made from the built web page's markup (hast). The page already holds
 * the chapter word for word with its ids, its figures as tables and its citation links; what a
 * book cannot use (buttons, copy tools, scripts, drawn marks) is taken out here, links are pointed
 * at the book's own files, and each page is written as XML, as EPUB requires.
 */
import type { Element, ElementContent, Nodes, Root } from 'hast';
import { selectAll } from 'hast-util-select';
import { toXast } from 'hast-util-to-xast';
import { h } from 'hastscript';
import { htmlVoidElements } from 'html-void-elements';
import { toXml } from 'xast-util-to-xml';

export const XHTML_NS = 'http://www.w3.org/1999/xhtml';
export const EPUB_NS = 'http://www.idpf.org/2007/ops';
export const MATHML_NS = 'http://www.w3.org/1998/Math/MathML';

/**
 * What the page adds for a reader with a browser and that a book leaves out: buttons and the
 * matrix's filters, scripts and templates, copy-links, drawn marks (each mark's value is in its
 * cell's text), dates and source links beside headings, links to the figures' data files and to
 * the page's other forms (this book among them), and the sentence of the cite panel that speaks
 * of the page's script.
 */
export const PAGE_FURNITURE = [
  'button',
  'script',
  'style',
  'template',
  'svg',
  'matrix-controls',
  '.anchor-link',
  '[data-added]',
  '[data-enc]',
  '.figure-data',
  '.other-forms',
  '.cite-note [data-dated]',
].join(', ');

/** Removes every element `selector` finds, at any depth. */
export function removeAll(tree: Root | Element, selector: string): void {
  const doomed = new Set<Nodes>(selectAll(selector, tree));
  const prune = (parent: Root | Element) => {
    parent.children = parent.children.filter(
      (child) => !doomed.has(child),
    ) as typeof parent.children;
    for (const child of parent.children) if (child.type === 'element') prune(child);
  };
  prune(tree);
}

/** Replaces each element `selector` finds with its children (a wrapper that only lays out). */
export function unwrapAll(tree: Root | Element, selector: string): void {
  const unwrapped = new Set<Nodes>(selectAll(selector, tree));
  const flatten = (parent: Root | Element) => {
    parent.children = parent.children.flatMap((child) =>
      unwrapped.has(child) && child.type === 'element' ? child.children : [child],
    ) as typeof parent.children;
    for (const child of parent.children) if (child.type === 'element') flatten(child);
  };
  flatten(tree);
}

/**
 * Drops the attributes only the site's scripts and styles read (`data-*`: sort keys, phone
 * labels, search hints, Astro's scoping), keeping ids, classes, roles, labels and links.
 */
export function dropDataAttributes(tree: Root | Element): void {
  for (const el of selectAll('*', tree))
    for (const key of Object.keys(el.properties))
      if (/^data[A-Z]/.test(key)) delete el.properties[key];
}

/** Puts MathML (KaTeX's output) in its own namespace, as XHTML reads it. */
export function namespaceMath(tree: Root | Element): boolean {
  const math = selectAll('math', tree);
  for (const el of math) el.properties.xmlns = MATHML_NS;
  return math.length > 0;
}

/** The page's markup made fit for a book: furniture out, layout wrappers and data attributes gone. */
export function bookMarkup(tree: Root | Element): void {
  removeAll(tree, PAGE_FURNITURE);
  // Headings sat in a wrapper beside their copy-link and tools, now gone; a visually hidden
  // word (拉丁字母 before a letter) is plain text in a book, whose reader may not hide it; and a
  // table's scrolling region would be one unbreakable block to a paginating reader, which moves
  // it whole to the next page and cuts off what does not fit.
  unwrapAll(tree, '.heading-wrapper, .sr-only, .table-region');
  dropDataAttributes(tree);
}

/** Every id in a tree. */
export function idsIn(tree: Nodes): string[] {
  return selectAll('[id]', tree).map((el) => String(el.properties.id));
}

/**
 * Points each link of the page at the book: a fragment of the chapter's page or the term index's
 * page becomes that id in the book's file that holds it, and any other address of the site
 * becomes absolute, since the book goes where the site does not. A fragment the book lacks is
 * an error, never a dead link.
 */
export function relink(
  tree: Root | Element,
  pageUrl: string,
  bookPages: ReadonlySet<string>,
  fileOf: ReadonlyMap<string, string>,
): void {
  for (const a of selectAll('a[href]', tree)) {
    const url = new URL(String(a.properties.href), pageUrl);
    const page = url.origin + url.pathname;
    if (!bookPages.has(page)) {
      a.properties.href = url.href;
      continue;
    }
    const id = decodeURIComponent(url.hash.slice(1));
    const file = fileOf.get(id);
    if (!file) throw new Error(`the link ${String(a.properties.href)} points to no id in the book`);
    a.properties.href = `${file}#${id}`;
  }
}

export interface XhtmlPage {
  title: string;
  lang: string;
  /** The body's content. */
  body: ElementContent[];
  /** `epub:type` of the body (bodymatter, backmatter …), when it says something. */
  bodyType?: string;
  stylesheet: string;
}

const voids = new RegExp(`<(${htmlVoidElements.join('|')})( [^>]*)?></\\1>`, 'g');

/**
 * Void elements as `<br/>`, every other element with its end tag even when empty (`<td></td>`):
 * XML either way, and read the same by a reading system that parses the page as HTML, where
 * `<td/>` would open a cell and `<br></br>` would be two breaks.
 */
function selfClosingVoids(xml: string): string {
  return xml.replace(voids, '<$1$2/>');
}

/** One XHTML content document of the book, serialised as XML. */
export function xhtmlDocument(page: XhtmlPage): string {
  const html = h(
    'html',
    { xmlns: XHTML_NS, 'xmlns:epub': EPUB_NS, lang: page.lang, 'xml:lang': page.lang },
    [
      h('head', [h('title', page.title), h('link', { rel: 'stylesheet', href: page.stylesheet })]),
      h('body', page.bodyType ? { 'epub:type': page.bodyType } : {}, page.body),
    ],
  );
  const tree: Root = { type: 'root', children: [{ type: 'doctype' }, html] };
  return '<?xml version="1.0" encoding="UTF-8"?>\n' + selfClosingVoids(toXml(toXast(tree))) + '\n';
}
