/**
 * Keeps the site for reading offline: registers the service worker (written by the build,
 * src/integrations/offline-worker.ts) once the page has loaded, so a first-time reader waits for
 * none of what it fetches. Never in `astro dev`, and not in a build made with SERVICE_WORKER=off.
 */
import { report } from './reader/status.ts';

let outdated = false;

/**
 * True once a newer build has taken over while this page was open. The page's own files may then
 * be gone from the worker and the host, and the ones with fixed names (the Markdown, search's)
 * would come from the newer build: a tool that needs one asks the reader to reload instead.
 */
export const pageOutdated = () => outdated;

export function keepForOffline(status: HTMLElement) {
  if (!import.meta.env.PROD || !__OFFLINE_WORKER__ || !('serviceWorker' in navigator)) return;
  const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
  const worker = navigator.serviceWorker;
  // A page that had no worker is taken over by the one it installed: the same build.
  const before = worker.controller;
  worker.addEventListener('controllerchange', () => {
    if (!before) return;
    outdated = true;
    report(status, '本章已更新，刷新以查看');
  });
  // A worker that cannot be registered (storage off, a private window) leaves the page as it
  // was without one: nothing a reader asked for has failed.
  // This module runs before the load event (a module script is deferred, and the event waits).
  addEventListener(
    'load',
    () => void worker.register(`${base}sw.js`, { scope: base }).catch(() => {}),
    { once: true },
  );
}
