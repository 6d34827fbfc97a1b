// Reads the chapter's section files once, before Astro compiles them, to check what no single
// file can check on its own (heading ids unique across files) and to index every citation so
// the reference list can link back to each place that cites it.
import fs from 'node:fs';
import path from 'node:path';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import type { Heading, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { type CitationIndex, referenceEntryNumber } from '../lib/citations.ts';
import { findDuplicateIds, type HeadingOccurrence } from '../lib/heading-ids.ts';
import { slugForHeading } from '../lib/slug.ts';
import { citationSitesOf } from '../plugins/remark-citations.ts';

export interface SectionSource {
  file: string;
  stem: string;
  order: number;
  frontmatter: Record<string, unknown>;
  body: string;
  tree: Root;
}

export class ContentError extends Error {
  override name = 'ContentError';
}

export function readSections(dir: string): SectionSource[] {
  // The same syntax extensions the build uses, so `$…{…}…$` is math here too, not a JS expression.
  const parser = unified().use(remarkParse).use(remarkMdx).use(remarkGfm).use(remarkMath);
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.mdx'))
    .map((f) => {
      const file = path.join(dir, f);
      // Blank lines in place of the frontmatter keep line numbers in errors true to the file.
      const { frontmatter, content } = parseFrontmatter(fs.readFileSync(file, 'utf8'), { frontmatter: 'empty-with-lines' });
      const order = Number((frontmatter as { order?: unknown }).order);
      let tree: Root;
      try {
        tree = parser.parse(content) as Root;
      } catch (error) {
        throw new ContentError(`${path.relative(process.cwd(), file)}: cannot parse MDX: ${(error as Error).message}`);
      }
      return { file, stem: path.basename(f, '.mdx'), order, frontmatter, body: content, tree };
    })
    .sort((a, b) => a.order - b.order);
}

export function headingsOf(section: SectionSource): HeadingOccurrence[] {
  const out: HeadingOccurrence[] = [];
  visit(section.tree, 'heading', (h: Heading) => {
    const text = toString(h);
    out.push({ file: section.file, text, id: slugForHeading(text), line: h.position?.start.line ?? 0 });
  });
  return out;
}

export function buildCitationIndex(sections: SectionSource[]): CitationIndex {
  const references: number[] = [];
  for (const s of sections) {
    visit(s.tree, 'paragraph', (p) => {
      const n = referenceEntryNumber(toString(p));
      if (n !== undefined) references.push(n);
    });
  }
  const occurrences = new Map<number, number>();
  const sites = sections.flatMap((s) => citationSitesOf(s.tree, s.stem.replace(/^\d+-/, ''))).map((site) => {
    const occurrence = (occurrences.get(site.reference) ?? 0) + 1;
    occurrences.set(site.reference, occurrence);
    return { ...site, occurrence };
  });
  return { references, sites };
}

/** Everything the build needs from the section files; throws a ContentError naming file and field. */
export function prepareChapter(dir: string): { sections: SectionSource[]; citations: CitationIndex } {
  const sections = readSections(dir);
  for (const s of sections) {
    const first = headingsOf(s)[0];
    const title = (s.frontmatter as { title?: unknown }).title;
    // The TOC and page metadata use `title`; it must be the heading the reader sees.
    if (first && typeof title === 'string' && first.text !== title) {
      throw new ContentError(
        `${path.relative(process.cwd(), s.file)}: frontmatter field "title" is "${title}" but the section's first heading is "${first.text}" (line ${first.line})`,
      );
    }
  }
  const duplicates = findDuplicateIds(sections.flatMap(headingsOf));
  if (duplicates.length > 0) {
    throw new ContentError(
      duplicates
        .map((d) => `Duplicate heading id "${d.id}": ${d.occurrences.map((o) => `${path.relative(process.cwd(), o.file)}:${o.line} (heading "${o.text}")`).join(' and ')}`)
        .join('\n'),
    );
  }
  return { sections, citations: buildCitationIndex(sections) };
}
