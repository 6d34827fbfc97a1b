// The page's one entry for tools that load on demand (search, citation previews, copying). One
// entry rather than one per component: Vite adds a small loader to every entry that imports on
// demand, and shared by two entries it would become a request of its own.
import { keepForOffline } from './offline.ts';
import { startReaderActions } from './reader/actions.ts';
import { readerStatus, report } from './reader/status.ts';
import { defineSearchLauncher } from './search/launcher.ts';
import { whenNear } from './when-near.ts';

defineSearchLauncher();
startReaderActions(readerStatus());
keepForOffline(readerStatus());
// The matrix's filter and sort controls are drawn with the page; what makes them work loads as
// the matrix comes near, not before the reader has seen anything. If it cannot load (offline,
// nothing kept), the reader's first press tries again, and says why if it still cannot.
const matrix = document.querySelector('matrix-controls');
const controls = () => import('./matrix-controls.ts').then((m) => m.defineMatrixControls());
whenNear(matrix?.closest('.figure') ?? null, () =>
  controls().catch(() =>
    matrix!.addEventListener(
      'click',
      () =>
        void controls().catch(() =>
          report(readerStatus(), '筛选与排序暂不可用：未能加载，请检查网络后重试', 'error'),
        ),
      { once: true },
    ),
  ),
);
