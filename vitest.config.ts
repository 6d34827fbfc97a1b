/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

/** Gates that read the built site without a browser; every other gate drives one. */
const buildGates = [
  'csp',
  'epubcheck',
  'external-links',
  'html-validate',
  'links',
  'nu-html-checker',
  'reproducible',
].map((name) => `tests/gates/${name}.test.ts`);
/**
 * Tests that run `astro build` themselves, each a few seconds of both cores: they run one at a
 * time after the others, and their builds take turns with those of the browser tier's anchor test
 * (a lock in tests/support/build-content.ts, which says why).
 */
const ownBuilds = ['tests/build/fixture-builds.test.ts', 'tests/gates/reproducible.test.ts'];

// Astro's Vite config, so component tests can use the Container API and import .astro files.
export default getViteConfig(
  {
    test: {
      testTimeout: 30_000,
      hookTimeout: 60_000,
      // Browser tests share one machine with two cores; a few files at a time keeps them stable.
      maxWorkers: 2,
      // Browser assertions poll: the machine is shared by two cores and several browser pages.
      expect: { poll: { timeout: 10_000, interval: 50 } },
      reporters: ['default', './tests/support/summary-reporter.ts'],
      // Three tiers, by what a test needs (`npm run test:unit`, `test:build`, `test:browser`); `npm test` runs them all.
      projects: [
        {
          extends: true,
          // Neither a build nor a browser: lib, plugins, components, the set-up script. Seconds.
          test: {
            name: 'unit',
            include: [
              'tests/unit/**/*.test.ts',
              'tests/components/**/*.test.ts',
              'tests/setup/**/*.test.ts',
            ],
          },
        },
        {
          extends: true,
          // The built site in dist/ and dist-sub/, read without a browser.
          test: {
            name: 'build',
            include: ['tests/build/**/*.test.ts', 'tests/search/**/*.test.ts', ...buildGates],
            exclude: ownBuilds,
          },
        },
        {
          extends: true,
          // The rest of the build tier: builds of their own, after the other tiers, one at a time.
          test: { name: 'build-serial', include: ownBuilds, maxWorkers: 1 },
        },
        {
          extends: true,
          // Real engines over the built site: journeys in Chromium, Firefox and WebKit, Chromium gates.
          test: {
            name: 'browser',
            include: ['tests/e2e/**/*.test.ts', 'tests/gates/**/*.test.ts'],
            exclude: buildGates,
          },
        },
      ],
    },
  },
  { devToolbar: { enabled: false } },
);
