import fs from 'node:fs';
import path from 'node:path';
import { type DefaultTreeAdapterMap, parse } from 'parse5';
import type { Fragment } from '../lib/anchors.ts';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

/** A page's HTML and its tree, parsed once with where each tag is written (aliases are added there). */
export interface ParsedPage {
  html: string;
  doc: DefaultTreeAdapterMap['document'];
}
export const parsePage = (html: string): ParsedPage => ({
  html,
  doc: parse(html, { sourceCodeLocationInfo: true }),
});
const parsed = (page: ParsedPage | string) => (typeof page === 'string' ? parsePage(page) : page);

const isElement = (n: Node): n is Element => 'tagName' in n;
const attr = (el: Element, name: string) => el.attrs.find((a) => a.name === name)?.value;
const classes = (el: Element) => (attr(el, 'class') ?? '').split(/\s+/);

function* elements(node: Node): Generator<Element> {
  if (isElement(node)) yield node;
  for (const child of 'childNodes' in node ? node.childNodes : []) yield* elements(child);
  if (isElement(node) && node.tagName === 'template')
    yield* elements((node as DefaultTreeAdapterMap['template']).content);
}

/** An element's text as a reader sees it, without what the page adds around the chapter's words. */
function textOf(el: Element, skip: (e: Element) => boolean = () => false): string {
  let out = '';
  const walk = (n: Node) => {
    if (n.nodeName === '#text') out += (n as DefaultTreeAdapterMap['textNode']).value;
    else if (isElement(n) && !skip(n)) n.childNodes.forEach(walk);
  };
  walk(el);
  return out.replace(/\s+/g, ' ').trim();
}

const added = (e: Element) =>
  classes(e).some((c) => ['anchor-link', 'anchor-alias', 'backrefs'].includes(c)) ||
  attr(e, 'data-enc') !== undefined;
/** Enough of a reference entry to tell one work from another (a renumbering shows), not every word (a typo fix does not). */
const clip = (s: string, n = 48) => ([...s].length > n ? `${[...s].slice(0, n).join('')}…` : s);

/**
 * The fragments a reader can link to on a built page: every heading, figure row, reference
 * entry and term index entry with an id, and any other element a link of the page points to
 * (the skip link's target, the top of the page). Citation markers are left out: their ids count the citations
 * of a reference in reading order, for the reference list's back-links, and move whenever a
 * citation is added before them.
 */
export function pageFragments(page: ParsedPage | string): Fragment[] {
  const all = [...elements(parsed(page).doc)];
  const byId = new Map(all.flatMap((e) => (attr(e, 'id') ? [[attr(e, 'id')!, e] as const] : [])));
  const linkText = new Map<string, string>();
  for (const a of all) {
    const href = a.tagName === 'a' ? attr(a, 'href') : undefined;
    if (href?.startsWith('#') && href.length > 1) {
      const id = decodeURIComponent(href.slice(1));
      // The shortest of the links' texts names the place most plainly (回到顶部 rather than the title).
      const text = textOf(a, (e) => attr(e, 'aria-hidden') === 'true');
      if (!linkText.has(id) || text.length < linkText.get(id)!.length) linkText.set(id, text);
    }
  }
  const out: Fragment[] = [];
  for (const [id, el] of byId) {
    if (classes(el).includes('anchor-alias')) continue;
    if (/^h[1-6]$/.test(el.tagName)) out.push({ id, points: `heading: ${textOf(el, added)}` });
    else if (el.tagName === 'tr') {
      // A row is named by the cell that heads it, as its id is.
      const head =
        el.childNodes.filter(isElement).find((c) => c.tagName === 'th') ??
        el.childNodes.filter(isElement)[0];
      out.push({ id, points: `row: ${head ? textOf(head, added) : ''}` });
    } else if (classes(el).includes('reference'))
      out.push({ id, points: `reference: ${clip(textOf(el, added))}` });
    // An entry of the term index: search's term card links to it.
    else if (attr(el, 'data-pagefind-title'))
      out.push({ id, points: `term: ${attr(el, 'data-pagefind-title')}` });
    else if (linkText.has(id) && !classes(el).includes('citation'))
      out.push({ id, points: `link: ${clip(linkText.get(id)!) || `<${el.tagName}>`}` });
  }
  return out;
}

const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/**
 * Adds each alias to the page as an empty element carrying the old id inside the fragment it
 * now leads to (inside a row's first cell, where a table allows it), so the old link lands there
 * and is marked as the target without any script.
 */
export function addAliases(
  page: ParsedPage | string,
  aliases: readonly { from: string; to: string }[],
): string {
  const { html, doc } = parsed(page);
  if (aliases.length === 0) return html;
  const byId = new Map(
    [...elements(doc)].flatMap((e) => (attr(e, 'id') ? [[attr(e, 'id')!, e] as const] : [])),
  );
  const inserts = aliases.map(({ from, to }) => {
    const target = byId.get(to)!;
    const host =
      target.tagName === 'tr' ? (target.childNodes.filter(isElement)[0] ?? target) : target;
    const at = host.sourceCodeLocation!.startTag!.endOffset;
    return {
      at,
      text: `<span id="${escapeAttr(from)}" class="anchor-alias" data-anchor-for="${escapeAttr(to)}"></span>`,
    };
  });
  // From the end, so earlier offsets stay true.
  let out = html;
  for (const { at, text } of inserts.sort((a, b) => b.at - a.at))
    out = out.slice(0, at) + text + out.slice(at);
  return out;
}

/** A built page: its file, its path in the site (`''` for the chapter's page, `terms/`) and its HTML, parsed. */
export interface BuiltPage extends ParsedPage {
  file: string;
  prefix: string;
}

/**
 * Every page of a built site and all their fragments, keyed as the record keys them: the
 * chapter's page by id, another page by its path, `#` and the id (`terms/#term-kv-cache`).
 */
export function siteFragments(outDir: string): { pages: BuiltPage[]; fragments: Fragment[] } {
  const pages = (fs.readdirSync(outDir, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.html'))
    .sort()
    .map((f) => {
      const folder = path.dirname(f).split(path.sep).join('/');
      const file = path.join(outDir, f);
      return {
        file,
        prefix: folder === '.' ? '' : `${folder}/`,
        ...parsePage(fs.readFileSync(file, 'utf8')),
      };
    });
  const fragments = pages.flatMap((p) =>
    pageFragments(p).map((f) => ({ ...f, id: p.prefix ? `${p.prefix}#${f.id}` : f.id })),
  );
  return { pages, fragments };
}
