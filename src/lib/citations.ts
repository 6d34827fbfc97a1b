/** A `[n]` or `[n,m]` marker found in running text. */
export interface CitationMarker {
  /** Offset of `[` in the text. */
  start: number;
  /** Offset just past `]`. */
  end: number;
  numbers: number[];
}

// `[n]` and `[n,m]` only: `[^n]` footnotes and `[text](url)` links never match.
const MARKER = /\[(\d+(?:\s*,\s*\d+)*)\]/g;
// A reference-list entry is a paragraph that starts with `[n] `.
const ENTRY = /^\[(\d+)\]\s/;

export function parseCitationMarkers(text: string): CitationMarker[] {
  return [...text.matchAll(MARKER)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    numbers: m[1].split(',').map((n) => Number(n.trim())),
  }));
}

/** The reference number a reference-list paragraph starts with, or undefined for any other text. */
export function referenceEntryNumber(paragraphText: string): number | undefined {
  const m = ENTRY.exec(paragraphText);
  return m ? Number(m[1]) : undefined;
}

export function referenceId(n: number): string {
  return `ref-${n}`;
}

export interface CitationSite {
  reference: number;
  /** 1-based occurrence of this reference across the chapter. */
  occurrence: number;
  id: string;
  /** Text of the nearest heading above the citation, e.g. `14.1.2 核心技术体系`. */
  section: string;
  sectionId: string;
}

export interface CitationIndex {
  /** Reference numbers that have an entry in the reference list. */
  references: number[];
  /** Every citation site in reading order. */
  sites: CitationSite[];
}

/** Short visible label for a back-link: the section number (`14.1.2`) or the heading itself. */
export function sectionShortLabel(section: string): string {
  const m = /^(\d+(?:\.\d+)*)\s/.exec(section);
  return m ? m[1] : section;
}

/**
 * Labels for the back-links of one reference. Each is unique (WCAG 2.4.4: [5] is cited four
 * times, so "返回引用处" alone would be four identical links).
 */
export function backlinkLabels(
  sites: CitationSite[],
): { id: string; text: string; label: string }[] {
  const perSection = new Map<string, number>();
  for (const s of sites) perSection.set(s.section, (perSection.get(s.section) ?? 0) + 1);
  const seen = new Map<string, number>();
  return sites.map((s) => {
    const nth = (seen.get(s.section) ?? 0) + 1;
    seen.set(s.section, nth);
    const short = sectionShortLabel(s.section);
    const text =
      (perSection.get(s.section) ?? 0) > 1 ? `${short}${String.fromCharCode(96 + nth)}` : short;
    return {
      id: s.id,
      text,
      // The name starts with the visible text, so speech users can say what they see (WCAG 2.5.3).
      label: `${text}：返回正文第 ${s.occurrence} 处引用 [${s.reference}]（${s.section}）`,
    };
  });
}
