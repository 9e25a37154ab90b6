import { defineConfig } from 'vitest/config';

// Three layers, run in this order by scripts/test.mjs:
//  unit     - pure modules and main-process services in Node (fake-indexeddb for Dexie)
//  chromium - the built renderer in real Chromium, the bridge supplied by the test host
//  electron - the whole app through Playwright's _electron, where an Electron binary exists
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/{core,main,renderer,cli,lint,bench}/**/*.test.ts'],
          environment: 'node',
          setupFiles: ['tests/support/unit-setup.ts'],
          // Some unit tests start the CLI or a build step as a child process; on a loaded 2-core
          // machine those take several seconds, so the default 5 s limit failed them at random.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'chromium',
          include: ['tests/e2e/chromium/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          // expect.poll waits for what the page does next (a document opening, a list redrawn). Its
          // default of 1 s failed at random on a loaded 2-core machine; a poll still ends at the first match.
          expect: { poll: { timeout: 15_000 } },
        },
      },
      {
        test: {
          name: 'electron',
          include: ['tests/e2e/electron/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
