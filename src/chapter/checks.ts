// The checks that span section files: what no single file can know is wrong.
import { type ContentProblem, displayPath } from '../lib/content-error.ts';
import type { FigureModel } from '../lib/figures/model.ts';
import { findDuplicateIds, type HeadingOccurrence } from '../lib/heading-ids.ts';
import { type Heading, headingOf } from '../lib/headings.ts';
import type { SectionSource } from './read-sections.ts';

/** A heading of a section file with the line it is written on. */
export type PlacedHeading = Heading & { line: number };

/** The headings of a section file's top level, in order. */
export function headingsOf(section: SectionSource): PlacedHeading[] {
  return section.tree.children.flatMap((node) =>
    node.type === 'heading' ? [{ ...headingOf(node), line: node.position?.start.line ?? 0 }] : [],
  );
}

/** Two section files given the same place on the page. */
export function orderProblems(sections: readonly SectionSource[]): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const orders = new Map<number, string>();
  for (const s of sections) {
    const other = orders.get(s.order);
    if (other)
      problems.push({
        file: s.file,
        ...s.fieldPosition(['order']),
        message: `frontmatter field "order": ${s.order} is also the order of ${displayPath(other)}`,
        hint: 'Each section file needs its own position on the page.',
      });
    orders.set(s.order, s.file);
  }
  return problems;
}

/** A figure name used in two section files: its data files would overwrite each other. */
export function figureNameProblems(
  sections: readonly SectionSource[],
  figuresOf: readonly FigureModel[][],
): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const figureFile = new Map<string, string>();
  sections.forEach((s, i) => {
    for (const f of figuresOf[i]) {
      const other = figureFile.get(f.name);
      if (other)
        problems.push({
          file: s.file,
          ...s.fieldPosition(['figures', f.name]),
          message: `figure "${f.name}" is also the name of a figure in ${displayPath(other)}`,
          hint: 'A figure’s name is its data files’ name (data/<name>.json), so it must be unique in the chapter.',
        });
      figureFile.set(f.name, s.file);
    }
  });
  return problems;
}

/** A section file without a heading: it would have no title in the table of contents. */
export function headingProblems(
  sections: readonly SectionSource[],
  headings: readonly PlacedHeading[][],
): ContentProblem[] {
  return sections.flatMap((s, i) =>
    headings[i].length > 0
      ? []
      : [
          {
            file: s.file,
            line: 1,
            message: 'the section has no heading',
            hint: 'A section file starts with its heading (## 14.1 …); the heading is its title in the table of contents.',
          },
        ],
  );
}

/**
 * Every link target given an id that another already has: headings and figure rows across all
 * section files, each repeat reported at its own place and naming the first.
 */
export function duplicateIdProblems(
  sections: readonly SectionSource[],
  headings: readonly PlacedHeading[][],
  figuresOf: readonly FigureModel[][],
): ContentProblem[] {
  const occurrences: HeadingOccurrence[] = sections.flatMap((s, i) => [
    ...headings[i].map((h) => ({
      file: s.file,
      line: h.line,
      text: `heading "${h.text}"`,
      id: h.id,
      depth: h.depth,
    })),
    ...figuresOf[i].flatMap((f) =>
      f.rows.map((r) => ({
        file: s.file,
        line: r.line,
        text: `figure ${f.name}, row "${r.label}"`,
        id: r.id,
      })),
    ),
  ]);
  return findDuplicateIds(occurrences).flatMap(({ id, occurrences: [first, ...rest] }) =>
    rest.map((o) => ({
      file: o.file,
      line: o.line,
      message: `duplicate id "${id}": ${o.text} gets the same id as ${first.text} at ${displayPath(first.file)}:${first.line}`,
      hint: 'Every heading and figure row is a link target, so each needs its own id; reword one of them (or give a figure an idPrefix).',
    })),
  );
}
