import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { generateSW } from 'workbox-build';
import { offlineWorkerEnabled, WORKER_FILE, workerOptions } from '../lib/offline-worker.ts';

/**
 * Writes the service worker that keeps the site for reading offline (Workbox's `generateSW`), as
 * the last step of the build, once Pagefind's files are there: its precache list is what this
 * build wrote. With `SERVICE_WORKER=off` the page registers nothing and the worker written is one
 * that removes itself and its caches, so readers who kept an earlier build let it go.
 */
export default function offlineWorker(): AstroIntegration {
  const enabled = offlineWorkerEnabled(process.env.SERVICE_WORKER);
  let base = '/';
  return {
    name: 'offline-worker',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        // Read by the page's script; `astro dev` never registers a worker whatever this says. A
        // constant of its own, not an `import.meta.env` field, which Vitest would copy into the
        // environment of every build a test runs.
        updateConfig({ vite: { define: { __OFFLINE_WORKER__: JSON.stringify(enabled) } } });
      },
      'astro:config:done': ({ config }) => {
        base = config.base.replace(/\/?$/, '/');
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir).replace(/\/$/, '');
        if (!enabled) {
          fs.copyFileSync(
            fileURLToPath(new URL('../scripts/service-worker-off.js', import.meta.url)),
            path.join(outDir, WORKER_FILE),
          );
          return logger.info(`offline reading off: ${WORKER_FILE} removes any earlier worker`);
        }
        const figureData = fs.existsSync(path.join(outDir, 'data'));
        const { count, size, warnings } = await generateSW(
          workerOptions(outDir, base, { figureData }),
        );
        if (warnings.length > 0) throw new Error(`service worker: ${warnings.join('; ')}`);
        logger.info(
          `${WORKER_FILE} keeps ${count} files (${(size / 1024).toFixed(0)} KB) for offline reading`,
        );
      },
    },
  };
}
