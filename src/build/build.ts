/**
 * `dealdoc build` and `dealdoc check`: plan, then run only what changed, write atomically,
 * record the manifest, remove outputs whose source is gone. A broken input costs only its own
 * documents; its diagnostics are collected and the exit code says so.
 */
import { rm, rmdir, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Diagnostic, hasErrors, sortDiagnostics } from '../diagnostics.js';
import { createContext, type BuildOptions } from './context.js';
import { fromData, type JobResult } from './job-spec.js';
import { acquireLock } from './lock.js';
import { readManifest, writeManifest, type JobRecord } from './manifest.js';
import { hashParts } from './hash.js';
import { customerLedgerPart, loadLedgerState } from './ledger-state.js';
import { assetParts, planBuild, type PlanOptions, type PlannedJob } from './plan.js';
import { runJobs } from './pool.js';
import { STATE_DIR, sweepTmp } from './write.js';

export interface BuildRequest extends BuildOptions, PlanOptions {
  jobs?: number;
}

export interface BuildEvents {
  planned?(jobs: PlannedJob[]): void;
  done?(result: JobResult, job: PlannedJob): void;
  waiting?(owner: string): void;
}

export interface BuildSummary {
  built: string[];
  skipped: string[];
  failed: string[];
  removed: string[];
  explain: { id: string; action: 'built' | 'skipped' | 'failed'; reason: string }[];
  diagnostics: Diagnostic[];
}

const optionsOf = (r: BuildRequest): BuildOptions => ({ dataDir: r.dataDir, outDir: r.outDir, configPath: r.configPath, formats: r.formats, asOf: r.asOf, only: r.only, env: undefined });

export async function build(request: BuildRequest, events: BuildEvents = {}): Promise<BuildSummary> {
  const summary: BuildSummary = { built: [], skipped: [], failed: [], removed: [], explain: [], diagnostics: [] };
  const { ctx, diagnostics } = createContext(optionsOf(request));
  summary.diagnostics.push(...diagnostics);
  if (!ctx) return summary;

  const lock = await acquireLock(join(ctx.outDir, STATE_DIR, 'lock'), { waitMs: 10 * 60_000, onWait: events.waiting });
  try {
    await sweepTmp(ctx.outDir);
    const manifest = await readManifest(ctx.outDir);
    const plan = await planBuild(ctx, manifest, request);
    summary.diagnostics.push(...plan.diagnostics);
    events.planned?.(plan.jobs);

    const toRun = plan.jobs.filter((j) => j.reason);
    for (const j of plan.jobs) if (!j.reason) summary.explain.push({ id: j.spec.id, action: 'skipped', reason: 'up to date' });
    summary.skipped.push(...plan.jobs.filter((j) => !j.reason).map((j) => j.spec.id));

    const byId = new Map(toRun.map((j) => [j.spec.id, j]));
    const results = await runJobs(
      toRun.map((j) => j.spec),
      optionsOf(request),
      request.jobs,
      (r) => events.done?.(r, byId.get(r.id)!),
    );

    for (const r of results) {
      const job = byId.get(r.id)!;
      summary.diagnostics.push(...r.diagnostics.map(fromData));
      summary.explain.push({ id: r.id, action: r.ok ? 'built' : 'failed', reason: job.reason! });
      if (!r.ok) {
        summary.failed.push(r.id);
        continue;
      }
      summary.built.push(...r.outputs.map((o) => join(request.outDir, o.path)));
      const parts = { ...job.parts };
      for (const k of Object.keys(parts)) if (k.startsWith('asset:')) delete parts[k];
      Object.assign(parts, await assetParts(ctx.dataDir, r.deps));
      if (job.spec.kind === 'deal' && 'ledger' in parts) {
        // Recomputed with the as-of date the brief actually used.
        parts.ledger = await customerLedgerPart(await loadLedgerState(ctx, manifest), r.customerId, { asOf: r.asOf } as JobRecord);
      }
      const record: JobRecord = {
        kind: job.spec.kind,
        ...(job.spec.kind === 'deal' ? { source: relativeTo(ctx.dataDir, job.spec.file), sourceHash: job.parts.source, dealId: job.spec.dealId } : {}),
        customerId: r.customerId,
        asOf: r.asOf,
        deps: r.deps,
        parts,
        inputHash: hashParts(parts),
        outputs: {},
      };
      for (const o of r.outputs) {
        const info = await stat(join(ctx.outDir, o.path));
        record.outputs[o.path] = { sha256: o.sha256, size: o.size, mtimeMs: Math.round(info.mtimeMs) };
      }
      manifest.jobs[r.id] = record;
    }

    if (plan.complete) {
      const live = new Set(plan.jobs.map((j) => j.spec.id));
      const failedSources = new Set(summary.diagnostics.filter((d) => d.severity === 'error').map((d) => String(d.file)));
      for (const [id, record] of Object.entries(manifest.jobs)) {
        if (live.has(id)) continue;
        // A deal that failed to parse keeps its last good documents; a deleted one loses them.
        if (record.source && failedSources.has(join(request.dataDir, record.source))) continue;
        if (record.kind === 'report' && plan.ledger && !plan.ledger.ok) continue;
        for (const rel of Object.keys(record.outputs)) {
          await rm(join(ctx.outDir, rel), { force: true });
          summary.removed.push(join(request.outDir, rel));
          await rmdir(dirname(join(ctx.outDir, rel))).catch(() => {});
        }
        delete manifest.jobs[id];
      }
    }
    manifest.ledger = plan.ledger;
    await writeManifest(ctx.outDir, manifest);
  } finally {
    await lock.release();
  }
  summary.diagnostics = sortDiagnostics(summary.diagnostics);
  return summary;
}

function relativeTo(root: string, file: string): string {
  return file.startsWith(root + '/') ? file.slice(root.length + 1) : file;
}

/** `dealdoc check`: what a build would do, without writing anything. */
export async function check(request: BuildRequest): Promise<{ stale: { id: string; reason: string }[]; diagnostics: Diagnostic[] }> {
  const { ctx, diagnostics } = createContext(optionsOf(request));
  if (!ctx) return { stale: [], diagnostics };
  const manifest = await readManifest(ctx.outDir);
  const plan = await planBuild(ctx, manifest, request);
  const stale = plan.jobs.filter((j) => j.reason).map((j) => ({ id: j.spec.id, reason: j.reason! }));
  if (plan.complete) {
    const live = new Set(plan.jobs.map((j) => j.spec.id));
    for (const id of Object.keys(manifest.jobs)) if (!live.has(id)) stale.push({ id, reason: 'source removed; outputs would be deleted' });
  }
  return { stale, diagnostics: sortDiagnostics([...diagnostics, ...plan.diagnostics]) };
}

export function exitCode(summary: { diagnostics: Diagnostic[]; failed?: string[] }): number {
  return hasErrors(summary.diagnostics) || (summary.failed?.length ?? 0) > 0 ? 1 : 0;
}
