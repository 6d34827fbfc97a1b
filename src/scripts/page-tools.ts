// The page's one entry for tools that load on demand (search, citation previews, copying). One
// entry rather than one per component: Vite adds a small loader to every entry that imports on
// demand, and shared by two entries it would become a request of its own.
import { startReaderActions, whenNear } from './reader/actions.ts';
import { defineSearchLauncher } from './search/launcher.ts';

defineSearchLauncher();
startReaderActions(document.getElementById('reader-status')!);
// Holding the reader's place matters only once something put off is above the view: after a
// link into the page, or once the reader scrolls. A reader at the top who has not moved yet needs
// none of it.
let placeKeeper: Promise<typeof import('./reading-place.ts')> | undefined;
const keepPlace = () =>
  (placeKeeper ??= import('./reading-place.ts').then((m) => {
    m.layOutBeforeItShows([...document.querySelectorAll<HTMLElement>('.chapter-section')]);
    return m;
  }));
if (location.hash || scrollY > 0) void keepPlace();
else addEventListener('scroll', () => void keepPlace(), { once: true, passive: true });

// The matrix's filter and sort controls are built as the matrix comes near, not before the
// reader has seen anything: until then they are hidden and the table is complete as it is.
// (The figure is watched, not the controls: hidden, they would never come into view.)
// Built above the view, the controls push down what the reader is on. Engines with scroll
// anchoring hold the view themselves (and a second correction would cut short a smooth scroll).
// WebKit has none: there the controls are built as soon as the reader has passed the matrix,
// while the view is still, with the view held in place; left until the reader scrolls back up
// to them, the correction would stop that scroll halfway.
const anchored = CSS.supports('overflow-anchor', 'auto');
whenNear(
  document.querySelector('matrix-controls')?.closest('.figure') ?? null,
  () =>
    void import('./matrix-controls.ts').then(async (m) =>
      anchored ? m.defineMatrixControls() : (await keepPlace()).keepingPlace(() => m.defineMatrixControls()),
    ),
  { orPassed: !anchored },
);
