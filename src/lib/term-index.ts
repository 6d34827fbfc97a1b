import { holdsName } from './search/glossary.ts';
import { formsOf, type TermEntry } from './schemas/terms.ts';
import { slugForHeading } from './slug.ts';

/** A place on the page where terms are looked for: a section's own text, or one figure row. */
export interface TermLocation {
  /** Heading id (a section) or row id (a figure row). */
  id: string;
  /** What a link to it says: the heading, or the row's label. */
  label: string;
  kind: 'section' | 'row';
  /** The section the place belongs to (itself, for a section). */
  sectionId: string;
  sectionLabel: string;
  text: string;
}

export interface IndexedTerm {
  /** The id of the term's entry in the index (`term-kv-cache`): links from search land on it. */
  id: string;
  name: string;
  en?: string;
  zh?: string;
  pinyin?: string;
  script: 'latin' | 'han';
  /** Sections in reading order; each with whether its prose has the term, and the figure rows that do. */
  places: {
    sectionId: string;
    sectionLabel: string;
    inText: boolean;
    rows: { id: string; label: string }[];
  }[];
}

export interface IndexGroup {
  /** A–Z; '#' for Latin terms that start with a digit. */
  letter: string;
  terms: IndexedTerm[];
}

export interface TermIndex {
  latin: IndexGroup[];
  han: IndexGroup[];
}

/** What is wrong with the term data: each problem names the entry (its position in the data file). */
export class TermIndexError extends Error {
  override name = 'TermIndexError';
  readonly problems: { entry: number; message: string }[];
  constructor(problems: { entry: number; message: string }[], source: string) {
    super(`${source}: ${problems.map((p) => p.message).join('; ')}`);
    this.problems = problems;
  }
}

const HAN = /\p{Script=Han}/u;

/**
 * The id of a term's entry: `term-` and the slug of its headword (`term-kv-cache`, `term-推测解码`).
 * Stable as long as the headword is; the prefix keeps it apart from heading ids, which are slugs
 * of the chapter's Chinese and numbered headings, and from figure row ids.
 */
export function termEntryId(name: string): string {
  return `term-${slugForHeading(name)}`;
}

const latinCollator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
const pinyinCollator = new Intl.Collator('zh-CN-u-co-pinyin');

function group(terms: IndexedTerm[], letterOf: (t: IndexedTerm) => string): IndexGroup[] {
  const groups: IndexGroup[] = [];
  for (const term of terms) {
    const letter = letterOf(term);
    if (groups.at(-1)?.letter !== letter) groups.push({ letter, terms: [] });
    groups.at(-1)!.terms.push(term);
  }
  return groups;
}

/**
 * The back-of-book index: every term with the sections (and figure rows) where it occurs,
 * Latin terms A–Z and Chinese terms in pinyin order. Fails, naming each term, when a term
 * occurs nowhere or when a pinyin in the data disagrees with the pinyin collation.
 */
export function buildTermIndex(
  terms: TermEntry[],
  locations: TermLocation[],
  source = 'content/terms.yaml',
): TermIndex {
  const problems: { entry: number; message: string }[] = [];
  const indexed: IndexedTerm[] = [];
  terms.forEach((term, i) => {
    const forms = formsOf(term);
    const places = placesOf(term, forms, locations);
    if (places.length === 0)
      problems.push({
        entry: i,
        message: `term "${term.name}" (entry ${i + 1}) occurs nowhere in the chapter (looked for: ${forms.join(', ')})`,
      });
    const script = HAN.test(term.name[0]) ? 'han' : 'latin';
    const id = termEntryId(term.name);
    const twin = indexed.find((t) => t.id === id);
    if (twin)
      problems.push({
        entry: i,
        message: `term "${term.name}" (entry ${i + 1}) would have the same entry id "${id}" as "${twin.name}"`,
      });
    const { name, en, zh, pinyin } = term;
    indexed.push({ id, name, en, zh, pinyin, script, places });
  });
  const latin = indexed
    .filter((t) => t.script === 'latin')
    .sort((a, b) => latinCollator.compare(a.name, b.name));
  const han = indexed
    .filter((t) => t.script === 'han')
    .sort((a, b) => pinyinCollator.compare(a.name, b.name));
  problems.push(...pinyinProblems(han, terms));
  if (problems.length > 0) throw new TermIndexError(problems, source);
  return {
    latin: group(latin, (t) => (/^[0-9]/.test(t.name) ? '#' : t.name[0].toUpperCase())),
    han: group(han, (t) => t.pinyin![0].toUpperCase()),
  };
}

