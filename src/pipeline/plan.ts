/**
 * Plan: every output with its declared inputs, hashed by content, compared with the manifest.
 * A job is up to date when every input part hashes as recorded and its outputs are on disk as
 * written. Deal files whose bytes did not change are not even parsed.
 */
import { readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Deal } from '../data/deal-schema.js';
import { Diagnostic } from '../diagnostics.js';
import { fontsFingerprint } from '../fonts/font-chain.js';
import type { BuildContext } from './context.js';
import { documentDate } from './dates.js';
import { discoverDeals, displayPath, idClashes } from './deals.js';
import { fsDiagnostic, statOrUndefined } from './fs-errors.js';
import { hashFile, hashParts, sha256 } from './hash.js';
import { dealDocumentTypes, ledgerDocumentType, registeredFormats } from '../documents/registry.js';
import { dealJobId, outputPaths, type JobSpec } from './job-spec.js';
import type { JobRecord, LedgerRecord, Manifest } from './manifest.js';
import { configHashOf, customerLedgerPart, loadLedgerState, reportJobs, type LedgerState } from './ledger-state.js';

export interface PlannedJob {
  spec: JobSpec;
  parts: Record<string, string>;
  /** Why it must run; undefined when up to date. */
  reason?: string;
}

export interface PlanOptions {
  force?: boolean;
  only?: string[];
  asOf?: string;
  /** [index, count], 1-based index. */
  shard?: [number, number];
  /** Hash every output, even when its size and mtime are as recorded (`check`). */
  verifyOutputs?: boolean;
  /** Only these documents (registry ids, `--document`). */
  documents?: string[];
}

export interface BuildPlan {
  jobs: PlannedJob[];
  diagnostics: Diagnostic[];
  ledger?: LedgerRecord;
  /** Whether this plan covers every output (so outputs missing from it are stale). */
  complete: boolean;
  /** Jobs not planned whose outputs must stay (their deal file failed to read, or shares its id). */
  keep: Set<string>;
}

const CODE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
let codeHash: string | undefined;

/** dealdoc's own version: package version + the hash of its code. */
export async function versionPart(): Promise<string> {
  if (codeHash) return codeHash;
  // Compiled builds carry their hash (scripts/build-id.mjs); running from source hashes the files.
  let recorded: string | undefined;
  try {
    recorded = readFileSync(resolve(CODE_ROOT, 'build-id.json'), 'utf8');
  } catch {
    // running from source: hash the files below
  }
  if (recorded) {
    const id = JSON.parse(recorded) as { version: string; code: string };
    codeHash = `${id.version}:${id.code}`;
    return codeHash;
  }
  const files: string[] = [];
  const walk = async (dir: string) => {
    for (const e of await readdir(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) await walk(p);
      else if (/\.(js|ts)$/.test(e.name)) files.push(p);
    }
  };
  await walk(CODE_ROOT);
  files.sort();
  const parts: Record<string, string> = {};
  for (const f of files) parts[relative(CODE_ROOT, f)] = sha256(await readFile(f));
  const pkg = JSON.parse(await readFile(resolve(CODE_ROOT, '../package.json'), 'utf8')) as { version: string };
  codeHash = `${pkg.version}:${hashParts(parts).slice(0, 16)}`;
  return codeHash;
}

async function templatePart(ctx: BuildContext, name: string): Promise<string> {
  const parts: Record<string, string> = {};
  for (const f of ctx.templates.files(name)) parts[f] = (await hashFile(f)) ?? 'missing';
  return hashParts(parts);
}

/** Input parts for the assets a document embedded (recorded by its last run). */
export async function assetParts(dataDir: string, deps: readonly string[]): Promise<Record<string, string>> {
  const parts: Record<string, string> = {};
  for (const dep of deps) parts[`asset:${dep}`] = (await hashFile(join(dataDir, dep))) ?? 'missing';
  return parts;
}

/** Stable shard of a job id: FNV-1a hash modulo n — balanced and independent of order. */
function shardOf(id: string, n: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return (h % n) + 1;
}

