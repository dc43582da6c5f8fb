/**
 * `dealdoc build` and `dealdoc check`: plan, then run only what changed, write atomically,
 * record the manifest, remove outputs whose source is gone. A broken input costs only its own
 * documents; its diagnostics are collected and the exit code says so.
 */
import { rm, rmdir, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Diagnostic, hasErrors, sortDiagnostics } from '../diagnostics.js';
import { createContext, type BuildOptions } from './context.js';
import { displayPath } from './deals.js';
import { fsDiagnostic, isFsError } from './fs-errors.js';
import { fromData, outputPaths, type JobResult } from './job-spec.js';
import { acquireLock, type Lock } from './lock.js';
import { readManifest, writeManifest, type JobRecord, type Manifest } from './manifest.js';
import { hashParts } from './hash.js';
import { cachedCustomerPart, saveLedgerCache } from './ledger-cache.js';
import { customerLedgerPart, loadLedgerState } from './ledger-state.js';
import { ensureRealDirs, makeDirs, ownershipProblem } from './outdir.js';
import { assetParts, planBuild, type BuildPlan, type PlanOptions, type PlannedJob } from './plan.js';
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

  let lock: Lock;
  try {
    // out/ and out/.dealdoc must be real folders: a link there would take writes elsewhere.
    makeDirs(ctx.outDir);
    ensureRealDirs(ctx.outDir, STATE_DIR, true);
    lock = await acquireLock(join(ctx.outDir, STATE_DIR, 'lock'), { waitMs: 10 * 60_000, onWait: events.waiting, onTakeOver: (why) => summary.diagnostics.push(lockNotice(ctx.outDir, why)) });
  } catch (e) {
    summary.diagnostics.push(fsDiagnostic(e, ctx.outDir));
    return summary;
  }
  try {
    await sweepTmp(ctx.outDir);
    const { manifest, diagnostics: manifestDiagnostics } = await readManifest(ctx.outDir);
    summary.diagnostics.push(...manifestDiagnostics);
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
      const previous = manifest.jobs[r.id];
      const kept = r.ok && r.unchanged && previous !== undefined;
      summary.explain.push({ id: r.id, action: kept ? 'skipped' : r.ok ? 'built' : 'failed', reason: kept ? `${job.reason}; the figures it prints did not change` : job.reason! });
      if (!r.ok) {
        summary.failed.push(r.id);
        continue;
      }
      if (kept) summary.skipped.push(r.id);
      summary.built.push(...r.outputs.map((o) => join(request.outDir, o.path)));
      const parts = { ...job.parts };
      for (const k of Object.keys(parts)) if (k.startsWith('asset:')) delete parts[k];
      Object.assign(parts, await assetParts(ctx.dataDir, r.deps));
      if (job.spec.kind === 'deal' && 'ledger' in parts) {
        // Recomputed with the as-of date the brief actually used (from the ledger cache when the ledger was not parsed).
        const state = await loadLedgerState(ctx, manifest);
        const cachedPart = state.fromManifest && r.customerId && r.asOf ? await cachedCustomerPart(ctx, state.rawHash, r.customerId, r.asOf) : undefined;
        parts.ledger = cachedPart ?? (await customerLedgerPart(state, r.customerId, { asOf: r.asOf } as JobRecord));
      }
      const record: JobRecord = {
        kind: job.spec.kind,
        ...(job.spec.kind === 'deal' ? { source: relativeTo(ctx.dataDir, job.spec.file), sourceHash: job.parts.source, dealId: job.spec.dealId } : {}),
        customerId: r.customerId,
        asOf: r.asOf,
        deps: r.deps,
        parts,
        inputHash: hashParts(parts),
        ...(r.modelHash ? { modelHash: r.modelHash } : {}),
        outputs: kept ? previous.outputs : {},
      };
      for (const o of r.outputs) {
        const info = await stat(join(ctx.outDir, o.path));
        record.outputs[o.path] = { sha256: o.sha256, size: o.size, mtimeMs: Math.round(info.mtimeMs) };
      }
      manifest.jobs[r.id] = record;
    }

    if (plan.complete) await removeStale(ctx.outDir, request.outDir, manifest, plan, summary);
    manifest.ledger = plan.ledger;
    await writeManifest(ctx.outDir, manifest);
    // A cache only: failing to bring it up to date costs the next build a ledger parse, nothing else.
    await saveLedgerCache(ctx, manifest).catch((e: unknown) => {
      if (!isFsError(e)) throw e;
    });
  } catch (e) {
    // A filesystem error (ENOSPC, EACCES, EROFS, ENOTDIR…) is a diagnostic, never a stack trace.
    if (!isFsError(e)) throw e;
    summary.diagnostics.push(fsDiagnostic(e, ctx.outDir));
  } finally {
    await sweepTmp(ctx.outDir).catch(() => {});
    await lock.release();
  }
  summary.diagnostics = sortDiagnostics(summary.diagnostics);
  return summary;
}

