let clearTimer: ReturnType<typeof setTimeout> | undefined;

/**
 * Shows and announces the outcome of an action. The text is emptied first and set on the next
 * frame, so the same message twice in a row is announced twice.
 */
export function report(status: HTMLElement, message: string, tone: 'ok' | 'error' = 'ok') {
  clearTimeout(clearTimer);
  status.textContent = '';
  requestAnimationFrame(() => {
    status.dataset.tone = tone;
    status.textContent = message;
    // Long enough to read a sentence (WCAG 2.2.1 does not apply to status text, but readers still need it).
    clearTimer = setTimeout(() => (status.textContent = ''), tone === 'error' ? 8000 : 4000);
  });
}

/** Writes text (or text still being fetched) to the clipboard; resolves false when the browser refuses. */
export async function copyText(text: string | Promise<string>): Promise<boolean> {
  try {
    if (typeof text === 'string') {
      await navigator.clipboard.writeText(text);
    } else {
      // A pending ClipboardItem keeps the click's user activation while the text is fetched (Safari needs this).
      const blob = text.then((t) => new Blob([t], { type: 'text/plain' }));
      await navigator.clipboard.write([new ClipboardItem({ 'text/plain': blob })]);
    }
    return true;
  } catch {
    return false;
  }
}
