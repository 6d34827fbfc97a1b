import { parse as parseBibtex } from '@retorquere/bibtex-parser';

// Readers of the three citations the cite panel shows, for tests: each takes a citation apart by
// its style's rules and checks every date in it is a day on the calendar. BibTeX is read by a
// real BibTeX parser; no parser of formatted GB/T 7714 or APA references exists on npm, so
// those two are read by the shape each style prescribes, written out here.

// Month names from the platform, not from the code under test.
const MONTHS = Array.from({ length: 12 }, (_, m) =>
  new Intl.DateTimeFormat('en-US', { month: 'long', timeZone: 'UTC' }).format(Date.UTC(2000, m, 1)),
);

/** Words that stand in for a date or a part not filled in. */
export const PLACEHOLDER =
  /YYYY|MM-DD|Month D|\bD, |\[\]|\(\)|\{\}|Retrieved ,|Accessed: ?(\.|,|$)/;

function calendarDay(y: number, m: number, d: number, where: string): string {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d)
    throw new Error(`${where}: ${y}-${m}-${d} is not a day on the calendar`);
  return date.toISOString().slice(0, 10);
}

/** YYYY-MM-DD, checked against the calendar. */
function isoDay(text: string, where: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) throw new Error(`${where}: "${text}" is not a date written YYYY-MM-DD`);
  return calendarDay(Number(m[1]), Number(m[2]), Number(m[3]), where);
}

/** "November 26, 2026", checked against the calendar, as YYYY-MM-DD. */
function englishDay(text: string, where: string): string {
  const m = /^([A-Z][a-z]+) (\d{1,2}), (\d{4})$/.exec(text);
  const month = m ? MONTHS.indexOf(m[1]) + 1 : 0;
  if (!m || !month) throw new Error(`${where}: "${text}" is not a date written Month D, YYYY`);
  return calendarDay(Number(m[3]), month, Number(m[2]), where);
}

function noPlaceholder(text: string, style: string) {
  const found = PLACEHOLDER.exec(text);
  if (found) throw new Error(`${style}: placeholder "${found[0]}" in ${JSON.stringify(text)}`);
}

/**
 * GB/T 7714-2015, an electronic resource: [authors. ]title[EB/OL][//larger work].
 * [year][(updated)][[cited]]. URL. — the block of dates left out whole when none is known.
 */
export function readGbt7714(text: string) {
  noPlaceholder(text, 'GB/T 7714');
  const m =
    /^(?:(?<authors>[^[]+?)\. )?(?<title>[^[]+)\[EB\/OL\](?:\/\/(?<container>[^.]+))?\. (?:(?<year>\d{4})?(?:\((?<updated>[^)]+)\))?(?:\[(?<cited>[^\]]+)\])?\. )?(?<url>https?:\/\/\S+)\.$/.exec(
      text,
    );
  if (!m?.groups) throw new Error(`GB/T 7714: not an electronic resource entry: ${text}`);
  const g = m.groups;
  return {
    title: g.title,
    authors: g.authors,
    container: g.container,
    year: g.year,
    updated: g.updated && isoDay(g.updated, 'GB/T 7714 date of update'),
    cited: g.cited && isoDay(g.cited, 'GB/T 7714 date cited'),
    url: g.url,
  };
}

/**
 * APA 7, a webpage: [author. ](date). title. [site.] [Retrieved Month D, YYYY, from ]URL — the
 * title takes the author's place when there is none; no full stop after the URL.
 */
export function readApa(text: string) {
  noPlaceholder(text, 'APA');
  const m =
    /^(?<before>.+?) \((?<date>n\.d\.|\d{4}(?:, [A-Z][a-z]+(?: \d{1,2})?)?)\)\. (?<after>(?:.+?\. )*?)(?:Retrieved (?<retrieved>[^,]+, \d{4}), from )?(?<url>https?:\/\/\S+)$/.exec(
      text,
    );
  if (!m?.groups) throw new Error(`APA: not a webpage reference: ${text}`);
  const g = m.groups;
  const date = /^(\d{4}), ([A-Z][a-z]+) (\d{1,2})$/.exec(g.date);
  return {
    before: g.before,
    after: g.after.trim(),
    date: date ? englishDay(`${date[2]} ${date[3]}, ${date[1]}`, 'APA date') : g.date,
    retrieved: g.retrieved && englishDay(g.retrieved, 'APA retrieval date'),
    url: g.url,
  };
}

/** The one BibTeX entry, read by @retorquere/bibtex-parser, with its dates checked. */
export function readBibtex(text: string) {
  noPlaceholder(text, 'BibTeX');
  const { entries, errors } = parseBibtex(text);
  if (errors.length) throw new Error(`BibTeX: ${JSON.stringify(errors)}`);
  if (entries.length !== 1) throw new Error(`BibTeX: ${entries.length} entries, not one`);
  const fields = entries[0].fields as Record<string, string>;
  const date = fields.date;
  if (date && !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(date))
    throw new Error(`BibTeX: date "${date}" is not YYYY, YYYY-MM or YYYY-MM-DD`);
  if (date?.length === 10) isoDay(date, 'BibTeX date');
  if (fields.year && fields.year !== date?.slice(0, 4))
    throw new Error(`BibTeX: year ${fields.year} is not the year of ${date}`);
  const urldate = fields.urldate && isoDay(fields.urldate, 'BibTeX urldate');
  const accessed = /Accessed: (\S+)$/.exec(fields.note ?? '')?.[1];
  if (accessed !== (urldate || undefined))
    throw new Error(`BibTeX: the note's access date ${accessed} is not urldate ${urldate}`);
  return { type: entries[0].type, key: entries[0].key, fields, urldate };
}
