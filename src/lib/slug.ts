import { slug } from 'github-slugger';

/**
 * The id GitHub (and the chapter's own 目录) gives a heading: `14.1 技术发展总结` → `141-技术发展总结`.
 * Stateless on purpose: github-slugger's class appends `-1` to repeats, which would hide a
 * duplicate heading instead of reporting it.
 */
export function slugForHeading(text: string): string {
  return slug(text.trim());
}

/** The fragment a browser reports in `location.hash` / `a.hash` for an id: always percent-encoded. */
export function hashForId(id: string): string {
  return '#' + encodeURIComponent(id);
}
