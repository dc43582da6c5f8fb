/**
 * Run jobs: in this thread when there are few (a worker costs a start-up and its own fonts),
 * else in a piscina pool of worker threads sized to the machine, each loading fonts once.
 */
import { availableParallelism, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { fontBytes, fontBytesToShare } from '../fonts/open.js';
import type { BuildOptions } from './context.js';
import type { JobResult, JobSpec } from './job-spec.js';

/** Below this many jobs, worker start-up costs more than it saves. */
const MIN_JOBS_FOR_POOL = 6;
/** Each worker's old-generation cap: the largest document needs well under 100 MB live. */
const DEFAULT_WORKER_HEAP_MB = 384;
/** Never more than this many worker threads, whatever --jobs says. */
export const MAX_JOBS_CEILING = 16;

/** The most worker threads worth running here: twice the cores, at most 16. */
export function maxJobs(): number {
  return Math.min(MAX_JOBS_CEILING, availableParallelism() * 2);
}

/** Worker heap cap in MB: DEALDOC_WORKER_HEAP_MB, else 384. */
export function workerHeapMb(env: NodeJS.ProcessEnv = process.env): number {
  const v = Number(env.DEALDOC_WORKER_HEAP_MB);
  return Number.isInteger(v) && v >= 16 ? v : DEFAULT_WORKER_HEAP_MB;
}

/**
 * Threads for this build: the request (or the number of cores), at most maxJobs(), and no more
 * than fit in memory — every worker may grow to its heap cap (plus ~64 MB outside the heap),
 * and together they may take at most 60% of the machine's memory (or of the cgroup's limit).
 */
export function threadCount(requested: number | undefined, heapMb = workerHeapMb()): number {
  const limit = (process as { constrainedMemory?: () => number }).constrainedMemory?.() || 0;
  const memory = Math.min(totalmem(), limit > 0 ? limit : Infinity);
  const fit = Math.floor((memory * 0.6) / ((heapMb + 64) * 1024 * 1024));
  return Math.max(1, Math.min(requested ?? availableParallelism(), maxJobs(), fit));
}

export interface PoolOptions {
  /** Worker entry (tests); default ./worker.js. */
  workerFile?: string;
  heapMb?: number;
}

export async function runJobs(specs: JobSpec[], options: BuildOptions, jobs: number | undefined, onDone: (r: JobResult) => void, pool: PoolOptions = {}): Promise<JobResult[]> {
  if (specs.length === 0) return [];
  const heapMb = pool.heapMb ?? workerHeapMb();
  const threads = threadCount(jobs, heapMb);
  const workerFile = pool.workerFile ?? fileURLToPath(new URL('./worker.js', import.meta.url));
  const canPool = threads > 1 && specs.length >= MIN_JOBS_FOR_POOL && /\.m?js$/.test(workerFile) && (pool.workerFile !== undefined || !import.meta.url.endsWith('.ts'));
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
  // multi-gigabyte default; a worker that dies (out of memory or any crash) costs only the job
  // it was running: that job becomes a diagnostic, piscina starts a fresh worker for the rest.
  // Every document prints with the chain's first families: read them once, here, into shared
  // memory, and hand them to the workers with whatever else this thread has read (fonts/open.ts).
  const { contextFor } = await import('./jobs.js');
  for (const family of contextFor(options).fonts.families.slice(0, 2)) {
    for (const file of [family.regular, family.bold]) {
      try {
        if (file) fontBytes(file);
      } catch {
        // unreadable: the job that needs it reports it
      }
    }
  }
  const piscina = new Piscina({ filename: workerFile, minThreads: threads, maxThreads: threads, idleTimeout: 1000, resourceLimits: { maxOldGenerationSizeMb: heapMb }, workerData: { fonts: fontBytesToShare() } });
  // A worker that dies between tasks (or while starting) is reported by piscina as an 'error'
  // event — unhandled, it would end the process and leave the lock behind. Workers that die while
  // starting are not replaced: when none is left, the queued jobs are failed with that cause.
  let poolError: unknown;
  piscina.on('error', (e: unknown) => {
    poolError ??= e;
    setImmediate(() => {
      if (piscina.threads.length === 0) piscina.destroy().catch(() => {});
    });
  });
  try {
    const ordered = longestFirst(specs);
    return await Promise.all(
      ordered.map(async (spec) => {
        let r: JobResult;
        try {
          r = (await piscina.run({ spec, options })) as JobResult;
        } catch (e) {
          r = crashed(spec, options, poolError && /Terminating worker thread/.test(String((e as Error)?.message)) ? poolError : e, heapMb);
        }
        onDone(r);
        return r;
      }),
    );
  } finally {
    await piscina.destroy().catch(() => {});
  }
}

/**
 * Longest processing time first: reports (hundreds of ms each, the later months the largest),
 * latest as-of first; then deal documents (tens of ms) in their planned order, so the pool ends
 * on short jobs and no core idles while the other finishes a report.
 */
export function longestFirst(specs: readonly JobSpec[]): JobSpec[] {
  const reports = specs.filter((s): s is Extract<JobSpec, { kind: 'report' }> => s.kind === 'report');
  reports.sort((a, b) => (a.asOf < b.asOf ? 1 : a.asOf > b.asOf ? -1 : 0));
  return [...reports, ...specs.filter((s) => s.kind !== 'report')];
}

/** A job whose worker died: one diagnostic on its input, nothing written for it. */
function crashed(spec: JobSpec, options: BuildOptions, e: unknown, heapMb: number): JobResult {
  const code = (e as NodeJS.ErrnoException)?.code;
  const why =
    code === 'ERR_WORKER_OUT_OF_MEMORY'
      ? `the worker ran out of memory (heap cap ${heapMb} MB; set DEALDOC_WORKER_HEAP_MB to raise it)`
      : `the worker stopped: ${(e as Error)?.message ?? String(e)}`.split('\n')[0];
  const file = spec.kind === 'deal' ? spec.displayPath : options.dataDir;
  return { id: spec.id, ok: false, outputs: [], deps: [], diagnostics: [{ file, rule: 'worker', severity: 'error', message: `could not render ${spec.id}: ${why}` }], ms: 0 };
}
