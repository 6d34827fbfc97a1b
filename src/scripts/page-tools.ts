// The page's one entry for tools that load on demand (search, citation previews, copying). One
// entry rather than one per component: Vite adds a small loader to every entry that imports on
// demand, and shared by two entries it would become a request of its own.
import { keepForOffline } from './offline.ts';
import { startReaderActions } from './reader/actions.ts';
import { readerStatus } from './reader/status.ts';
import { defineSearchLauncher } from './search/launcher.ts';
import { whenNear } from './when-near.ts';

defineSearchLauncher();
startReaderActions(readerStatus());
keepForOffline(readerStatus());
// The matrix's filter and sort controls are drawn with the page; what makes them work loads as
// the matrix comes near, not before the reader has seen anything.
whenNear(
  document.querySelector('matrix-controls')?.closest('.figure') ?? null,
  () => void import('./matrix-controls.ts').then((m) => m.defineMatrixControls()),
);
