/*
 * The record of the page's published fragments: every id a reader may have linked to, what it
 * points to, and what became of the ones that are gone. A link anyone has shared must keep
 * landing where it did, or the record must say why it no longer can.
 */

import { distance } from 'fastest-levenshtein';

/**
 * A fragment of the built site: its key and a few words naming what it points to. The key of a
 * fragment of the chapter's page is its id (`tensorrt`); on another page, the page's path, `#`
 * and the id (`terms/#term-kv-cache`).
 */
export interface Fragment {
  id: string;
  points: string;
}

/** The page and the id of a fragment's key: `terms/#term-kv-cache` → `terms/` and `term-kv-cache`. */
export function splitKey(key: string): { page: string; id: string } {
  const at = key.indexOf('/#');
  return at === -1 ? { page: '', id: key } : { page: key.slice(0, at + 1), id: key.slice(at + 2) };
}

export type RecordLine =
  | { type: 'fragment'; id: string; points: string; line: number }
  | { type: 'alias'; id: string; to: string; line: number }
  | { type: 'removed'; id: string; reason: string; line: number };

export interface RecordProblem {
  line?: number;
  message: string;
  hint?: string;
}

export const RECORD_HEADER = [
  '# Fragments of the chapter page that readers may have linked to (`#id`): a link to any of them must keep working.',
  '# `npm run anchors` adds the page’s new fragments and keeps the lines sorted; it never drops a line.',
  '#   <id> <what it points to>        a fragment on the page',
  '#   <old id> -> <new id>            a retitled or renamed fragment: the old link lands on the new one',
  '#   <old id> removed: <reason>      a fragment gone for good, with the reason (reviewed like any change)',
];

const FORMATS =
  'Write "<id> <what it points to>", "<old id> -> <new id>" or "<old id> removed: <reason>".';

/** Reads the record; a malformed line is a problem naming the line and the forms a line can take. */
export function parseRecord(text: string): { lines: RecordLine[]; problems: RecordProblem[] } {
  const lines: RecordLine[] = [];
  const problems: RecordProblem[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = i + 1;
    const content = raw.trim();
    if (content === '' || content.startsWith('#')) return;
    const [id, ...rest] = content.split(/\s+/);
    const tail = content.slice(id.length).trim();
    if (tail.startsWith('->')) {
      const target = tail.slice(2).trim();
      if (!/^\S+$/.test(target))
        return problems.push({
          line,
          message: `the alias of "${id}" must name exactly one new id after "->"`,
          hint: FORMATS,
        });
      lines.push({ type: 'alias', id, to: target, line });
    } else if (tail.startsWith('removed:')) {
      const reason = tail.slice('removed:'.length).trim();
      if (!reason)
        return problems.push({
          line,
          message: `"${id}" is marked removed without a reason`,
          hint: 'Say why links to it may break, e.g. "removed: the section was merged into 14.2".',
        });
      lines.push({ type: 'removed', id, reason, line });
    } else if (rest.length === 0) {
      problems.push({ line, message: `"${id}" does not say what it points to`, hint: FORMATS });
    } else {
      lines.push({ type: 'fragment', id, points: tail, line });
    }
  });
  return { lines, problems };
}

const kindOf = (points: string) => /^([a-z]+):/.exec(points)?.[1] ?? '';

/**
 * The new fragment an old one most likely became: of the same kind (a heading for a heading, a
 * row for a row), the nearest in id and in what it points to.
 */
export function closestFragment(
  old: Fragment,
  candidates: readonly Fragment[],
): Fragment | undefined {
  // An alias lands on its own page (a fragment cannot move a link to another page without script).
  candidates = candidates.filter((c) => splitKey(c.id).page === splitKey(old.id).page);
  const same = candidates.filter((c) => kindOf(c.points) === kindOf(old.points));
  const pool = same.length > 0 ? same : candidates;
  let best: Fragment | undefined;
  let score = Infinity;
  for (const c of pool) {
    const s =
      distance(old.id, c.id) / Math.max(old.id.length, c.id.length) +
      distance(old.points, c.points) / Math.max(old.points.length, c.points.length);
    if (s < score) ((best = c), (score = s));
  }
  return best;
}

/**
 * Checks the record against the fragments of the built page. Every recorded fragment must still
 * be on the page, be declared an alias of one that is, or be marked removed with a reason.
 * Returns the problems (each naming its line and the fix), the aliases to add to the page
 * (chains followed to the fragment that exists) and the page's fragments the record lacks.
 */
