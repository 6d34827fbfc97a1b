// The page's one entry for tools that load on demand (search, citation previews, copying). One
// entry rather than one per component: Vite adds a small loader to every entry that imports on
// demand, and shared by two entries it would become a request of its own.
import { startReaderActions } from './reader/actions.ts';
import { defineSearchLauncher } from './search/launcher.ts';

defineSearchLauncher();
startReaderActions(document.getElementById('reader-status')!);
