/**
 * The chapter as an EPUB 3 book, put together from the built pages: one XHTML file per section
 * file of the chapter (each a chapter-sized file, as reading systems page best), the 目录 where
 * the chapter writes it (after the opening), the references, then the term index and the cite
 * panel as back matter. Every id is the web page's, so `#1432-技术发展里程碑` names the same place
 * in both; links between the files are rewritten to reach them.
 */
import type { Element, ElementContent, Root } from 'hast';
import { select, selectAll } from 'hast-util-select';
import type { Heading } from '../headings.ts';
import { type BookFile, epubContainer } from './container.ts';
import { type BookHeading, type Landmark, navBody } from './nav-document.ts';
import {
  type BookFacts,
  containerDocument,
  type ManifestItem,
  packageDocument,
} from './package-document.ts';
import { BOOK_STYLESHEET } from './stylesheet.ts';
import { bookMarkup, idsIn, namespaceMath, relink, xhtmlDocument } from './xhtml.ts';

/** What the book is made of: the built pages (parsed), the chapter's parts and its facts. */
export interface BookSource {
  chapterUrl: string;
  chapterPage: Root;
  /** The term index's page, when the chapter has one; its heading takes `termIndexId`. */
  terms?: { url: string; page: Root; id: string };
  /** The section files in order: each one's stem and headings. */
  parts: { stem: string; headings: Heading[] }[];
  /** The 目录's title, as the chapter's Markdown writes it. */
  tocTitle: string;
  facts: Omit<BookFacts, 'accessibilityFeatures' | 'accessibilitySummary'>;
}

/** One XHTML page of the book. */
interface BookPage {
  file: string;
  title: string;
  content: Element;
  bodyType: string;
}

const DIR = 'EPUB';
const STYLESHEET = 'book.css';
const NAV = 'nav.xhtml';

/** The element `selector` finds in a page, or an error naming what the page lacks. */
function pick(tree: Root, selector: string, where: string): Element {
  const found = select(selector, tree);
  if (!found) throw new Error(`${where} has no ${selector}: the book cannot be made from it`);
  return structuredClone(found);
}

/** The pages of the book in reading order (the 目录 aside), taken from the built pages. */
function pagesOf(source: BookSource): BookPage[] {
  const parts = source.parts.map((part) => ({
    file: `${part.stem}.xhtml`,
    title: part.headings[0]?.text ?? part.stem,
    content: pick(source.chapterPage, `section[data-section="${part.stem}"]`, 'the chapter page'),
    bodyType: 'bodymatter',
  }));
  const terms = source.terms && {
    file: 'terms.xhtml',
    title: '术语索引',
    content: pick(source.terms.page, 'section.term-index', 'the term index page'),
    bodyType: 'backmatter',
  };
  if (terms) select('h1', terms.content)!.properties.id = source.terms!.id;
  const cite = {
    file: 'cite.xhtml',
    title: '引用本章',
    content: pick(source.chapterPage, 'section.cite-chapter', 'the chapter page'),
    bodyType: 'backmatter',
  };
  return [...parts, ...(terms ? [terms] : []), cite];
}

/** Says what each part is in the book's own vocabulary (EPUB structural semantics, DPUB-ARIA). */
function markSemantics(page: BookPage): void {
  if (select('.reference', page.content)) {
    page.content.properties['epub:type'] = 'bibliography';
    page.content.properties.role = 'doc-bibliography';
  }
  for (const a of selectAll('a.citation', page.content)) a.properties.role = 'doc-biblioref';
  for (const a of selectAll('a.backref', page.content)) a.properties.role = 'doc-backlink';
  if (page.file === 'terms.xhtml') {
    page.content.properties['epub:type'] = 'index';
    page.content.properties.role = 'doc-index';
  }
}

/** Which file holds each id; an id in two files would make a fragment mean two places. */
function idFiles(pages: readonly BookPage[]): Map<string, string> {
  const fileOf = new Map<string, string>();
  for (const page of pages)
    for (const id of idsIn(page.content)) {
      const other = fileOf.get(id);
      if (other) throw new Error(`the id "${id}" is in both ${other} and ${page.file}`);
      fileOf.set(id, page.file);
    }
  return fileOf;
}

/** The 目录's entries: the chapter's h2 and h3 headings, then the back matter's headings. */
function bookHeadings(source: BookSource, pages: readonly BookPage[]): BookHeading[] {
  const chapter = source.parts.flatMap((part) =>
    part.headings.map((h) => ({
      depth: h.depth,
      text: h.text,
      id: h.id,
      file: `${part.stem}.xhtml`,
    })),
  );
  const back = pages
    .filter((p) => p.bodyType === 'backmatter')
    .map((p) => {
      const h = select('h1, h2', p.content)!;
      return { depth: 2, text: p.title, id: String(h.properties.id), file: p.file };
    });
  return [...chapter, ...back];
}

