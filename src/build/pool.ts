/**
 * Run jobs: in this thread when there are few (a worker costs a start-up and its own fonts),
 * else in a piscina pool of worker threads sized to the machine, each loading fonts once.
 */
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { BuildOptions } from './context.js';
import type { JobResult, JobSpec } from './job-spec.js';

/** Below this many jobs, worker start-up costs more than it saves. */
const MIN_JOBS_FOR_POOL = 6;
const WORKER_HEAP_MB = 384;

export async function runJobs(specs: JobSpec[], options: BuildOptions, jobs: number | undefined, onDone: (r: JobResult) => void): Promise<JobResult[]> {
  if (specs.length === 0) return [];
  const threads = Math.max(1, jobs ?? availableParallelism());
  const workerFile = fileURLToPath(new URL('./worker.js', import.meta.url));
  const canPool = threads > 1 && specs.length >= MIN_JOBS_FOR_POOL && workerFile.endsWith('.js') && !import.meta.url.endsWith('.ts');
  if (!canPool) {
    const { executeJob } = await import('./jobs.js');
    const results: JobResult[] = [];
    for (const spec of specs) {
      const r = await executeJob(spec, options);
      onDone(r);
      results.push(r);
    }
    return results;
  }
  const { Piscina } = await import('piscina');
  // A cap on each worker's old generation makes V8 collect early instead of growing towards its
  // multi-gigabyte default: the largest document (a month's report with ~1,600 detail rows) needs
  // well under 100 MB live.
  const pool = new Piscina({ filename: workerFile, minThreads: threads, maxThreads: threads, idleTimeout: 1000, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
  try {
    // Reports first: they are the longest; then deals, so the pool stays busy to the end.
    const ordered = [...specs].sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'report' ? -1 : 1));
    return await Promise.all(
      ordered.map(async (spec) => {
        const r = (await pool.run({ spec, options })) as JobResult;
        onDone(r);
        return r;
      }),
    );
  } finally {
    await pool.destroy();
  }
}
