import { defineConfig } from 'vitest/config';

/**
 * Four projects, so that a developer gets a fast answer (`npm run test:unit`)
 * and `npm test` still runs everything:
 * - unit: pure modules, the ingestion and the editors' tools — no site build;
 * - build: real `astro build` runs (fixture content, hostile content, ingested export,
 *   the editing interface with decap-server), and the dev server after an edit;
 * - site: quality gates on the built site in Chromium;
 * - bench: the performance bench's smoke run.
 */
export default defineConfig({
  test: {
    // Both cores of the machines this runs on (vitest keeps one free by default).
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'tests/*.test.ts', 'scripts/*.test.ts'],
          exclude: ['tests/build.test.ts', 'tests/hostile.test.ts', 'tests/cms.test.ts', 'tests/dev.test.ts', 'tests/bench.test.ts'],
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'build',
          include: ['tests/build.test.ts', 'tests/hostile.test.ts', 'tests/cms.test.ts', 'tests/dev.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 240_000,
        },
      },
      {
        // Quality gates on the real built site, in Chromium (tests/e2e/browser.ts says which). The
        // files are independent (each its own browser, the site read-only), so two run side by side.
        test: {
          name: 'site',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 300_000,
        },
      },
      {
        test: {
          name: 'bench',
          include: ['tests/bench.test.ts'],
          testTimeout: 900_000,
          hookTimeout: 240_000,
        },
      },
    ],
  },
});
