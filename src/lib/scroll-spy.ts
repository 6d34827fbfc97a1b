/**
 * Which section is being read, from the headings' distances to the top of the viewport.
 * The current one is the last heading at or above the reading line; at the very bottom of the
 * page the last heading wins, or a short last section could never become current.
 */
export function currentSectionIndex(
  headingTops: number[],
  readingLine: number,
  atBottom: boolean,
): number {
  if (headingTops.length === 0) return -1;
  if (atBottom) return headingTops.length - 1;
  let index = 0;
  headingTops.forEach((top, i) => {
    if (top <= readingLine) index = i;
  });
  return index;
}
