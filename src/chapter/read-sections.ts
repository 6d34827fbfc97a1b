// Reads and parses the chapter's section files once, with the syntax the build uses, so that
// every other form of the chapter can be derived from the same trees.
import fs from 'node:fs';
import path from 'node:path';
import { extractFrontmatter, parseFrontmatter } from '@astrojs/markdown-remark';
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { location } from 'vfile-location';
import { VFileMessage } from 'vfile-message';
import type { z } from 'zod';
import { type SectionFrontmatter, sectionSchema } from '../lib/schemas/section.ts';
import { ContentError, type ContentProblem } from '../lib/content-error.ts';
import { type FieldPath, type Point, readYaml, type YamlSource } from '../lib/yaml-source.ts';
import type { SourceFile } from './sources.ts';

export interface SectionSource {
  /** Absolute path of the section file. */
  file: string;
  /** The file as it was read, to tell whether it has changed since. */
  text: string;
  stem: string;
  order: number;
  frontmatter: SectionFrontmatter;
  /**
   * The file with its frontmatter blanked out by spaces: offsets and line numbers in the tree
   * are those of the file itself.
   */
  body: string;
  tree: Root;
  /** Where a frontmatter field is written (`['figures', 'maturity', 'columns', '成熟度等级']`). */
  fieldPosition(field: FieldPath): Point | undefined;
}

/** The same syntax extensions the build uses, so `$…{…}…$` is math here too, not a JS expression. */
const parser = unified().use(remarkParse).use(remarkMdx).use(remarkGfm).use(remarkMath);

/**
 * The `.mdx` files of a content folder, in the order their frontmatter gives. A file that reads
 * as it did in `known` (sections read before) is not parsed again.
 */
export function readSections(dir: string, known: readonly SectionSource[] = []): SectionSource[] {
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.mdx'))
    .map((f) => path.join(dir, f));
  return parseSections(
    files.map((file) => ({ file, text: fs.readFileSync(file, 'utf8') })),
    known,
  );
}

/** Parses section files given as text; throws a ContentError naming every bad file, line and field. */
export function parseSections(
  files: readonly SourceFile[],
  known: readonly SectionSource[] = [],
): SectionSource[] {
  const unchanged = (f: SourceFile) => known.find((k) => k.file === f.file && k.text === f.text);
  const read = files.map((f) => {
    const section = unchanged(f);
    return section ? { section, problems: [] } : parseSection(f);
  });
  const problems = read.flatMap((r) => r.problems);
  if (problems.length > 0) throw new ContentError(problems);
  return read.flatMap((r) => (r.section ? [r.section] : [])).sort((a, b) => a.order - b.order);
}

/** One section file: its frontmatter checked against the schema, then its body parsed. */
export function parseSection(source: SourceFile): {
  section?: SectionSource;
  problems: ContentProblem[];
} {
  const { file } = source;
  const split = splitFrontmatter(source);
  if (!split.yaml || split.yaml.problems.length > 0) return { problems: split.problems };
  const { yaml, content } = split;
  const parsed = sectionSchema.safeParse(yaml.data ?? {});
  if (!parsed.success)
    return {
      problems: parsed.error.issues.flatMap((issue) => frontmatterProblems(file, yaml, issue)),
    };
  const tree = parseBody(file, content);
  if ('problems' in tree) return tree;
  return {
    section: {
      file,
      text: source.text,
      stem: path.basename(file, '.mdx'),
      order: parsed.data.order,
      frontmatter: parsed.data,
      body: content,
      tree: tree.root,
      fieldPosition: (field) => yaml.placeOf(field, 'key'),
    },
    problems: [],
  };
}

const FRONTMATTER_HINT =
  'The frontmatter is the YAML between the two --- lines at the top of the file: field: value, one per line (docs/authoring.md).';

/**
 * A section file's frontmatter, read as YAML with each field's place in the file, and its body
 * with the frontmatter blanked out. Astro reads the frontmatter too (with js-yaml), and stops at
 * what it cannot read; that is reported at its place, in the same words.
 */
function splitFrontmatter({ file, text }: SourceFile): {
  yaml?: YamlSource;
  content: string;
  problems: ContentProblem[];
} {
  const raw = extractFrontmatter(text) ?? '';
  const place = location(text);
  // The YAML starts just after the opening `---`.
  const yamlStart = raw ? text.indexOf('---') + 3 : 0;
  const toPoint = (offset: number) => {
    const p = place.toPoint(yamlStart + offset);
    return { line: p?.line ?? 1, column: p?.column ?? 1 };
  };
  const yaml = readYaml(file, raw, { hint: FRONTMATTER_HINT, toPoint });
  try {
    const { content } = parseFrontmatter(text, { frontmatter: 'empty-with-spaces' });
    return { yaml, content, problems: yaml.problems };
  } catch (error) {
    if (yaml.problems.length > 0) return { content: '', problems: yaml.problems };
    const { reason, mark } = error as { reason?: string; mark?: { position: number } };
    const at = mark ? toPoint(mark.position) : {};
    const message = `not valid YAML: ${reason ?? (error as Error).message}`;
    return { content: '', problems: [{ file, ...at, message, hint: FRONTMATTER_HINT }] };
  }
}

/** A section file's body as the build's syntax reads it, or where it cannot be read. */
function parseBody(file: string, content: string): { root: Root } | { problems: ContentProblem[] } {
  try {
    return { root: parser.parse(content) as Root };
  } catch (error) {
    const m = error as VFileMessage;
    return {
      problems: [
        {
          file,
          line: m.line ?? undefined,
          column: m.column ?? undefined,
          message: `cannot parse MDX: ${m.reason ?? (error as Error).message}`,
        },
      ],
    };
  }
}

/** A schema issue of a frontmatter, at the field's key; an unknown key at the key itself, not at the object that holds it. */
function frontmatterProblems(
  file: string,
  yaml: YamlSource,
  issue: z.core.$ZodIssue,
): ContentProblem[] {
  const field = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  const keys = issue.code === 'unrecognized_keys' ? issue.keys : [undefined];
  return keys.map((key) => {
    const at = key === undefined ? field : [...field, key];
    return {
      file,
      ...yaml.placeOf(at, 'key'),
      message: `frontmatter field "${at.join('.') || '(frontmatter)'}": ${issue.message}`,
    };
  });
}