/**
 * Remove the outputs of jobs that are no longer planned (a deal file deleted or renamed) — only
 * files dealdoc provably wrote: a plain path below out/, reached through real folders, a regular
 * file whose bytes hash as recorded, and not an output some planned job owns. Anything else is
 * left alone with a warning. Jobs in `plan.keep` (deal file unreadable, id claimed twice) stay.
 */
async function removeStale(outDir: string, shownOut: string, manifest: Manifest, plan: BuildPlan, summary: BuildSummary): Promise<void> {
  const live = new Set(plan.jobs.map((j) => j.spec.id));
  const liveOutputs = new Set(plan.jobs.flatMap((j) => outputPaths(j.spec)));
  for (const id of plan.keep) for (const rel of Object.keys(manifest.jobs[id]?.outputs ?? {})) liveOutputs.add(rel);
  for (const [id, record] of Object.entries(manifest.jobs)) {
    if (live.has(id) || plan.keep.has(id)) continue;
    if (record.kind === 'report' && plan.ledger && !plan.ledger.ok) continue;
    for (const [rel, out] of Object.entries(record.outputs)) {
      if (liveOutputs.has(rel)) continue;
      const problem = ownershipProblem(outDir, rel, out.sha256);
      if (problem === 'missing') continue;
      const shown = displayPath(join(outDir, rel));
      if (problem) {
        summary.diagnostics.push(new Diagnostic({ file: shown, rule: 'stale', severity: 'warning', message: `not deleted: ${problem}; dealdoc deletes only files it wrote` }));
        continue;
      }
      try {
        await rm(join(outDir, rel));
        summary.removed.push(join(shownOut, rel));
      } catch (e) {
        summary.diagnostics.push(fsDiagnostic(e, join(outDir, rel), 'warning'));
        continue;
      }
      await rmdir(dirname(join(outDir, rel))).catch(() => {});
    }
    delete manifest.jobs[id];
  }
}

function lockNotice(outDir: string, why: string): Diagnostic {
  return new Diagnostic({ file: displayPath(join(outDir, STATE_DIR, 'lock')), rule: 'lock', severity: 'warning', message: why });
}

function relativeTo(root: string, file: string): string {
  return file.startsWith(root + '/') ? file.slice(root.length + 1) : file;
}

/** `dealdoc check`: what a build would do, without writing anything. */
export async function check(request: BuildRequest): Promise<{ stale: { id: string; reason: string }[]; diagnostics: Diagnostic[] }> {
  const { ctx, diagnostics } = createContext(optionsOf(request));
  if (!ctx) return { stale: [], diagnostics };
  const { manifest, diagnostics: manifestDiagnostics } = await readManifest(ctx.outDir);
  // check hashes every output: an edit that keeps size and mtime is still found.
  const plan = await planBuild(ctx, manifest, { ...request, verifyOutputs: true });
  const stale = plan.jobs.filter((j) => j.reason).map((j) => ({ id: j.spec.id, reason: j.reason! }));
  if (plan.complete) {
    const live = new Set(plan.jobs.map((j) => j.spec.id));
    for (const id of Object.keys(manifest.jobs)) if (!live.has(id) && !plan.keep.has(id)) stale.push({ id, reason: 'source removed; outputs would be deleted' });
  }
  return { stale, diagnostics: sortDiagnostics([...diagnostics, ...manifestDiagnostics, ...plan.diagnostics]) };
}

export function exitCode(summary: { diagnostics: Diagnostic[]; failed?: string[] }): number {
  return hasErrors(summary.diagnostics) || (summary.failed?.length ?? 0) > 0 ? 1 : 0;
}
