import type { CitableWork } from './cite.ts';
import type { ChapterFacts } from './schemas/facts.ts';

/**
 * The site's language: its text and every word of its interface are Simplified Chinese. It picks
 * Pagefind's segmentation and UI strings, the page's `lang` and the citations' conventions.
 */
export const SITE_LANG = 'zh-CN';

/** What the site knows about the chapter: its title (the opening heading), the authored facts and its last change. */
export interface ChapterIdentity {
  title: string;
  facts: ChapterFacts;
  /** YYYY-MM-DD, from the chapter's history; absent without one. */
  updated?: string;
}

/** Joins the configured base path and a path inside the site, without doubling slashes. */
export function withBase(base: string, path = ''): string {
  return (base.replace(/\/+$/, '') + '/' + path.replace(/^\/+/, '')).replace(/\/{2,}/g, '/');
}

/** The chapter as a work to cite: only what the facts file and the history say, nothing filled in. */
export function citableChapter(
  { title, facts, updated }: ChapterIdentity,
  canonicalUrl: string,
): CitableWork {
  return {
    title,
    authors: facts.authors ?? [],
    url: canonicalUrl,
    lang: SITE_LANG,
    ...(facts.partOf ? { containerTitle: facts.partOf } : {}),
    ...(facts.published ? { published: facts.published } : {}),
    ...(updated ? { updated } : {}),
  };
}

/** The page's description: the authored one, else the chapter's opening paragraph in its own words. */
export function pageDescription(facts: ChapterFacts, opening: string): string {
  return facts.description ?? opening;
}

/** The SPDX page of a licence: the address JSON-LD and `rel="license"` point to. */
export function licenseUrl(id: string): string {
  return `https://spdx.org/licenses/${id}.html`;
}

/** An author's name as a Chinese reader writes it: 王小明, or Ashish Vaswani. */
export function displayName(a: { family: string; given?: string }): string {
  if (!a.given) return a.family;
  return /\p{Script=Han}/u.test(a.family) ? a.family + a.given : `${a.given} ${a.family}`;
}

/**
 * The page's schema.org TechArticle. A property whose fact is not known is left out rather than
 * given an empty or guessed value: no author, date of publication, licence or larger work appears
 * unless the facts file states it, and no dateModified without history.
 */
export function chapterJsonLd(
  chapter: ChapterIdentity & { description: string; url: string },
): Record<string, unknown> {
  const { title, facts, updated, description, url } = chapter;
  return {
    '@context': 'https://schema.org',
    '@type': 'TechArticle',
    headline: title,
    description,
    inLanguage: SITE_LANG,
    url,
    ...(facts.authors
      ? { author: facts.authors.map((a) => ({ '@type': 'Person', name: displayName(a) })) }
      : {}),
    ...(facts.published ? { datePublished: facts.published } : {}),
    ...(updated ? { dateModified: updated } : {}),
    ...(facts.license ? { license: licenseUrl(facts.license) } : {}),
    ...(facts.partOf ? { isPartOf: { '@type': 'CreativeWork', name: facts.partOf } } : {}),
    ...(facts.keywords ? { keywords: facts.keywords } : {}),
  };
}
