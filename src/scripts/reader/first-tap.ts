/**
 * Whether a click on a citation is a first tap: a finger's, on a citation whose preview is not
 * open yet. A first tap previews instead of following the link; the next one follows it. The
 * preview decides by this, and so does its loader for a tap that comes before the preview has
 * loaded, when nothing is open yet.
 */
export function isFirstTap(event: MouseEvent, pointer: string, previewOpenForIt: boolean): boolean {
  return event.button === 0 && pointer === 'touch' && !previewOpenForIt;
}
