/**
 * The only reader-tool code that runs before the reader does anything: a few document-level
 * listeners. The tools themselves load on first use.
 */

const tools = () => import('./tools.ts');
const COPIES = 'a.anchor-link, button[data-copy-section], button[data-copy-cite]';

export function startReaderActions(status: HTMLElement) {
  document.addEventListener('click', (event) => {
    const target = (event.target as Element).closest?.<HTMLElement>(COPIES);
    if (!target || event.button || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)
      return;
    const loaded = tools();
    const text = loaded.then((m) => m.textFor(target));
    let written: Promise<void>;
    try {
      // The write must start inside the click, while it counts as the reader's gesture; the text may follow.
      written = navigator.clipboard.write([
        new ClipboardItem({
          'text/plain': text.then((t) => new Blob([t], { type: 'text/plain' })),
        }),
      ]);
    } catch (error) {
      written = Promise.reject(error);
    }
    // Outcomes are reported once the tools have loaded; until then a refusal is not "unhandled".
    written.catch(() => undefined);
    text.catch(() => undefined);
    void loaded.then((m) => m.settle(written, text, target, status));
  });

  let loading = false;
  let ready = false;
  let pointer = '';
  // The citation to show once the preview has loaded: none for a finger that has only come down
  // on one, which may be the start of a scroll; its tap, if it is one, says so with a click.
  let toShow: HTMLAnchorElement | undefined;
  const wake = (event: Event) => {
    const link = (event.target as Element).closest?.<HTMLAnchorElement>('a.citation');
    if (!link) return;
    const touch = pointer === 'touch';
    if (!(event.type === 'pointerover' && touch)) toShow = link;
    // Until the preview has loaded, a tap on a citation must not jump away: the preview opens instead.
    if (event.type === 'click' && touch && !ready) event.preventDefault();
    if (loading) return;
    loading = true;
    void import('./citation-preview.ts').then((m) => {
      m.startCitationPreview(toShow, pointer);
      ready = true;
    });
  };
  // A finger's pointerover comes before its pointerdown: taken from there, a finger is known for
  // one before it could be taken for a hovering mouse.
  for (const type of ['pointerover', 'pointerdown'] as const)
    document.addEventListener(type, (event) => (pointer = event.pointerType), true);
  for (const type of ['pointerover', 'focusin', 'click'])
    document.addEventListener(type, wake, true);
}
