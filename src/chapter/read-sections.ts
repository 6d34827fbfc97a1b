// Reads and parses the chapter's section files once, with the syntax the build uses, so that
// every other form of the chapter can be derived from the same trees.
import fs from 'node:fs';
import path from 'node:path';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { location } from 'vfile-location';
import { VFileMessage } from 'vfile-message';
import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import { type SectionFrontmatter, sectionSchema } from '../lib/schemas/section.ts';
import { ContentError, type ContentProblem } from '../lib/content-error.ts';

export interface Point {
  line: number;
  column: number;
}

export interface SectionSource {
  /** Absolute path of the section file. */
  file: string;
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
  fieldPosition(field: readonly (string | number)[]): Point | undefined;
}

/** The same syntax extensions the build uses, so `$…{…}…$` is math here too, not a JS expression. */
const parser = unified().use(remarkParse).use(remarkMdx).use(remarkGfm).use(remarkMath);

/** The `.mdx` files of a content folder, in the order their frontmatter gives. */
export function readSections(dir: string): SectionSource[] {
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.mdx'))
    .map((f) => path.join(dir, f));
  return parseSections(files.map((file) => ({ file, text: fs.readFileSync(file, 'utf8') })));
}

/** Parses section files given as text; throws a ContentError naming every bad file, line and field. */
export function parseSections(files: { file: string; text: string }[]): SectionSource[] {
  const problems: ContentProblem[] = [];
  const sections: SectionSource[] = [];
  for (const { file, text } of files) {
    const { rawFrontmatter, content } = parseFrontmatter(text, {
      frontmatter: 'empty-with-spaces',
    });
    const place = location(text);
    // The YAML starts just after the opening `---`.
    const yamlStart = rawFrontmatter ? text.indexOf('---') + 3 : 0;
    const lineCounter = new LineCounter();
    const doc = parseDocument(rawFrontmatter, { lineCounter, uniqueKeys: true });
    const pointAt = (offset: number): Point => {
      const p = place.toPoint(yamlStart + offset);
      return { line: p?.line ?? 1, column: p?.column ?? 1 };
    };
    const fieldPosition = (field: readonly (string | number)[]): Point | undefined => {
      // The deepest part of the path that exists: a missing key is reported at its parent.
      for (let n = field.length; n > 0; n--) {
        const parent = n > 1 ? doc.getIn(field.slice(0, n - 1), true) : doc.contents;
        if (isMap(parent)) {
          const pair = parent.items.find(
            (item) => isScalar(item.key) && String(item.key.value) === String(field[n - 1]),
          );
          if (pair && isScalar(pair.key) && pair.key.range) return pointAt(pair.key.range[0]);
        }
        const node = doc.getIn(field.slice(0, n), true) as { range?: [number, number] } | undefined;
        if (node?.range) return pointAt(node.range[0]);
      }
      return rawFrontmatter ? pointAt(0) : undefined;
    };
    if (doc.errors.length > 0) {
      for (const e of doc.errors)
        problems.push({
          file,
          ...pointAt(e.pos[0]),
          message: `the frontmatter is not valid YAML: ${e.message.split('\n')[0]}`,
        });
      continue;
    }
    const parsed = sectionSchema.safeParse(doc.toJS() ?? {});
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
        // An unknown key is reported at the key itself, not at the object that holds it.
        const keys = issue.code === 'unrecognized_keys' ? issue.keys : [undefined];
        for (const key of keys) {
          const at = key === undefined ? field : [...field, key];
          problems.push({
            file,
            ...fieldPosition(at),
            message: `frontmatter field "${at.join('.') || '(frontmatter)'}": ${issue.message}`,
          });
        }
      }
      continue;
    }
    let tree: Root;
    try {
      tree = parser.parse(content) as Root;
    } catch (error) {
      const m = error as VFileMessage;
      problems.push({
        file,
        line: m.line ?? undefined,
        column: m.column ?? undefined,
        message: `cannot parse MDX: ${m.reason ?? (error as Error).message}`,
      });
      continue;
    }
    sections.push({
      file,
      stem: path.basename(file, '.mdx'),
      order: parsed.data.order,
      frontmatter: parsed.data,
      body: content,
      tree,
      fieldPosition,
    });
  }
  if (problems.length > 0) throw new ContentError(problems);
  return sections.sort((a, b) => a.order - b.order);
}
