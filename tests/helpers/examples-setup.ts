/**
 * Global setup of the `e2e` group: build the example documents once, with the real CLI, for every
 * test file that only reads them (end-to-end reads, determinism, page images, preview). The result
 * (exit code, output, folder) is handed to tests through `inject('examples')`; tests must not
 * write into that folder (copy it first, as the preview tests do).
 *
 * Built with the page tests' fixed SOURCE_DATE_EPOCH, so the page images can use this build too;
 * the determinism test builds again without it (and in another time zone) and compares bytes.
 * Runs after tests/global-setup.ts, which makes sure dist/ is fresh.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { EXAMPLES_EPOCH, runCli } from './cli.js';

export default function setup(project: TestProject) {
  const out = join(mkdtempSync(join(tmpdir(), 'dealdoc-examples-')), 'out');
  const r = runCli(['build', '--out', out], { env: { SOURCE_DATE_EPOCH: EXAMPLES_EPOCH } });
  project.provide('examples', { out, code: r.code, stdout: r.stdout, stderr: r.stderr });
}

declare module 'vitest' {
  export interface ProvidedContext {
    examples: { out: string; code: number; stdout: string; stderr: string };
  }
}
