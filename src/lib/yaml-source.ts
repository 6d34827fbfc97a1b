import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import type { ContentProblem } from './content-error.ts';

export interface Point {
  line: number;
  column: number;
}

/** A field of a YAML text, as a schema names it: `['figures', 'maturity', 'columns', '成熟度等级']`. */
export type FieldPath = readonly (string | number)[];

/** A YAML text read for its data and for where each of its fields is written. */
export interface YamlSource {
  /** The parsed data; undefined when the text is not valid YAML (then `problems` says where). */
  data: unknown;
  /** Each syntax error of the text, at its place, with the caller's hint. */
  problems: ContentProblem[];
  /**
   * Where a field is written: at its key (for an unknown field, or one to rename) or at its
   * value (for a wrong value). A field that is not there is placed at the nearest part of its
   * path that is, else at the start of the text; an empty text has no place.
   */
  placeOf(field: FieldPath, at: 'key' | 'value'): Point | undefined;
}

/** The first line of the YAML library's message, without the place it appends (it is given in front). */
const reasonOf = (message: string) =>
  message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');

/**
 * Reads a YAML text of the content (a facts file, the terms file, a section's frontmatter). Every
 * such text reports its syntax errors the same way: `not valid YAML: …` at the line and column,
 * with a hint that says what the file holds. `toPoint` maps an offset in the text to its place in
 * the file, for a text that does not start the file (a frontmatter after its `---`).
 */
export function readYaml(
  file: string,
  text: string,
  { hint, toPoint }: { hint: string; toPoint?: (offset: number) => Point },
): YamlSource {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true });
  const pointAt =
    toPoint ??
    ((offset: number) => {
      const p = lineCounter.linePos(offset);
      return { line: p.line, column: p.col };
    });
  const keyAt = (field: FieldPath) => {
    const parent = field.length > 1 ? doc.getIn(field.slice(0, -1), true) : doc.contents;
    if (!isMap(parent)) return undefined;
    const pair = parent.items.find(
      (item) => isScalar(item.key) && String(item.key.value) === String(field.at(-1)),
    );
    return pair && isScalar(pair.key) ? pair.key.range?.[0] : undefined;
  };
  const valueAt = (field: FieldPath) =>
    (doc.getIn(field, true) as { range?: [number, number] } | undefined)?.range?.[0];
  const placeOf = (field: FieldPath, at: 'key' | 'value') => {
    for (let n = field.length; n > 0; n--) {
      const part = field.slice(0, n);
      // A part above the field is placed where its name is written.
      const offset = (at === 'key' || n < field.length ? keyAt(part) : undefined) ?? valueAt(part);
      if (offset !== undefined) return pointAt(offset);
    }
    const whole = (doc.contents as { range?: [number, number] } | null)?.range?.[0];
    return text ? pointAt(field.length === 0 ? (whole ?? 0) : 0) : undefined;
  };
  return {
    data: doc.errors.length > 0 ? undefined : doc.toJS(),
    problems: doc.errors.map((e) => ({
      file,
      ...pointAt(e.pos[0]),
      message: `not valid YAML: ${reasonOf(e.message)}`,
      hint,
    })),
    placeOf,
  };
}