/** Where a term occurs: each section holding one of its names, in its text or in rows of its figures. */
function placesOf(
  term: TermEntry,
  forms: readonly string[],
  locations: readonly TermLocation[],
): IndexedTerm['places'] {
  const places: IndexedTerm['places'] = [];
  for (const loc of locations) {
    const text = loc.kind === 'row' ? loc.text : `${loc.label}\n${loc.text}`;
    if (!forms.some((f) => holdsName(text, f, term.excludes))) continue;
    let place = places.find((p) => p.sectionId === loc.sectionId);
    if (!place) {
      place = { sectionId: loc.sectionId, sectionLabel: loc.sectionLabel, inText: false, rows: [] };
      places.push(place);
    }
    if (loc.kind === 'section') place.inText = true;
    else place.rows.push({ id: loc.id, label: loc.label });
  }
  return places;
}

/**
 * Pinyin that disagrees with the collation. The collation knows each first character's
 * reading, so first syllables in its order never go down; one that does is a typo in the data.
 * (Later syllables are not compared: characters sharing a reading, like 边 and 编, are ordered
 * by the collation, not by what follows them.)
 */
function pinyinProblems(han: readonly IndexedTerm[], terms: readonly TermEntry[]) {
  const firstSyllable = (t: IndexedTerm) => t.pinyin?.split(' ')[0] ?? '';
  return han.flatMap((t, i) => {
    const previous = han[i - 1];
    return previous && firstSyllable(t) < firstSyllable(previous)
      ? [
          {
            entry: terms.findIndex((e) => e.name === t.name),
            message: `term "${t.name}" has pinyin "${t.pinyin}", which sorts before "${previous.pinyin}" of "${previous.name}", yet the pinyin collation puts it after`,
          },
        ]
      : [];
  });
}

/** The term index's heading on the page, and the id it is linked by. */
export const TERM_INDEX_TITLE = '术语索引';
export const TERM_INDEX_ID = slugForHeading(TERM_INDEX_TITLE);

/** The index's two parts, in the order they are shown: the heading, and what a letter of it is called. */
export const termIndexParts = [
  { key: 'latin', heading: '拉丁字母术语', letterName: '拉丁字母', navLabel: 'A–Z' },
  { key: 'han', heading: '中文术语（按拼音）', letterName: '拼音', navLabel: '拼音' },
] as const;

export const groupsOf = (index: TermIndex, key: 'latin' | 'han') =>
  key === 'latin' ? index.latin : index.han;

/** A term's other names as its entry shows them: `Speculative Decoding`, `Edge Inference / 边缘推理`. */
export const termGloss = (t: Pick<IndexedTerm, 'en' | 'zh'>) =>
  [t.en, t.zh].filter(Boolean).join(' / ');

/** The line under the index's heading. */
export function termIndexIntro(index: TermIndex): string {
  const count = index.latin.concat(index.han).reduce((n, g) => n + g.terms.length, 0);
  return `本章 ${count} 个关键术语，拉丁字母术语按 A–Z、中文术语按拼音排列。每个术语后是它出现的小节；出现在图表中的，另列出图表行。`;
}

/** The id of a letter group: `术语索引-latin-a`, `术语索引-latin-0-9` for terms that start with a digit. */
export const termGroupId = (indexId: string, part: string, letter: string) =>
  `${indexId}-${part}-${letter === '#' ? '0-9' : letter.toLowerCase()}`;

/** Where the term index is published, as a page of its own beside the chapter. */
export const TERM_INDEX_PATH = 'terms/';

/** The words of the chapter page's link to the term index's page. */
export const TERM_INDEX_LINK = '打开术语索引';
