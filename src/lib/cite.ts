/**
 * How a reader cites this chapter, in the three forms Chinese and international readers use.
 * The rules each function follows are the style's own; the unit tests check them as rules.
 */
export interface CitableWork {
  title: string;
  /** The larger work the chapter belongs to. */
  containerTitle: string;
  /** Personal authors; empty when they are not known (they are never made up). */
  authors: { family: string; given?: string }[];
  /** Date of publication or last revision, YYYY-MM-DD, when known. */
  issued?: string;
  url: string;
  lang: string;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Checks a YYYY-MM-DD date is a real calendar day (2026-02-30 is not). */
export function checkDate(value: string, field: string): { y: number; m: number; d: number } {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const [y, m, d] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [0, 0, 0];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (!match || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    throw new Error(`${field}: "${value}" is not a calendar date in the form YYYY-MM-DD`);
  }
  return { y, m, d };
}

const isHan = (s: string) => /\p{Script=Han}/u.test(s);
const isChinese = (lang: string) => /^zh\b/i.test(lang);

/**
 * GB/T 7714-2015, an electronic resource that is part of a larger work (§4.8 with the `//`
 * of §4.2): authors (surname first, Latin given names as initials without stops, at most
 * three then 等 / et al), title, [EB/OL], `//` containing work, (revised date)[cited date], URL.
 */
export function gbt7714(work: CitableWork, accessed: string): string {
  checkDate(accessed, 'accessed');
  if (work.issued) checkDate(work.issued, 'issued');
  const names = work.authors.map((a) => {
    if (isHan(a.family)) return a.family + (a.given ?? '');
    const initials = (a.given ?? '').split(/[\s.-]+/).filter(Boolean).map((g) => g[0].toUpperCase()).join(' ');
    return initials ? `${a.family} ${initials}` : a.family;
  });
  const etAl = isChinese(work.lang) ? '等' : 'et al';
  const authorBlock = names.length === 0 ? '' : (names.length > 3 ? [...names.slice(0, 3), etAl] : names).join(', ') + '. ';
  const dates = `${work.issued ? `(${work.issued})` : ''}[${accessed}]`;
  return `${authorBlock}${work.title}[EB/OL]//${work.containerTitle}. ${dates}. ${work.url}.`;
}

function apaAuthor(a: { family: string; given?: string }): string {
  if (isHan(a.family)) return a.family + (a.given ?? '');
  const initials = (a.given ?? '').split(/[\s.]+/).filter(Boolean).map((g) => g.split('-').map((p) => `${p[0].toUpperCase()}.`).join('-')).join(' ');
  return initials ? `${a.family}, ${initials}` : a.family;
}

function apaAuthors(authors: CitableWork['authors']): string {
  const names = authors.map(apaAuthor);
  if (names.length === 1) return names[0];
  if (names.length === 2) return `${names[0]}, & ${names[1]}`;
  if (names.length <= 20) return `${names.slice(0, -1).join(', ')}, & ${names.at(-1)}`;
  return `${names.slice(0, 19).join(', ')}, . . . ${names.at(-1)}`;
}

export const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * APA 7, a page on a website: author (or, with none, the title in its place), (date) or
 * (n.d.), the site's name in italics, and a retrieval date because the page has no fixed
 * date; no full stop after the URL.
 */
export function apa(work: CitableWork, accessed: string): { text: string; html: string } {
  const a = checkDate(accessed, 'accessed');
  const issued = work.issued ? checkDate(work.issued, 'issued') : undefined;
  const date = issued ? `(${issued.y}, ${MONTHS[issued.m - 1]} ${issued.d})` : '(n.d.)';
  const retrieved = `Retrieved ${MONTHS[a.m - 1]} ${a.d}, ${a.y}, from ${work.url}`;
  const end = (s: string) => (/[.?!]$/.test(s) ? s : `${s}.`);
  const lead = work.authors.length ? [end(apaAuthors(work.authors)), `${date}.`, end(work.title)] : [end(work.title), `${date}.`];
  const text = [...lead, end(work.containerTitle), retrieved].join(' ');
  const html = [...lead.map(escapeHtml), `<i>${escapeHtml(work.containerTitle)}</i>${/[.?!]$/.test(work.containerTitle) ? '' : '.'}`, escapeHtml(retrieved)].join(' ');
  return { text, html };
}

const NUMERALS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

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
  const author = work.authors[0]?.family.normalize('NFKD').replace(/[^A-Za-z]/g, '').toLowerCase();
  if (author) return `${author}${work.issued?.slice(0, 4) ?? 'nd'}`;
  const numeral = /^([一二三四五六七八九十]+)、/.exec(work.title)?.[1];
  const number = numeral ? chineseNumeral(numeral) : work.title.match(/\d+/)?.[0];
  return `chapter${number ?? ''}`;
}

const BIB_SPECIALS: Record<string, string> = { '\\': '\\textbackslash{}', '~': '\\textasciitilde{}', '^': '\\textasciicircum{}' };
// One pass, so the braces that \textbackslash{} brings are not escaped again.
const bibEscape = (s: string) => s.replace(/[\\~^&%$#_{}]/g, (c) => BIB_SPECIALS[c] ?? `\\${c}`);

/**
 * A @misc entry both BibTeX and biblatex read: the title in double braces so styles keep its
 * case, the URL in \url{} for BibTeX and in url/urldate for biblatex.
 */
export function bibtex(work: CitableWork, accessed: string): string {
  checkDate(accessed, 'accessed');
  if (work.issued) checkDate(work.issued, 'issued');
  const language = isChinese(work.lang) ? 'chinese' : bibEscape(work.lang);
  const fields: [string, string][] = [
    ...(work.authors.length ? [['author', work.authors.map((a) => bibEscape(a.given ? `${a.family}, ${a.given}` : a.family)).join(' and ')] as [string, string]] : []),
    ['title', `{${bibEscape(work.title)}}`],
    ['howpublished', `\\url{${work.url}}`],
    ['booktitle', bibEscape(work.containerTitle)],
    ...(work.issued ? ([['year', work.issued.slice(0, 4)], ['date', work.issued]] as [string, string][]) : []),
    ['url', work.url],
    ['urldate', accessed],
    ['note', `Accessed: ${accessed}`],
    ['language', language],
    ['langid', language],
  ];
  return `@misc{${bibtexKey(work)},\n${fields.map(([k, v]) => `  ${k} = {${v}},`).join('\n')}\n}\n`;
}
