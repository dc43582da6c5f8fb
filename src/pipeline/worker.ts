/** Worker thread entry: executes one job; config, templates and fonts stay loaded between jobs. */
import { workerData } from 'node:worker_threads';
import { adoptFontBytes } from '../fonts/open.js';
import type { BuildOptions } from './context.js';
import { executeJob } from './jobs.js';
import type { JobSpec } from './job-spec.js';

// The font files the main thread read, in shared memory (pool.ts): parsed here without a copy.
adoptFontBytes((workerData as { fonts?: unknown } | null)?.fonts);

export default function run({ spec, options }: { spec: JobSpec; options: BuildOptions }) {
  return executeJob(spec, options);
}
