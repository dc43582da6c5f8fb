/** Worker thread entry: executes one job; config, templates and fonts stay loaded between jobs. */
import type { BuildOptions } from './context.js';
import { executeJob, type JobSpec } from './jobs.js';

export default function run({ spec, options }: { spec: JobSpec; options: BuildOptions }) {
  return executeJob(spec, options);
}
