// Reads the chapter's section files once, before Astro compiles them, to check what no single
// file can check on its own (heading ids unique across files) and to index every citation so
// the reference list can link back to each place that cites it.
import fs from 'node:fs';
import path from 'node:path';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import type { Heading, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { SKIP, visit } from 'unist-util-visit';
import { type CitationIndex, referenceEntryNumber } from '../lib/citations.ts';
import { findDuplicateIds, type HeadingOccurrence } from '../lib/heading-ids.ts';
import { sectionRanges, type SourceRange } from '../lib/section-source.ts';
import { slugForHeading } from '../lib/slug.ts';
import { buildFigure, figureCitations } from '../lib/figures/model.ts';
import { type FigureData, figureSchema } from '../lib/schemas/figures.ts';
import { citationSitesOf } from '../plugins/remark-citations.ts';
import { parse as parseYaml } from 'yaml';
import { termsFileSchema } from '../lib/schemas/terms.ts';
import { buildTermIndex, type TermIndex } from '../lib/term-index.ts';
import { termLocations } from './term-locations.ts';

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
    out.push({ file: section.file, text: `heading "${text}"`, id: slugForHeading(text), line: h.position?.start.line ?? 0, depth: h.depth });
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
  const sites = sections.flatMap((s) => citationSitesOf(s.tree, s.stem.replace(/^\d+-/, ''), (node) => figureSitesOf(s, node))).map((site) => {
    const occurrence = (occurrences.get(site.reference) ?? 0) + 1;
    occurrences.set(site.reference, occurrence);
    return { ...site, occurrence };
  });
  return { references, sites };
}

/** The figure an MDX element draws, when its `data` is `frontmatter.figures.<name>`. */
export function figureOf(section: SectionSource, node: RootContent): { name: string; data: FigureData } | undefined {
  if (node.type !== 'mdxJsxFlowElement') return undefined;
  const attr = node.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === 'data');
  const expression = attr && typeof attr.value === 'object' ? attr.value?.value : undefined;
  const name = expression && /^frontmatter\.figures\.([A-Za-z0-9]+)$/.exec(expression.trim())?.[1];
  if (!name) return undefined;
  const raw = (section.frontmatter as { figures?: Record<string, unknown> }).figures?.[name];
  if (raw === undefined) throw new ContentError(`${path.relative(process.cwd(), section.file)}: the body draws frontmatter.figures.${name}, which the frontmatter does not define`);
  // The collection schema reports bad data with file and field; here it only has to be readable.
  const parsed = figureSchema.safeParse(raw);
  return parsed.success ? { name, data: parsed.data } : undefined;
}

function figureSitesOf(section: SectionSource, node: RootContent): { n: number; id: string }[] {
  const figure = figureOf(section, node);
  return figure ? figureCitations(figure.data) : [];
}

/** Row ids of every figure, for the page-wide uniqueness check. */
function figureRowIds(section: SectionSource): HeadingOccurrence[] {
  const out: HeadingOccurrence[] = [];
  visit(section.tree, (node) => {
    const figure = figureOf(section, node as RootContent);
    if (!figure) return;
    for (const row of buildFigure(figure.data).rows) {
      out.push({ file: section.file, line: node.position?.start.line ?? 0, text: `figure ${figure.name}, row ${row.order + 1}`, id: row.id });
    }
    return SKIP;
  });
  return out;
}

/** The chapter's whole Markdown source, published as is beside the page. */
export const CHAPTER_SOURCE = 'chapter-14.md';

/**
 * Offsets of each h2/h3 section in the chapter's Markdown source. Every h2/h3 the section files
 * show must be there, or a copied section would not be the one shown.
 */
export function sourceRanges(dir: string, sections: SectionSource[]): SourceRange[] {
  const file = path.join(dir, CHAPTER_SOURCE);
  if (!fs.existsSync(file)) return [];
  const tree = unified().use(remarkParse).use(remarkGfm).parse(fs.readFileSync(file, 'utf8')) as Root;
  const ranges = sectionRanges(tree);
  const shown = new Set(sections.flatMap((s) => headingsOf(s).filter((h) => h.depth === 2 || h.depth === 3).map((h) => h.id)));
  const inSource = new Set(ranges.map((r) => r.id));
  // The source's own 目录 is drawn as the page's table of contents, so only one direction is checked.
  const missing = [...shown].filter((id) => !inSource.has(id));
  if (missing.length > 0) {
    throw new ContentError(`${path.relative(process.cwd(), file)}: has no section for the heading id(s) ${missing.join(', ')} of the section files`);
  }
  return ranges;
}

/** The term index's data file, next to the section files. */
export const TERMS_FILE = 'terms.yaml';

/** The term index, computed from the data file and the chapter; undefined when there is no data file. */
export function readTermIndex(dir: string, sections: SectionSource[]): TermIndex | undefined {
  const file = path.join(dir, TERMS_FILE);
  if (!fs.existsSync(file)) return undefined;
  const name = path.relative(process.cwd(), file);
  let raw: unknown;
  try {
    raw = parseYaml(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ContentError(`${name}: not valid YAML: ${(error as Error).message}`);
  }
  const parsed = termsFileSchema.safeParse(raw);
  if (!parsed.success) {
    throw new ContentError(`${name}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(file)'}: ${i.message}`).join('; ')}`);
  }
  try {
    return buildTermIndex(parsed.data, termLocations(sections), name);
  } catch (error) {
    throw new ContentError((error as Error).message);
  }
}

/** Everything the build needs from the section files; throws a ContentError naming file and field. */
export function prepareChapter(dir: string): { sections: SectionSource[]; citations: CitationIndex; ranges: SourceRange[]; terms: TermIndex | undefined } {
  const sections = readSections(dir);
  for (const s of sections) {
    let first: { text: string; line: number } | undefined;
    visit(s.tree, 'heading', (h: Heading) => {
      first ??= { text: toString(h), line: h.position?.start.line ?? 0 };
    });
    const title = (s.frontmatter as { title?: unknown }).title;
    // The TOC and page metadata use `title`; it must be the heading the reader sees.
    if (first && typeof title === 'string' && first.text !== title) {
      throw new ContentError(
        `${path.relative(process.cwd(), s.file)}: frontmatter field "title" is "${title}" but the section's first heading is "${first.text}" (line ${first.line})`,
      );
    }
  }
  const duplicates = findDuplicateIds(sections.flatMap((s) => [...headingsOf(s), ...figureRowIds(s)]));
  if (duplicates.length > 0) {
    throw new ContentError(
      duplicates
.map((d) => `Duplicate id "${d.id}": ${d.occurrences.map((o) => `${path.relative(process.cwd(), o.file)}:${o.line} (${o.text})`).join(' and ')}`)
        .join('\n'),
    );
  }
  return { sections, citations: buildCitationIndex(sections), ranges: sourceRanges(dir, sections), terms: readTermIndex(dir, sections) };
}

/** Each figure's caption as the section file gives it to `<FigureTable caption="…">`, by figure name. */
export function figureCaptions(sections: SectionSource[]): Map<string, string> {
  const captions = new Map<string, string>();
  for (const s of sections) {
    visit(s.tree, (node) => {
      const figure = figureOf(s, node as RootContent);
      if (!figure || node.type !== 'mdxJsxFlowElement') return;
      const caption = node.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === 'caption')?.value;
      if (typeof caption === 'string') captions.set(figure.name, caption);
      return SKIP;
    });
  }
  return captions;
}