/** What the book offers a reader who navigates, listens or restyles: true of this book only. */
function accessibilityOf(hasMath: boolean, hasIndex: boolean) {
  return {
    accessibilityFeatures: [
      'structuralNavigation',
      'tableOfContents',
      'readingOrder',
      'displayTransformability',
      ...(hasIndex ? ['index'] : []),
      ...(hasMath ? ['MathML'] : []),
    ],
    accessibilitySummary:
      '本书只有文字，没有图片、音频或视频：各图表都是带表头的数据表，等级、增幅与日期均以文字写出' +
      (hasMath ? '，公式为 MathML' : '') +
      '。目录与各级标题同网页版一致，可按标题逐节跳转；引文链接指向参考文献，参考文献链回引用处' +
      (hasIndex ? '；书末附术语索引，链接到术语出现之处' : '') +
      '。不嵌入字体，不指定字号与颜色，阅读器的字体、字号与明暗主题均可随意调整。',
  };
}

/** The pages made fit for the book and linked to each other; which of them hold math. */
function preparedPages(source: BookSource): { pages: BookPage[]; mathIn: Set<string> } {
  const pages = pagesOf(source);
  for (const page of pages) {
    bookMarkup(page.content);
    markSemantics(page);
  }
  const fileOf = idFiles(pages);
  const bookPages = new Set([source.chapterUrl, ...(source.terms ? [source.terms.url] : [])]);
  const mathIn = new Set<string>();
  for (const page of pages) {
    const from = page.file === 'terms.xhtml' ? source.terms!.url : source.chapterUrl;
    relink(page.content, from, bookPages, fileOf);
    if (namespaceMath(page.content)) mathIn.add(page.file);
  }
  return { pages, mathIn };
}

/** Where a reading system's "go to" menu leads: the 目录, the start, and each part that has a role. */
function landmarksOf(source: BookSource, pages: readonly BookPage[]): Landmark[] {
  return [
    { type: 'toc', label: source.tocTitle, href: `${NAV}#toc` },
    { type: 'bodymatter', label: source.facts.title, href: pages[0].file },
    ...pages.flatMap((p) => {
      const type = p.content.properties['epub:type'];
      return type ? [{ type: String(type), label: p.title, href: p.file }] : [];
    }),
  ];
}

/** The manifest: every XHTML file in reading order (all in the spine), then the stylesheet. */
function manifestOf(reading: readonly { file: string }[], mathIn: ReadonlySet<string>) {
  const items: ManifestItem[] = reading.map((d, i) => ({
    id: `p${i}`,
    href: d.file,
    mediaType: 'application/xhtml+xml',
    properties: [...(d.file === NAV ? ['nav'] : []), ...(mathIn.has(d.file) ? ['mathml'] : [])],
    inSpine: true,
  }));
  return [...items, { id: 'css', href: STYLESHEET, mediaType: 'text/css', inSpine: false }];
}

/** Every file of the book, in container order, from its source. */
export function bookFiles(source: BookSource): BookFile[] {
  const { pages, mathIn } = preparedPages(source);
  const lang = String(select('html', source.chapterPage)?.properties.lang ?? 'zh-CN');
  const xhtml = (title: string, body: ElementContent[], bodyType: string) =>
    xhtmlDocument({ title, lang, body, bodyType, stylesheet: STYLESHEET });
  const toc = navBody(source.tocTitle, bookHeadings(source, pages), landmarksOf(source, pages));
  const nav = { file: NAV, text: xhtml(source.tocTitle, toc, 'frontmatter') };
  const documents = pages.map((p) => ({
    file: p.file,
    text: xhtml(p.title, [p.content], p.bodyType),
  }));
  // The 目录 reads where the chapter writes it: after the opening part.
  const reading = [documents[0], nav, ...documents.slice(1)];
  const facts = { ...source.facts, ...accessibilityOf(mathIn.size > 0, !!source.terms) };
  return [
    { path: 'META-INF/container.xml', data: containerDocument(`${DIR}/package.opf`) },
    { path: `${DIR}/package.opf`, data: packageDocument(facts, manifestOf(reading, mathIn)) },
    ...reading.map((d) => ({ path: `${DIR}/${d.file}`, data: d.text })),
    { path: `${DIR}/${STYLESHEET}`, data: BOOK_STYLESHEET },
  ];
}

/** The book as the bytes of its `.epub` file. */
export function epubBook(source: BookSource): Uint8Array {
  return epubContainer(bookFiles(source), source.facts.modified);
}
