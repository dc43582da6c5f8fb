/**
 * Before any test of either group (vitest.config.ts: `unit`, `e2e`) runs:
 *
 * 1. dist/ is what `npm run build` makes of the sources NOW. The CLI tests run bin/dealdoc.js,
 *    which loads dist/, so after an edit to src/ a plain `npx vitest run` would test the previous
 *    build. The sources' content hash is compared with the stamp the last `npm run build` wrote
 *    (scripts/dist-stamp.mjs); when they differ, `npm run build` runs here, once, before anything
 *    spawns the CLI (a compile error stops the run). Fresh dist: ~20 ms; a rebuild: tsc's time.
 * 2. The system tools some tests need (tests/helpers/prereqs.ts) are listed once if missing —
 *    those tests then fail with the same message, they do not skip.
 *
 * Both groups list this file; vitest runs the groups' global setups one after the other, so the
 * second finds dist/ fresh. The examples build the e2e group shares is tests/helpers/examples-setup.ts.
 */
import { spawnSync } from 'node:child_process';
import type { TestProject } from 'vitest/node';
import { distState } from '../scripts/dist-stamp.mjs';
import { ROOT } from './helpers/cli.js';
import { ALL_PREREQS, missingPrereqs, prereqMessage } from './helpers/prereqs.js';

export function ensureFreshDist(root = ROOT): { rebuilt: boolean; reason: string; ms: number } {
  const t0 = performance.now();
  const state = distState(root);
  if (state.fresh) return { rebuilt: false, reason: state.reason, ms: performance.now() - t0 };
  const npm = process.env.npm_execpath;
  // Under `npm test`, npm_execpath is npm's own CLI (run it with this node); else npm from PATH.
  const [cmd, args] = npm && /npm-cli\.[cm]?js$/.test(npm) ? [process.execPath, [npm, 'run', 'build', '--silent']] : ['npm', ['run', 'build', '--silent']];
  const r = spawnSync(cmd, args, { cwd: root, encoding: 'utf8', stdio: 'pipe' });
  if (r.status !== 0) {
    throw new Error(`dist/ is stale (${state.reason}) and \`npm run build\` failed (exit ${r.status}), so the CLI tests would run old code:\n${r.stdout}${r.stderr}${r.error ?? ''}`);
  }
  const after = distState(root);
  if (!after.fresh) throw new Error(`\`npm run build\` ran but dist/ is still not fresh: ${after.reason}`);
  return { rebuilt: true, reason: state.reason, ms: performance.now() - t0 };
}

export default function setup(_project: TestProject) {
  const dist = ensureFreshDist();
  if (dist.rebuilt) console.log(`dealdoc tests: rebuilt dist/ (${dist.reason}) in ${(dist.ms / 1000).toFixed(1)} s`);
  // Once per run, not once per group (each group loads this module afresh).
  const g = globalThis as { dealdocPrereqsReported?: boolean };
  if (!g.dealdocPrereqsReported) {
    g.dealdocPrereqsReported = true;
    const missing = missingPrereqs(ALL_PREREQS);
    if (missing.length) console.error(`\ndealdoc tests: ${prereqMessage(missing)}\n`);
  }
}
