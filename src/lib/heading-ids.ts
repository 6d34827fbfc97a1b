export interface HeadingOccurrence {
  file: string;
  line: number;
  text: string;
  id: string;
  /** Heading level, when the occurrence is a heading (figure rows have none). */
  depth?: number;
}

export interface DuplicateId {
  id: string;
  occurrences: HeadingOccurrence[];
}

/**
 * Ids that more than one heading would get. The slugger Astro uses appends `-1` to a repeat
 * within a file and starts afresh in every file, so neither case would ever be reported.
 */
export function findDuplicateIds(headings: HeadingOccurrence[]): DuplicateId[] {
  const byId = new Map<string, HeadingOccurrence[]>();
  for (const h of headings) byId.set(h.id, [...(byId.get(h.id) ?? []), h]);
  return [...byId]
    .filter(([, list]) => list.length > 1)
    .map(([id, occurrences]) => ({ id, occurrences }));
}
