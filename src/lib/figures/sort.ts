export type SortDirection = 'none' | 'descending' | 'ascending';

/** A header click cycles: highest first → lowest first → the chapter's own order. */
export function nextSort(current: SortDirection): SortDirection {
  return current === 'none' ? 'descending' : current === 'descending' ? 'ascending' : 'none';
}

/** Stable sort by key; ties and `none` keep the source order. */
export function sortRows<T extends { order: number; key: number }>(
  rows: T[],
  direction: SortDirection,
): T[] {
  if (direction === 'none') return [...rows].sort((a, b) => a.order - b.order);
  const sign = direction === 'descending' ? -1 : 1;
  return [...rows].sort((a, b) => sign * (a.key - b.key) || a.order - b.order);
}
