/**
 * Build the example documents once, with the real CLI, for every test file that reads them.
 * The result (exit code, output, folder) is handed to tests through `inject('examples')`.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { runCli } from './helpers/cli.js';

export default function setup(project: TestProject) {
  const out = join(mkdtempSync(join(tmpdir(), 'dealdoc-examples-')), 'out');
  const r = runCli(['build', '--out', out]);
  project.provide('examples', { out, code: r.code, stdout: r.stdout, stderr: r.stderr });
}

declare module 'vitest' {
  export interface ProvidedContext {
    examples: { out: string; code: number; stdout: string; stderr: string };
  }
}
