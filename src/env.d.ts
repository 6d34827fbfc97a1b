/** Whether the build keeps the site for offline reading (set by src/integrations/offline-worker.ts). */
declare const __OFFLINE_WORKER__: boolean;
