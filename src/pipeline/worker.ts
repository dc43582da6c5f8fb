/** Worker thread entry: executes one job; config, templates and fonts stay loaded between jobs. */
import type { BuildOptions } from './context.js';
import { executeJob } from './jobs.js';
import type { JobSpec } from './job-spec.js';

export default function run({ spec, options }: { spec: JobSpec; options: BuildOptions }) {
  return executeJob(spec, options);
}
