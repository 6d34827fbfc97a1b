import fs from 'node:fs';
import type { Heading, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { sourceMarkdown } from './paths.ts';

export interface SourceFragment {
  kind: 'heading' | 'paragraph' | 'cell';
  text: string;
  line: number;
}

export function readSource(): string {
  return fs.readFileSync(sourceMarkdown, 'utf8');
}

export function sourceTree(): Root {
  return unified().use(remarkParse).use(remarkGfm).parse(readSource()) as Root;
}

/** Collapses runs of white space, as a browser renders them; white space that vanished stays missing. */
export function normaliseText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Every heading, paragraph (list items hold paragraphs) and table cell of the chapter, in order,
 * as plain text. The hand-written 目录 list is left out: the page's generated TOC replaces it.
 */
export function sourceFragments(): SourceFragment[] {
  const tree = sourceTree();
  const fragments: SourceFragment[] = [];
  let inToc = false;
  for (const node of tree.children as RootContent[]) {
    if (node.type === 'heading') inToc = toString(node) === '目录';
    if (inToc && node.type !== 'heading') continue;
    visit(node, (n) => {
      const line = n.position?.start.line ?? 0;
      if (n.type === 'heading')
        fragments.push({ kind: 'heading', text: normaliseText(toString(n)), line });
      else if (n.type === 'paragraph')
        fragments.push({ kind: 'paragraph', text: normaliseText(toString(n)), line });
      else if (n.type === 'tableCell')
        fragments.push({ kind: 'cell', text: normaliseText(toString(n)), line });
      else return;
      return 'skip';
    });
  }
  return fragments.filter((f) => f.text !== '' || f.kind === 'cell');
}

/** The 目录 list's link targets, e.g. `#141-技术发展总结`, in order. */
export function tocFragments(): string[] {
  const out: string[] = [];
  const tree = sourceTree();
  let inToc = false;
  for (const node of tree.children) {
    if (node.type === 'heading') inToc = toString(node as Heading) === '目录';
    else if (inToc) visit(node, 'link', (l) => void out.push(l.url));
  }
  return out;
}
