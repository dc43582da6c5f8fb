/**
 * Receivables: the ledger as a build input, and one provisioning report per month end (or the
 * --as-of date). A report's input is the set of ledger rows dated on or before its date, so a
 * month's report does not rebuild when only later months' rows change.
 */
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { findLedgerFiles, readLedger } from '../data/ledger/index.js';
import { Diagnostic, InputError } from '../diagnostics.js';
import { isMonthEnd, toUtcDate, type IsoDate } from '../domain/dates.js';
import { computeProvision, ledgerFingerprint, ledgerOfCustomer, monthEnds, customerPaymentRecord } from '../domain/receivables/index.js';
import type { CustomerPaymentRecord, Ledger } from '../domain/receivables/types.js';
import { planProvisionReport, workbookForProvisionReport } from '../documents/provision-report/index.js';
import { compose } from '../compose/index.js';
import { renderXlsx } from '../writers/xlsx/index.js';
import type { BuildContext } from './context.js';
import { displayPath } from './deals.js';
import { hashParts, sha256 } from './hash.js';
import type { JobSpec } from './jobs.js';
import type { JobRecord, Manifest } from './manifest.js';
import { renderTree } from './render.js';

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

async function rawHashOf(ctx: BuildContext): Promise<{ hash: string; present: boolean }> {
  const found = await findLedgerFiles(ledgerDir(ctx));
  if (!found.files.length) return { hash: 'none', present: false };
  const parts: Record<string, string> = {};
  for (const f of found.files) parts[relative(ctx.dataDir, f.file)] = sha256(await readFile(f.file));
  return { hash: hashParts(parts), present: true };
}

/** Parse the ledger only when its bytes changed since the last (successful) build. */
export async function loadLedgerState(ctx: BuildContext, manifest?: Manifest): Promise<LedgerState> {
  const raw = await rawHashOf(ctx);
  if (!raw.present) {
    // No ledger folder at all: a sales-only setup, nothing to report. A folder without its files is an error.
    const found = await findLedgerFiles(ledgerDir(ctx));
    const noFolder = found.diagnostics.some((d) => d.ruleId === 'ledger/folder');
    return { rawHash: 'none', ok: noFolder, present: false, diagnostics: noFolder ? [] : found.diagnostics.map(shorten) };
  }
  const cached = cache.get(raw.hash);
  if (cached) return cached;
  if (manifest?.ledger?.ok && manifest.ledger.rawHash === raw.hash && !ctx.options.asOf) {
    return { rawHash: raw.hash, ok: true, present: true, diagnostics: [], fromManifest: manifest };
  }
  const read = await readLedger(ledgerDir(ctx), { functionalCurrency: ctx.config.provisioning.functional_currency });
  const state: LedgerState = { rawHash: raw.hash, ok: Boolean(read.ledger), present: true, ledger: read.ledger, diagnostics: read.diagnostics.map(shorten) };
  cache.set(raw.hash, state);
  return state;
}

function shorten(d: Diagnostic): Diagnostic {
  d.file = displayPath(String(d.file));
  return d;
}

async function parsed(ctx: BuildContext, state: LedgerState): Promise<LedgerState> {
  if (state.ledger || !state.fromManifest) return state;
  cache.delete(state.rawHash);
  const read = await readLedger(ledgerDir(ctx), { functionalCurrency: ctx.config.provisioning.functional_currency });
  const full: LedgerState = { rawHash: state.rawHash, ok: Boolean(read.ledger), present: true, ledger: read.ledger, diagnostics: read.diagnostics.map(shorten) };
  cache.set(state.rawHash, full);
  return full;
}

export function reportDir(asOf: IsoDate): string {
  return isMonthEnd(asOf) ? asOf.slice(0, 7) : asOf;
}

