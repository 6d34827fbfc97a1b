/**
 * The only reader-tool code that runs before the reader does anything: a few document-level
 * listeners. The tools themselves load on first use.
 */
import { isFirstTap } from './first-tap.ts';
import { report } from './status.ts';

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
    void loaded.then(
      (m) => m.settle(written, text, target, status),
      () => report(status, '复制失败：未能加载复制功能，请检查网络后重试', 'error'),
    );
  });

  loadCitationPreviewOnFirstUse();
}

/**
 * Citation previews load on the first hover, focus or touch of a citation. Until they have
 * loaded, what the reader does is kept and handed to them in order, with the kind of pointer last
 * pressed, and the preview reads each as it would have. Only a first tap cannot wait: followed at
 * once, it would jump before it could preview.
 */
function loadCitationPreviewOnFirstUse() {
  const waking = ['pointerover', 'focusin', 'click'];
  let pointer = '';
  let missed: Event[] | undefined;
  let ready = false;
  const keep = (event: Event) => {
    if (ready) return;
    const link = (event.target as Element).closest?.('a.citation');
    if (!missed && !(link && waking.includes(event.type))) return;
    if (link && event.type === 'click' && isFirstTap(event as MouseEvent, pointer, false))
      event.preventDefault();
    if (missed) return void missed.push(event);
    missed = [event];
    void import('./citation-preview.ts').then(
      ({ CitationPreview }) => {
        ready = true;
        CitationPreview.start(pointer, missed!);
      },
      () => {
        // No preview (offline, nothing kept): each citation is the plain link it is. A first tap
        // held back for the preview is followed now; the next citation used tries again.
        const held = missed!.findLast((e) => e.type === 'click' && e.defaultPrevented);
        missed = undefined;
        if (held) location.assign((held.target as Element).closest('a')!.href);
      },
    );
  };
  // A finger's pointerover comes before its pointerdown: taken from there, a finger is known for
  // one before it could be taken for a hovering mouse.
  for (const type of ['pointerover', 'pointerdown'] as const)
    document.addEventListener(type, (event) => (pointer = event.pointerType), true);
  // The events the preview follows.
  for (const type of ['pointerdown', 'pointerover', 'focusin', 'click', 'keydown'])
    document.addEventListener(type, keep, true);
}
