// The worker a build writes with SERVICE_WORKER=off: a reader's browser that kept an earlier
// build finds this one on its next update check, and it removes the kept files and itself.
// Pages it controlled stay as they are until they load again, then come from the network.
self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) await caches.delete(name);
      await self.registration.unregister();
    })(),
  );
});
