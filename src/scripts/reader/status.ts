/** The page's announced status (`ReaderStatus.astro`): where every tool says what it did or why it could not. */
let clearTimer: ReturnType<typeof setTimeout> | undefined;

/**
 * Shows and announces a message. The text is emptied first and set on the next frame, so the
 * same message twice in a row is announced twice.
 */
export function report(status: HTMLElement, message: string, tone: 'ok' | 'error' = 'ok') {
  clearTimeout(clearTimer);
  status.textContent = '';
  requestAnimationFrame(() => {
    status.dataset.tone = tone;
    status.textContent = message;
    clearTimer = setTimeout(() => (status.textContent = ''), tone === 'error' ? 8000 : 4000);
  });
}

/** The page's status element. */
export const readerStatus = () => document.getElementById('reader-status')!;
