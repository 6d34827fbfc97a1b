/**
 * How a reader cites this chapter, in the three forms Chinese and international readers use.
 * The rules each function follows are the style's own; the unit tests check them as rules.
 */
import { checkDate, checkPartialDate, type PartialDate } from './dates.ts';

export { checkDate };

/** What is known about the work; an unknown part is absent (or empty), never made up. */
export interface CitableWork {
  title: string;
  /** The survey or book the chapter belongs to. */
  containerTitle?: string;
  /** Personal authors; empty when not known. */
  authors: { family: string; given?: string }[];
  /** Date of publication: YYYY-MM-DD, YYYY-MM or YYYY. */
  published?: string;
  /** Date of the last revision, YYYY-MM-DD. */
  updated?: string;
  url: string;
  lang: string;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/**
 * Checks the work's dates, so a bad one fails where the citation is made, naming the field. The
 * access date is the reader's: unknown (undefined) until a script on the reader's page knows it.
 */
function checkDates(
  work: CitableWork,
  accessed: string | undefined,
): { accessed?: Required<PartialDate>; published?: PartialDate; updated?: Required<PartialDate> } {
  return {
    ...(accessed ? { accessed: checkDate(accessed, 'accessed') } : {}),
    ...(work.published ? { published: checkPartialDate(work.published, 'published') } : {}),
    ...(work.updated ? { updated: checkDate(work.updated, 'updated') } : {}),
  };
}

const isHan = (s: string) => /\p{Script=Han}/u.test(s);
const isChinese = (lang: string) => /^zh\b/i.test(lang);

/**
 * GB/T 7714-2015, an electronic resource (§4.8) that, when the larger work is known, is part of
 * it (the `//` of §4.2): authors (surname first, Latin given names as initials without stops, at
 * most three then 等 / et al; with none known the entry starts with its title, as the numeric
 * system allows), title, [EB/OL], `//` containing work, year of publication, (date of update or
 * revision)[date cited], URL. Place and publisher are not known, and §8.4 lets an electronic
 * resource leave them out; so, like any part not known, they are left out. The standard asks an
 * online resource for the date cited; when it is not known (no script has told the page the
 * reader's date) it is left out too, rather than written as a placeholder, and the page says so.
 */
export function gbt7714(work: CitableWork, accessed?: string): string {
  checkDates(work, accessed);
  const names = work.authors.map((a) => {
    if (isHan(a.family)) return a.family + (a.given ?? '');
    const initials = (a.given ?? '')
      .split(/[\s.-]+/)
      .filter(Boolean)
      .map((g) => g[0].toUpperCase())
      .join(' ');
    return initials ? `${a.family} ${initials}` : a.family;
  });
  const etAl = isChinese(work.lang) ? '等' : 'et al';
  const authorBlock =
    names.length === 0
      ? ''
      : (names.length > 3 ? [...names.slice(0, 3), etAl] : names).join(', ') + '. ';
  const container = work.containerTitle ? `//${work.containerTitle}` : '';
  const publication = `${work.published?.slice(0, 4) ?? ''}${work.updated ? `(${work.updated})` : ''}${accessed ? `[${accessed}]` : ''}`;
  return `${authorBlock}${work.title}[EB/OL]${container}. ${publication ? `${publication}. ` : ''}${work.url}.`;
}

function apaAuthor(a: { family: string; given?: string }): string {
  if (isHan(a.family)) return a.family + (a.given ?? '');
  const initials = (a.given ?? '')
    .split(/[\s.]+/)
    .filter(Boolean)
    .map((g) =>
      g
        .split('-')
        .map((p) => `${p[0].toUpperCase()}.`)
        .join('-'),
    )
    .join(' ');
  return initials ? `${a.family}, ${initials}` : a.family;
}

function apaAuthors(authors: CitableWork['authors']): string {
  const names = authors.map(apaAuthor);
  if (names.length === 1) return names[0];
  if (names.length === 2) return `${names[0]}, & ${names[1]}`;
  if (names.length <= 20) return `${names.slice(0, -1).join(', ')}, & ${names.at(-1)}`;
  return `${names.slice(0, 19).join(', ')}, . . . ${names.at(-1)}`;
}

export const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** An APA date element: (2026), (2026, November) or (2026, November 25). */
function apaDate(date: PartialDate | undefined): string {
  if (!date) return '(n.d.)';
  if (date.m === undefined) return `(${date.y})`;
  return `(${date.y}, ${MONTHS[date.m - 1]}${date.d === undefined ? '' : ` ${date.d}`})`;
}

/**
 * APA 7, a webpage on a website (§10.16): author, (date), *title* in italics, site name, and a
 * retrieval date because the page can change; no full stop after the URL. The date is the last
 * update when known (APA asks for it over the first date), else the date of publication, else
 * (n.d.). With no author the title takes the author's place (§9.12). The larger work, when known,
 * stands as the site's name; when not, the site has no name apart from the title, so none.
 * Without a retrieval date (not known until a script on the reader's page knows it) the URL
 * stands alone, as APA writes any page it gives no retrieval date for.
 */
export function apa(work: CitableWork, accessed?: string): { text: string; html: string } {
  const dates = checkDates(work, accessed);
  const a = dates.accessed;
  const end = (s: string) => (/[.?!]$/.test(s) ? s : `${s}.`);
  const plain = (s: string) => ({ text: s, html: escapeHtml(s) });
  const title = {
    text: end(work.title),
    html: `<i>${escapeHtml(work.title)}</i>${end(work.title).slice(work.title.length)}`,
  };
  const date = plain(`${apaDate(dates.updated ?? dates.published)}.`);
  const lead = work.authors.length
    ? [plain(end(apaAuthors(work.authors))), date, title]
    : [title, date];
  const parts = [
    ...lead,
    ...(work.containerTitle ? [plain(end(work.containerTitle))] : []),
    plain(a ? `Retrieved ${MONTHS[a.m - 1]} ${a.d}, ${a.y}, from ${work.url}` : work.url),
  ];
  return { text: parts.map((p) => p.text).join(' '), html: parts.map((p) => p.html).join(' ') };
}

const NUMERALS: Record<string, number> = {
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** 四 → 4, 十四 → 14, 二十 → 20, 九十九 → 99. */
export function chineseNumeral(text: string): number | undefined {
  if (!/^[一二三四五六七八九十]+$/.test(text)) return undefined;
  if (!text.includes('十')) return text.length === 1 ? NUMERALS[text] : undefined;
  const parts = text.split('十');
  const [tens, ones] = parts;
  if (parts.length !== 2 || tens.length > 1 || ones.length > 1) return undefined;
  return (tens ? NUMERALS[tens] : 1) * 10 + (ones ? NUMERALS[ones] : 0);
}

/**
 * A key of ASCII letters and digits only, which every BibTeX engine accepts: first author and
 * year when known, else the chapter's number (十四、总结与展望 → chapter14).
 */
export function bibtexKey(work: CitableWork): string {
  const author = work.authors[0]?.family
    .normalize('NFKD')
    .replace(/[^A-Za-z]/g, '')
    .toLowerCase();
  if (author) return `${author}${bibDate(work)?.slice(0, 4) ?? 'nd'}`;
  const numeral = /^([一二三四五六七八九十]+)、/.exec(work.title)?.[1];
  const number = numeral ? chineseNumeral(numeral) : work.title.match(/\d+/)?.[0];
  return `chapter${number ?? ''}`;
}

const BIB_SPECIALS: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
};
// One pass, so the braces that \textbackslash{} brings are not escaped again.
const bibEscape = (s: string) => s.replace(/[\\~^&%$#_{}]/g, (c) => BIB_SPECIALS[c] ?? `\\${c}`);

/** Family, Given; a name written whole (no given name) in braces, so no part of it is read as a given name. */
const bibName = (a: CitableWork['authors'][number]) =>
  a.given
    ? bibEscape(`${a.family}, ${a.given}`)
    : /\s/.test(a.family)
      ? `{${bibEscape(a.family)}}`
      : bibEscape(a.family);

/** The entry's date: its publication, or with none known the revision cited (as for any web page). */
const bibDate = (work: CitableWork) => work.published ?? work.updated;

/**
 * A @misc entry both BibTeX and biblatex read: the title in double braces so styles keep its
 * case, the URL in \url{} for BibTeX and in url/urldate for biblatex. A part not known has no
 * field at all: no author, booktitle, year or date is written empty or guessed. The revision
 * cited, when known, is noted in words beside the access date; an access date not known (no
 * script has told the page the reader's date) has no urldate and no words.
 */
export function bibtex(work: CitableWork, accessed?: string): string {
  checkDates(work, accessed);
  const language = isChinese(work.lang) ? 'chinese' : bibEscape(work.lang);
  const date = bibDate(work);
  const field = (name: string, value: string | undefined): [string, string][] =>
    value ? [[name, value]] : [];
  const fields: [string, string][] = [
    ...field('author', work.authors.map(bibName).join(' and ')),
    ['title', `{${bibEscape(work.title)}}`],
    ['howpublished', `\\url{${work.url}}`],
    ...field('booktitle', work.containerTitle && bibEscape(work.containerTitle)),
    ...field('year', date?.slice(0, 4)),
    ...field('date', date),
    ['url', work.url],
    ...field('urldate', accessed),
    ...field(
      'note',
      [
        ...(work.updated ? [`Last updated: ${work.updated}.`] : []),
        ...(accessed ? [`Accessed: ${accessed}`] : []),
      ].join(' '),
    ),
    ['language', language],
    ['langid', language],
  ];
  return `@misc{${bibtexKey(work)},\n${fields.map(([k, v]) => `  ${k} = {${v}},`).join('\n')}\n}\n`;
}