export async function planBuild(ctx: BuildContext, manifest: Manifest, opts: PlanOptions): Promise<BuildPlan> {
  const diagnostics: Diagnostic[] = [];
  const global = {
    version: await versionPart(),
    config: ctx.configFile ? ((await hashFile(ctx.configFile)) ?? 'missing') : 'default',
    fonts: fontsFingerprint(ctx.fonts),
    formats: [...ctx.options.formats].sort().join(','),
  };
  const templates = new Map<string, string>();
  const templateOf = async (name: string) => {
    let hash = templates.get(name);
    if (hash === undefined) templates.set(name, (hash = await templatePart(ctx, name)));
    return hash;
  };
  const defaultDate = documentDate(undefined, ctx.config, ctx.env).date;
  // The product catalogue (names, prices, specifications): a part of every document that declares it.
  const { catalogFileOf } = await import('../data/catalog.js');
  const catalogFile = catalogFileOf(ctx.dataDir);
  const catalogPart = catalogFile ? ((await hashFile(catalogFile)) ?? 'missing') : 'none';
  if (catalogFile && !opts.asOf) {
    const { loadCatalog } = await import('../data/catalog.js');
    diagnostics.push(...(await loadCatalog(ctx.dataDir, displayPath)).diagnostics);
  }

  const dealDocuments = dealDocumentTypes();
  const wanted = (doc: string) => !opts.documents?.length || opts.documents.includes(doc);

  let ledgerState: LedgerState | undefined;
  const ledger = async () => (ledgerState ??= await loadLedgerState(ctx, manifest));

  const candidates: { spec: JobSpec; parts: Record<string, string> }[] = [];

  // Manifest records by deal file, so each file is matched without scanning every record.
  const recordsBySource = new Map<string, JobRecord[]>();
  for (const r of Object.values(manifest.jobs)) if (r.kind === 'deal' && r.source) recordsBySource.set(r.source, [...(recordsBySource.get(r.source) ?? []), r]);

  const keep = new Set<string>();
  if (!opts.asOf) {
    const failedStems = new Set<string>();
    const failedSources = new Set<string>();
    const read: { file: string; shown: string; source: string; sourceHash: string; info: { dealId: string; customerId?: string; explicitDate: boolean } }[] = [];
    const onlyBytes = opts.only?.length ? opts.only.map((id) => Buffer.from(id)) : undefined;
    for (const file of await discoverDeals(ctx.dataDir)) {
      const shown = displayPath(file);
      const source = relative(ctx.dataDir, file);
      let bytes: Buffer;
      try {
        bytes = readFileSync(file);
      } catch (e) {
        // Unreadable (EACCES, EISDIR, EIO…): that file's diagnostic; the others still build.
        diagnostics.push(fsDiagnostic(e, file));
        failedStems.add(basename(file).replace(/\.[^.]+$/, ''));
        failedSources.add(source);
        continue;
      }
      const sourceHash = sha256(bytes);
      // Reuse what the last build learned about an unchanged file; parse only what changed.
      const known = (recordsBySource.get(source) ?? []).filter((r) => r.sourceHash === sourceHash);
      const last = known[0];
      if (last?.dealId !== undefined && known.length === dealDocuments.length && !opts.force) {
        read.push({ file, shown, source, sourceHash, info: { dealId: last.dealId, customerId: last.customerId, explicitDate: last.parts.date === 'explicit' } });
        continue;
      }
      // `--only`: a file not named after one of the ids (a deal without `id:` takes its file's name)
      // that spells none of them out (an id written with escapes has a backslash) cannot be one of
      // them: it is not parsed, and its own problems are not this build's.
      if (onlyBytes && !opts.only?.includes(basename(file).replace(/\.[^.]+$/, '')) && !mentionsAny(bytes, onlyBytes)) continue;
      // Loaded only when a deal file changed: a no-op build parses nothing. Read with the job's
      // options (the config's font chain too), so a job in this thread reuses the memoised result
      // instead of parsing the file again, and planning checks glyphs against the fonts that print.
      const { readDeal } = await import('../data/deals/read.js');
      const result = await readDeal(file, shown, { defaultLocale: ctx.config.locale, fonts: ctx.fonts }, bytes);
      diagnostics.push(...result.diagnostics);
      if (!result.deal) {
        failedStems.add(basename(file).replace(/\.[^.]+$/, ''));
        failedSources.add(source);
        continue;
      }
      const deal: Deal = result.deal;
      read.push({ file, shown, source, sourceHash, info: { dealId: deal.id, customerId: deal.customer.id, explicitDate: Boolean(deal.date) } });
    }
    // One owner per id: every claimant of a shared id is reported and none is built.
    const clashes = idClashes(read.map((r) => ({ id: r.info.dealId, file: r.shown, path: r.file })));
    diagnostics.push(...clashes.diagnostics);
    const clashSources = new Set(read.filter((r) => clashes.contested.has(r.info.dealId)).map((r) => r.source));
    // Documents whose deal file failed to read or is in a clash keep their last good version.
    for (const [id, r] of Object.entries(manifest.jobs)) {
      if (r.kind !== 'deal') continue;
      if ((r.source && (failedSources.has(r.source) || clashSources.has(r.source))) || (r.dealId && clashes.contested.has(r.dealId))) keep.add(id);
    }
    const seenIds = new Set(read.map((r) => r.info.dealId));
    for (const { file, shown, sourceHash, info } of read) {
      if (clashes.contested.has(info.dealId)) continue;
      if (opts.only?.length && !opts.only.includes(info.dealId)) continue;
      for (const doc of dealDocuments) {
        if (!wanted(doc.id)) continue;
        const id = dealJobId(info.dealId, doc.id);
        const record = manifest.jobs[id];
        // The parts are the inputs the document declares in the registry.
        const parts: Record<string, string> = { ...global, template: await templateOf(doc.template), source: sourceHash, date: info.explicitDate ? 'explicit' : defaultDate };
        if (doc.inputs.includes('catalog')) parts.catalog = catalogPart;
        Object.assign(parts, await assetParts(ctx.dataDir, record?.deps ?? []));
        if (doc.inputs.includes('customer-ledger')) parts.ledger = await customerLedgerPart(await ledger(), info.customerId, record);
        candidates.push({ spec: { id, kind: 'deal', doc: doc.id, dealId: info.dealId, file, displayPath: shown, formats: ctx.options.formats }, parts });
      }
    }
    for (const id of opts.only ?? []) {
      if (!seenIds.has(id) && !failedStems.has(id)) diagnostics.push(new Diagnostic({ file: displayPath(join(ctx.dataDir, 'deals')), rule: 'only', message: `no deal with id "${id}"` }));
    }
  }

  let ledgerRecord: LedgerRecord | undefined = manifest.ledger;
  const report = ledgerDocumentType();
  if ((!opts.only?.length || opts.asOf) && wanted(report.id)) {
    const state = await ledger();
    diagnostics.push(...state.diagnostics);
    const reports = await reportJobs(ctx, state, opts.asOf);
    for (const job of reports.jobs) {
      candidates.push({ spec: job.spec, parts: { ...global, template: await templateOf(report.template), ledger: job.ledgerPart } });
    }
    ledgerRecord = { rawHash: state.rawHash, ok: state.ok, configHash: await configHashOf(ctx), months: reports.months ?? (state.rawHash === manifest.ledger?.rawHash ? manifest.ledger?.months : undefined) };
  }

  const jobs: PlannedJob[] = [];
  for (const c of candidates) {
    if (opts.shard && shardOf(c.spec.id, opts.shard[1]) !== opts.shard[0]) continue;
    const record = manifest.jobs[c.spec.id];
    const reason = opts.force ? 'forced (--force)' : await staleReason(ctx, c.spec, c.parts, record, opts.verifyOutputs);
    // Only the ledger rows changed and the outputs are as written: the job renders only if the
    // figures it prints changed (it compares their hash with the one recorded here).
    if (reason && record?.modelHash && onlyLedgerChanged(c.parts, record) && !(await outputProblem(ctx, c.spec, record, opts.verifyOutputs))) c.spec.unchangedIf = record.modelHash;
    jobs.push({ ...c, reason });
  }
  return {
    jobs,
    diagnostics,
    ledger: ledgerRecord,
    keep,
    complete: !opts.only?.length && !opts.asOf && !opts.shard && !opts.documents?.length && registeredFormats().every((f) => ctx.options.formats.includes(f)),
  };
}

