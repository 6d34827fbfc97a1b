/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

// Astro's Vite config, so component tests can use the Container API and import .astro files.
export default getViteConfig(
  {
    test: {
      include: ['tests/**/*.test.ts'],
      testTimeout: 30_000,
      hookTimeout: 60_000,
      // Browser tests share one machine with two cores; a few files at a time keeps them stable.
      maxWorkers: 2,
      // Browser assertions poll: the machine is shared by two cores and several Chromium pages.
      expect: { poll: { timeout: 10_000, interval: 50 } },
      reporters: ['default', './tests/support/summary-reporter.ts'],
    },
  },
  { devToolbar: { enabled: false } },
);
