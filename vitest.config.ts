/**
 * Two groups, both run by `npm test` (and by a plain `npx vitest run`), both required:
 *
 * - `unit`: in process — src/ imported directly, documents rendered in memory, read back with
 *   poppler where needed. `npm run test:unit` (no examples build; starts at once).
 * - `e2e`: what spawns a process as a user would — the CLI (bin/dealdoc.js → dist/), LibreOffice,
 *   Chromium, npm pack. They share one build of the examples (tests/helpers/examples-setup.ts,
 *   `inject('examples')`). `npm run test:e2e`.
 *
 * A test file belongs to `e2e` when it is listed in E2E; tests/harness/groups.test.ts fails when a
 * file that runs the CLI, LibreOffice or Chromium is left in `unit`. Both groups first make sure
 * dist/ is built from the current sources (tests/global-setup.ts), so no test runs stale code.
 */
import { defineConfig } from 'vitest/config';

export const E2E = [
  'tests/e2e/**/*.test.ts',
  'tests/cli/diagnostics.test.ts',
  'tests/cli/init-watch.test.ts',
  'tests/data/hostile-cli.test.ts',
  'tests/diff/diff.test.ts',
  'tests/documents/method-examples.test.ts',
  'tests/documents/proposal-checks.test.ts',
  'tests/documents/qa-deals.test.ts',
  'tests/fonts/scripts.test.ts',
  'tests/package/**/*.test.ts',
  'tests/pages/examples.test.ts',
  'tests/pages/generated.test.ts',
  'tests/pipeline/incremental.test.ts',
  'tests/pipeline/ledger-cache.test.ts',
  'tests/pipeline/ledger-incremental.test.ts',
  'tests/pipeline/safety.test.ts',
  'tests/preview/cli.test.ts',
  'tests/preview/preview.test.ts',
  'tests/provision-report/calc.test.ts',
  'tests/provision-report/sources.test.ts',
  'tests/provision-report/xlsx-recalc.test.ts',
  'tests/swot-brief/render.test.ts',
  'tests/writers/docx.test.ts',
];

export default defineConfig({
  // Vitest's results cache (file durations, for ordering) lives in the work tree, not in
  // node_modules/.vite: worktrees share node_modules by hard links, so a write there changed every copy.
  cacheDir: '.tmp/vite',
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // vitest's default on 2 cores is ONE worker (cores - 1); e2e tests mostly wait on the processes
    // they spawn (the CLI, LibreOffice, Chromium), so two files at a time keep both cores busy.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/**/*.test.ts'], exclude: E2E, globalSetup: ['tests/global-setup.ts'] },
      },
      {
        extends: true,
        test: { name: 'e2e', include: E2E, globalSetup: ['tests/global-setup.ts', 'tests/helpers/examples-setup.ts'] },
      },
    ],
  },
});
