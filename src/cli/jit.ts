/**
 * How much of V8's optimising compiler a CLI build uses. A build that renders one deal runs for
 * ~0.3 s: TurboFan then compiles hot functions on background threads that the process must wait
 * for before it can exit, and the code it makes is thrown away — one deal edited took 0.65 s CPU
 * and 0.52 s wall with it, 0.42 s and 0.45 s without. A build with real work (many documents, or
 * any report: hundreds of ms of tight loops) needs it: the 100-deal cold build takes twice as
 * long without. So `build` starts without TurboFan and turns it back on, before any job runs or any
 * worker starts, when the plan is more than a few deal documents. V8's flags are process-wide;
 * only the command line does this, never the library's `build()`. DEALDOC_JIT=full keeps
 * TurboFan on throughout.
 */
import { setFlagsFromString } from 'node:v8';
import type { PlannedJob } from '../pipeline/plan.js';

/** At most this many deal documents to render, and no report: a small build. */
export const SMALL_BUILD_JOBS = 4;

let light = false;

/** Start without the optimising compiler (unless DEALDOC_JIT=full). */
export function startLight(env: NodeJS.ProcessEnv = process.env): void {
  if (env.DEALDOC_JIT === 'full' || light) return;
  setFlagsFromString('--no-opt');
  light = true;
}

/** The optimising compiler back on (idempotent). */
export function goFull(): void {
  if (!light) return;
  setFlagsFromString('--opt');
  light = false;
}

/** Whether the jobs that will run are few enough to finish sooner without TurboFan. */
export function isSmallBuild(jobs: readonly PlannedJob[]): boolean {
  const run = jobs.filter((j) => j.reason);
  return run.length <= SMALL_BUILD_JOBS && run.every((j) => j.spec.kind === 'deal');
}

/** Whether this thread currently runs without TurboFan (tests). */
export const isLight = (): boolean => light;