export async function reportJobs(ctx: BuildContext, state: LedgerState, asOf?: string): Promise<{ spec: JobSpec; ledgerPart: string }[]> {
  if (!state.present || !state.ok) return [];
  const formats = ctx.options.formats;
  const spec = (d: IsoDate): JobSpec => ({ id: `receivables/${reportDir(d)}`, kind: 'report', asOf: d, dir: reportDir(d), formats });
  if (state.fromManifest && !asOf) {
    const records = Object.entries(state.fromManifest.jobs).filter(([, r]) => r.kind === 'report' && r.asOf && isMonthEnd(r.asOf as IsoDate));
    const configPart = records[0]?.[1].parts.config;
    // Reuse the month list only when the config (which may set periods) did not change either.
    if (records.length && records.every(([, r]) => r.parts.config === configPart)) {
      const currentConfig = ctx.configFile ? sha256(await readFile(ctx.configFile)) : 'default';
      if (currentConfig === configPart) return records.map(([, r]) => ({ spec: spec(r.asOf as IsoDate), ledgerPart: r.parts.ledger }));
    }
  }
  const full = await parsed(ctx, state);
  if (!full.ledger) return [];
  const dates = asOf ? [asOf as IsoDate] : monthEnds(full.ledger, ctx.config.provisioning);
  return dates.map((d) => ({ spec: spec(d), ledgerPart: ledgerFingerprint(full.ledger!, d) }));
}

/** The ledger rows a deal's brief shows: that customer's, up to the brief's as-of date. */
export async function customerLedgerPart(state: LedgerState, customerId: string | undefined, record: Pick<JobRecord, 'asOf' | 'parts'> | undefined): Promise<string> {
  if (!customerId || !state.present || !state.ok) return 'none';
  if (state.fromManifest) return record?.parts?.ledger ?? 'unknown';
  if (!state.ledger || !record?.asOf) return 'unknown';
  return ledgerFingerprint(ledgerOfCustomer(state.ledger, customerId), record.asOf as IsoDate);
}

/** A customer's payment record for the SWOT brief, from the same computation as the report. */
export async function paymentRecordFor(ctx: BuildContext, customerId: string | undefined, asOf: IsoDate): Promise<CustomerPaymentRecord | undefined> {
  if (!customerId) return undefined;
  const state = await parsed(ctx, await loadLedgerState(ctx));
  if (!state.ledger || !state.ledger.invoices.some((i) => i.customerId === customerId)) return undefined;
  try {
    return customerPaymentRecord(state.ledger, ctx.config.provisioning, customerId, asOf);
  } catch (e) {
    if (e instanceof InputError) return undefined;
    throw e;
  }
}

export async function executeReport(spec: Extract<JobSpec, { kind: 'report' }>, ctx: BuildContext): Promise<{ files: { path: string; bytes: Buffer }[]; diagnostics: Diagnostic[] }> {
  const state = await parsed(ctx, await loadLedgerState(ctx));
  if (!state.ledger) return { files: [], diagnostics: state.diagnostics };
  let result;
  try {
    result = computeProvision(state.ledger, ctx.config.provisioning, spec.asOf);
  } catch (e) {
    if (e instanceof InputError) return { files: [], diagnostics: e.diagnostics.map(shorten) };
    throw e;
  }
  const reportCtx = {
    company: ctx.config.company,
    policy: ctx.config.provisioning,
    locale: ctx.config.locale,
    brandColor: ctx.config.brand_color,
    created: toUtcDate(spec.asOf),
    ledgerFiles: state.ledger.files.map((f) => displayPath(f)),
  };
  const plan = planProvisionReport(result, reportCtx);
  const base = `receivables/${spec.dir}/provision-report`;
  const files: { path: string; bytes: Buffer }[] = [];
  const tree = spec.formats.some((f) => f !== 'xlsx') ? compose(plan, ctx.templates) : undefined;
  for (const format of spec.formats) {
    const bytes = format === 'xlsx' ? await renderXlsx(workbookForProvisionReport(result, reportCtx)) : await renderTree(tree!, plan, format, ctx);
    files.push({ path: `${base}.${format}`, bytes });
  }
  return { files, diagnostics: [] };
}

/** Ledger diagnostics without rendering (for `dealdoc validate`): reading, and every month end's computation. */
export async function validateLedger(ctx: BuildContext): Promise<Diagnostic[]> {
  const state = await parsed(ctx, await loadLedgerState(ctx));
  if (!state.ledger) return state.diagnostics;
  const out: Diagnostic[] = [...state.diagnostics];
  for (const d of monthEnds(state.ledger, ctx.config.provisioning)) {
    try {
      computeProvision(state.ledger, ctx.config.provisioning, d);
    } catch (e) {
      if (e instanceof InputError) out.push(...e.diagnostics.map(shorten));
      else throw e;
    }
  }
  const seen = new Set<string>();
  return out.filter((d) => (seen.has(d.format()) ? false : (seen.add(d.format()), true)));
}
