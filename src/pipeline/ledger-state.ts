/**
 * The ledger as a build input: its files' hash, and — only when that changed — the parsed rows.
 * A report's input is the set of ledger rows dated on or before its date, so a month's report
 * does not rebuild when only later months' rows change.
 */
import { readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { findLedgerFiles } from '../data/ledger/find.js';
import type { Diagnostic } from '../diagnostics.js';
import { isMonthEnd, type IsoDate } from '../domain/dates.js';
import { monthEnds } from '../domain/receivables/periods.js';
import { customerFingerprint, ledgerFingerprint } from './ledger-fingerprint.js';
import type { Ledger } from '../domain/receivables/types.js';
import type { BuildContext } from './context.js';
import { displayPath } from './deals.js';
import { hashParts, sha256 } from './hash.js';
import type { JobSpec } from './job-spec.js';
import type { JobRecord, Manifest } from './manifest.js';

async function readLedgerFiles(ctx: BuildContext) {
  const { readLedger } = await import('../data/ledger/index.js');
  return readLedger(ledgerDir(ctx), { functionalCurrency: ctx.config.provisioning.functional_currency, dateBounds: ctx.config.provisioning.date_bounds, env: ctx.env, ...(ctx.config.ledger ? { mapping: ctx.config.ledger } : {}) });
}

export interface LedgerState {
  /** Hash of the ledger files' bytes ('none' without a ledger folder). */
  rawHash: string;
  ok: boolean;
  present: boolean;
  ledger?: Ledger;
  diagnostics: Diagnostic[];
  /** Unchanged since the last build: figures come from the manifest, nothing was parsed. */
  fromManifest?: Manifest;
}

const cache = new Map<string, LedgerState>();

export function ledgerDir(ctx: BuildContext): string {
  return join(ctx.dataDir, ctx.config.provisioning.ledger_dir);
}

/** Each ledger file's hash with the stat it was taken under: a file whose size, times and inode are unchanged is not read again. */
const fileHashes = new Map<string, { stat: string; hash: string }>();

function fileHash(file: string): string {
  const info = statSync(file);
  const sig = `${info.size}:${info.mtimeMs}:${info.ctimeMs}:${info.ino}`;
  const known = fileHashes.get(file);
  if (known?.stat === sig) return known.hash;
  const hash = sha256(readFileSync(file));
  fileHashes.set(file, { stat: sig, hash });
  return hash;
}

/** The ledger files' hash ('none' without ledger files), without parsing them. */
export async function rawHashOf(ctx: BuildContext): Promise<{ hash: string; present: boolean }> {
  const found = await findLedgerFiles(ledgerDir(ctx), ctx.config.ledger);
  if (!found.files.length) return { hash: 'none', present: false };
  const parts: Record<string, string> = {};
  // Asked once per brief (each needs its payment record): hashing ~0.7 MB each time cost ~3 ms.
  for (const f of found.files) parts[relative(ctx.dataDir, f.file)] = fileHash(f.file);
  return { hash: hashParts(parts), present: true };
}

/** Parse the ledger only when its bytes changed since the last (successful) build. */
export async function loadLedgerState(ctx: BuildContext, manifest?: Manifest): Promise<LedgerState> {
  const raw = await rawHashOf(ctx);
  if (!raw.present) {
    // No ledger folder at all: a sales-only setup, nothing to report. A folder without its files is an error.
    const found = await findLedgerFiles(ledgerDir(ctx), ctx.config.ledger);
    const noFolder = found.diagnostics.some((d) => d.ruleId === 'ledger/folder');
    return { rawHash: 'none', ok: noFolder, present: false, diagnostics: noFolder ? [] : found.diagnostics.map(shorten) };
  }
  const cached = cache.get(raw.hash);
  if (cached) return cached;
  if (manifest?.ledger?.ok && manifest.ledger.rawHash === raw.hash && !ctx.options.asOf) {
    return { rawHash: raw.hash, ok: true, present: true, diagnostics: [], fromManifest: manifest };
  }
  const read = await readLedgerFiles(ctx);
  const state: LedgerState = { rawHash: raw.hash, ok: Boolean(read.ledger), present: true, ledger: read.ledger, diagnostics: read.diagnostics.map(shorten) };
  cache.set(raw.hash, state);
  return state;
}

export function shorten(d: Diagnostic): Diagnostic {
  d.file = displayPath(String(d.file));
  return d;
}

/** The parsed state for this ledger if this thread already parsed it (never parses). */
export function parsedIfLoaded(state: LedgerState): LedgerState | undefined {
  if (state.ledger) return state;
  const known = cache.get(state.rawHash);
  return known?.ledger ? known : undefined;
}

export async function parsed(ctx: BuildContext, state: LedgerState): Promise<LedgerState> {
  if (state.ledger || !state.fromManifest) return state;
  cache.delete(state.rawHash);
  const read = await readLedgerFiles(ctx);
  const full: LedgerState = { rawHash: state.rawHash, ok: Boolean(read.ledger), present: true, ledger: read.ledger, diagnostics: read.diagnostics.map(shorten) };
  cache.set(state.rawHash, full);
  return full;
}

export function reportDir(asOf: IsoDate): string {
  return isMonthEnd(asOf) ? asOf.slice(0, 7) : asOf;
}

export async function configHashOf(ctx: BuildContext): Promise<string> {
  return ctx.configFile ? sha256(readFileSync(ctx.configFile)) : 'default';
}

/**
 * The report jobs: one per month end (or the --as-of date), each with the hash of the ledger rows
 * dated on or before it. An unchanged ledger and config reuse the list recorded in the manifest.
 */
export async function reportJobs(ctx: BuildContext, state: LedgerState, asOf?: string): Promise<{ jobs: { spec: JobSpec; ledgerPart: string }[]; months?: { asOf: string; ledgerPart: string }[] }> {
  if (!state.present || !state.ok) return { jobs: [] };
  const formats = ctx.options.formats;
  const spec = (d: IsoDate): JobSpec => ({ id: `receivables/${reportDir(d)}`, kind: 'report', asOf: d, dir: reportDir(d), formats });
  const configHash = await configHashOf(ctx);
  const recorded = state.fromManifest?.ledger;
  if (state.fromManifest && !asOf && recorded?.months && recorded.configHash === configHash) {
    return { jobs: recorded.months.map((m) => ({ spec: spec(m.asOf as IsoDate), ledgerPart: m.ledgerPart })), months: recorded.months };
  }
  const full = await parsed(ctx, state);
  if (!full.ledger) return { jobs: [] };
  const dates = asOf ? [asOf as IsoDate] : monthEnds(full.ledger, ctx.config.provisioning);
  const months = dates.map((d) => ({ asOf: d as string, ledgerPart: ledgerFingerprint(full.ledger!, d) }));
  return { jobs: months.map((m) => ({ spec: spec(m.asOf as IsoDate), ledgerPart: m.ledgerPart })), months: asOf ? undefined : months };
}

/** The ledger rows a deal's brief shows: that customer's, up to the brief's as-of date. */
export async function customerLedgerPart(state: LedgerState, customerId: string | undefined, record: Pick<JobRecord, 'asOf' | 'parts'> | undefined): Promise<string> {
  if (!customerId || !state.present || !state.ok) return 'none';
  if (state.fromManifest) return record?.parts?.ledger ?? 'unknown';
  if (!state.ledger || !record?.asOf) return 'unknown';
  return customerFingerprint(state.ledger, customerId, record.asOf as IsoDate);
}

