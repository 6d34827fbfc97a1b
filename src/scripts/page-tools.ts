// The page's one entry for tools that load on demand (search, citation previews, copying). One
// entry rather than one per component: Vite adds a small loader to every entry that imports on
// demand, and shared by two entries it would become a request of its own.
import { keepingPlace, layOutBeforeItShows } from './reading-place.ts';
import { startReaderActions, whenNear } from './reader/actions.ts';
import { defineSearchLauncher } from './search/launcher.ts';

defineSearchLauncher();
startReaderActions(document.getElementById('reader-status')!);
// The matrix's filter and sort controls are built as the matrix comes near, not before the
// reader has seen anything: until then they are hidden and the table is complete as it is.
// (The figure is watched, not the controls: hidden, they would never come into view.)
// Built above the view, the controls push down what the reader is on. Engines with scroll
// anchoring hold the view themselves (and a second correction would cut short a smooth scroll).
// WebKit has none: there the controls are built as soon as the reader has jumped past the
// matrix, while the view is still, with the view held in place; left until the reader scrolls
// back up to them, the correction would stop that scroll halfway.
const anchored = CSS.supports('overflow-anchor', 'auto');
whenNear(
  document.querySelector('matrix-controls')?.closest('.figure') ?? null,
  () => void import('./matrix-controls.ts').then((m) => (anchored ? m.defineMatrixControls() : keepingPlace(() => m.defineMatrixControls()))),
  { orPassed: !anchored },
);
layOutBeforeItShows([...document.querySelectorAll<HTMLElement>('.chapter-section')]);