export function checkRecord(lines: readonly RecordLine[], page: readonly Fragment[]) {
  const { byId, problems } = uniqueLines(lines);
  const onPage = new Map(page.map((f) => [f.id, f]));
  const unrecorded = page.filter((f) => !byId.has(f.id));
  const aliases: { from: string; to: string }[] = [];
  // Ids the page still has, but for something else now: a renumbered reference, a reworded heading.
  const changed: { line: number; id: string; was: string; now: string }[] = [];
  for (const l of byId.values()) {
    const now = onPage.get(l.id);
    if (l.type === 'fragment' && now && now.points !== l.points)
      changed.push({ line: l.line, id: l.id, was: l.points, now: now.points });
    else if (l.type === 'fragment' && !now) problems.push(goneProblem(l, unrecorded));
    else if (l.type !== 'fragment' && now)
      problems.push({
        line: l.line,
        message: `"${l.id}" is ${l.type === 'alias' ? 'declared an alias' : 'marked removed'}, but the page has a fragment with this id (${now.points})`,
        hint: `Replace line ${l.line} with the fragment itself: ${l.id} ${now.points}`,
      });
    else if (l.type === 'alias') {
      const placed = placeAlias(l, byId, onPage, page);
      if ('problem' in placed) problems.push(placed.problem);
      else aliases.push(placed.alias);
    }
  }
  return { problems, aliases, unrecorded, changed };
}

/** The record's lines by id, the first of each; a repeated id is a problem at its line. */
function uniqueLines(lines: readonly RecordLine[]) {
  const problems: RecordProblem[] = [];
  const byId = new Map<string, RecordLine>();
  for (const l of lines) {
    const first = byId.get(l.id);
    if (!first) byId.set(l.id, l);
    else
      problems.push({
        line: l.line,
        message: `"${l.id}" is already recorded on line ${first.line}${first.type === 'alias' && l.type === 'alias' ? ` as an alias of "${first.to}"; one old id can lead to one place only` : ''}`,
        hint: 'Keep one line per id.',
      });
  }
  return { byId, problems };
}

/** A recorded fragment the page no longer has, with the closest new one to alias it to. */
function goneProblem(
  l: Extract<RecordLine, { type: 'fragment' }>,
  unrecorded: readonly Fragment[],
): RecordProblem {
  const close = closestFragment({ id: l.id, points: l.points }, unrecorded);
  return {
    line: l.line,
    message: `"${l.id}" (${l.points}) is no longer on the page${close ? `; the closest new fragment is "${close.id}" (${close.points})` : ''}`,
    hint: `Links to it would land at the top of the page. To keep them working, replace line ${l.line} with\n      ${l.id} -> ${close?.id ?? '<new id>'}\n    or, if it is gone for good, with\n      ${l.id} removed: <why links to it may break>`,
  };
}

/** Where an alias leads: a chain of renames (a → b, b → c) followed to the fragment the page has. */
function placeAlias(
  l: Extract<RecordLine, { type: 'alias' }>,
  byId: ReadonlyMap<string, RecordLine>,
  onPage: ReadonlyMap<string, Fragment>,
  page: readonly Fragment[],
): { alias: { from: string; to: string } } | { problem: RecordProblem } {
  if (splitKey(l.id).page !== splitKey(l.to).page)
    return {
      problem: {
        line: l.line,
        message: `the alias "${l.id} -> ${l.to}" leads to another page`,
        hint: 'A link lands on its own page: a fragment cannot send it to another page without a script. Alias it to a fragment of its own page, or mark it removed with the reason.',
      },
    };
  let to = l.to;
  const seen = new Set([l.id]);
  for (
    let next = byId.get(to);
    next?.type === 'alias' && !onPage.has(to) && !seen.has(to);
    next = byId.get(to)
  ) {
    seen.add(to);
    to = next.to;
  }
  if (onPage.has(to)) return { alias: { from: l.id, to } };
  const close = closestFragment({ id: l.to, points: '' }, page);
  return {
    problem: {
      line: l.line,
      message: `the alias "${l.id} -> ${l.to}" leads to no fragment of the page${seen.has(to) ? ' (its renames go round in a circle)' : ''}`,
      hint: close
        ? `Point it at an id the page has, such as "${close.id}" (${close.points}).`
        : 'Point it at an id the page has.',
    },
  };
}

/** A fragment whose id now points elsewhere, as a problem: accepting it is a reviewed change of the record. */
export function changedProblem(c: {
  line: number;
  id: string;
  was: string;
  now: string;
}): RecordProblem {
  return {
    line: c.line,
    message: `"${c.id}" now points to ${c.now}, not to ${c.was}`,
    hint: 'Links to it now land on something else. If that is right, run npm run anchors to record what it points to now, and let the diff be reviewed; if not, restore what it pointed to.',
  };
}

/** The record as it is written: the header, then one line per id, sorted by id (code point order). */
export function formatRecord(
  lines: readonly RecordLine[],
  added: readonly Fragment[] = [],
  changed: readonly { id: string; now: string }[] = [],
): string {
  const now = new Map(changed.map((c) => [c.id, c.now]));
  const kept = lines.map((l) =>
    l.type === 'fragment' && now.has(l.id) ? { ...l, points: now.get(l.id)! } : l,
  );
  const all: RecordLine[] = [
    ...kept,
    ...added.map((f) => ({ type: 'fragment' as const, id: f.id, points: f.points, line: 0 })),
  ];
  const text = (l: RecordLine) =>
    l.type === 'fragment'
      ? `${l.id} ${l.points}`
      : l.type === 'alias'
        ? `${l.id} -> ${l.to}`
        : `${l.id} removed: ${l.reason}`;
  const sorted = [...all].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return [...RECORD_HEADER, '', ...sorted.map(text), ''].join('\n');
}