const PART_NAMES: Record<string, string> = {
  version: 'dealdoc changed',
  config: 'config changed',
  fonts: 'fonts changed',
  formats: 'formats changed',
  template: 'template changed',
  source: 'deal file changed',
  date: 'document date changed',
  ledger: 'ledger rows changed',
  catalog: 'catalogue changed',
};

async function staleReason(ctx: BuildContext, spec: JobSpec, parts: Record<string, string>, record: JobRecord | undefined, verify = false): Promise<string | undefined> {
  if (!record) return 'new';
  const changed = changedParts(parts, record);
  if (changed.length) return changed.map((k) => PART_NAMES[k] ?? `${k.replace(/^asset:/, 'asset ')} changed`).join(', ');
  return outputProblem(ctx, spec, record, verify);
}

/** Names of the parts that differ from the record (an asset the job no longer declares does not count). */
function changedParts(parts: Record<string, string>, record: JobRecord): string[] {
  return Object.keys({ ...parts, ...record.parts }).filter((k) => parts[k] !== record.parts[k] && !(k.startsWith('asset:') && !(k in parts)));
}

/** Whether a deal file's bytes contain one of these ids literally, or a backslash (an escaped one). */
function mentionsAny(bytes: Buffer, ids: readonly Buffer[]): boolean {
  return bytes.includes(0x5c) || ids.some((id) => bytes.includes(id));
}

function onlyLedgerChanged(parts: Record<string, string>, record: JobRecord): boolean {
  const changed = changedParts(parts, record);
  return changed.length === 1 && changed[0] === 'ledger';
}

/** Why the recorded outputs cannot stand as they are (missing, modified), or undefined. */
async function outputProblem(ctx: BuildContext, spec: JobSpec, record: JobRecord, verify = false): Promise<string | undefined> {
  for (const rel of outputPaths(spec)) {
    const rec = record.outputs[rel];
    if (!rec) return `${rel} not built yet`;
    const info = statOrUndefined(join(ctx.outDir, rel));
    if (!info) return `${rel} missing`;
    // build trusts size + mtime (a no-op build reads no output); check hashes every byte.
    if (verify || info.size !== rec.size || Math.round(info.mtimeMs) !== Math.round(rec.mtimeMs)) {
      const now = await hashFile(join(ctx.outDir, rel));
      if (now !== rec.sha256) return `${rel} modified since it was built`;
    }
  }
  return undefined;
}
