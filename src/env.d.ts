interface ImportMetaEnv {
  /** Whether the build keeps the site for offline reading (set by src/integrations/offline-worker.ts). */
  readonly SERVICE_WORKER: boolean;
}
