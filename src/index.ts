/**
 * dealdoc as a library — what a program that embeds dealdoc needs. The CLI is a thin layer over
 * these functions (src/cli/). Paths are relative to the working directory, as on the command line.
 *
 * ```ts
 * import { build, validate, loadDeal, renderDocument } from 'dealdoc';
 * const summary = await build({ data: 'data', out: 'out' });
 * ```
 */
import { resolve } from 'node:path';
import { build as runBuild, check as runCheck, exitCode, type BuildSummary } from './pipeline/build.js';
import { createContext } from './pipeline/context.js';
import type { Deal } from './data/deal-schema.js';
import type { BuiltinDealDocumentId } from './documents/registry.js';
import { readDeal, type ReadDealResult } from './data/deals/read.js';
import { Diagnostic, hasErrors, sortDiagnostics } from './diagnostics.js';
import { outDirProblem } from './pipeline/outdir.js';
import type { Format } from './writers/types.js';

export { Diagnostic, type Lang, type Severity } from './diagnostics.js';
export type { Deal, DealInput, DealData } from './data/deal-schema.js';
export { dealSchema } from './data/deal-schema.js';
export { dealJsonSchema } from './data/json-schema.js';
export type { Config } from './config/schema.js';
export type { BuildSummary } from './pipeline/build.js';
export type { Format } from './writers/types.js';
export type { ReadDealResult } from './data/deals/read.js';

export interface ProjectOptions {
  /** Data folder (deals/, receivables/, assets/). Default `data`. */
  data?: string;
  /** Config file. Default `dealdoc.config.yaml` in the working directory, if present. */
  config?: string;
}

export interface BuildOptions extends ProjectOptions {
  /** Output folder. Default `out`. */
  out?: string;
  /** Only these deal ids (no receivables reports). */
  only?: string[];
  /** Formats to write. Default all. */
  formats?: Format[];
  /** Only the receivables report for exactly this date (YYYY-MM-DD). */
  asOf?: string;
  /** Rebuild everything. */
  force?: boolean;
  /** Worker threads (default: the number of cores). */
  jobs?: number;
  /** `[i, n]`: a stable, balanced 1/n of the outputs. */
  shard?: [number, number];
}

const ALL_FORMATS: Format[] = ['pdf', 'docx', 'xlsx'];

const requestOf = (o: BuildOptions) => ({
  dataDir: o.data ?? 'data',
  outDir: o.out ?? 'out',
  configPath: o.config,
  only: o.only,
  formats: o.formats ?? ALL_FORMATS,
  asOf: o.asOf,
  force: o.force,
  jobs: o.jobs,
  shard: o.shard,
});

/** Render every document that is missing or out of date. `ok` is false when any input was invalid. */
export async function build(options: BuildOptions = {}): Promise<BuildSummary & { ok: boolean }> {
  // The CLI's --out rules hold here too: never the data or project folder, `/`, or a file.
  const request = requestOf(options);
  const outProblem = outDirProblem(request.outDir, { dataDir: request.dataDir, configPath: request.configPath });
  if (outProblem) {
    const diagnostic = new Diagnostic({ file: request.outDir, rule: 'out-folder', message: outProblem.replace(/^--out /, 'out: ') });
    return { built: [], skipped: [], failed: [], removed: [], explain: [], diagnostics: [diagnostic], ok: false };
  }
  const summary = await runBuild(request);
  return { ...summary, ok: exitCode(summary) === 0 };
}

/** What a build would do, writing nothing: stale outputs and invalid inputs. */
export async function check(options: BuildOptions = {}): Promise<{ ok: boolean; stale: { id: string; reason: string }[]; diagnostics: Diagnostic[] }> {
  const result = await runCheck(requestOf(options));
  return { ...result, ok: !hasErrors(result.diagnostics) && result.stale.length === 0 };
}

export interface ValidateResult {
  ok: boolean;
  deals: Deal[];
  diagnostics: Diagnostic[];
}

/** Check deal files, config and ledger; write nothing. */
export async function validate(options: ProjectOptions = {}): Promise<ValidateResult> {
  const { ctx, diagnostics } = createContext({ dataDir: options.data ?? 'data', outDir: 'out', configPath: options.config, formats: [] });
  const all = [...diagnostics];
  let deals: Deal[] = [];
  if (ctx) {
    const { loadDeals } = await import('./pipeline/deal-documents.js');
    const { validateLedger } = await import('./pipeline/reports.js');
    const loaded = await loadDeals(ctx);
    deals = loaded.deals;
    all.push(...loaded.diagnostics, ...(await validateLedger(ctx)));
  }
  const sorted = sortDiagnostics(all);
  return { ok: !hasErrors(sorted), deals, diagnostics: sorted };
}

/** Read and validate one deal file (`.md`, `.json`, `.yaml`, `.yml`). */
export async function loadDeal(file: string, options: { locale?: 'zh-CN' | 'en'; checkGlyphs?: boolean } = {}): Promise<ReadDealResult> {
  return readDeal(resolve(file), file, { defaultLocale: options.locale ?? 'zh-CN', checkGlyphs: options.checkGlyphs });
}

/** A document made from each deal (documents/registry.ts). */
export type DealDocumentName = BuiltinDealDocumentId;

/**
 * Render one document of one deal to bytes, without touching `out/`: for a server or a preview.
 * `deal` is a file path or a deal from `loadDeal`.
 */
export async function renderDocument(
  deal: string | Deal,
  document: DealDocumentName,
  format: 'pdf' | 'docx',
  options: ProjectOptions = {},
): Promise<{ bytes?: Buffer; diagnostics: Diagnostic[] }> {
  const { ctx, diagnostics } = createContext({ dataDir: options.data ?? 'data', outDir: 'out', configPath: options.config, formats: [format] });
  if (!ctx) return { diagnostics };
  let loaded: Deal;
  if (typeof deal === 'string') {
    const read = await readDeal(resolve(deal), deal, { defaultLocale: ctx.config.locale, fonts: ctx.fonts });
    if (!read.deal) return { diagnostics: [...diagnostics, ...read.diagnostics] };
    loaded = read.deal;
  } else loaded = deal;
  const { dealDocument, planDealDocument } = await import('./pipeline/deal-documents.js');
  const { composePlan, renderTree } = await import('./pipeline/render.js');
  const planned = await planDealDocument(dealDocument(document), loaded, ctx);
  const all = [...diagnostics, ...planned.diagnostics];
  if (hasErrors(all)) return { diagnostics: all };
  const bytes = await renderTree(composePlan(planned.plan, ctx), planned.plan, format, ctx);
  return { bytes, diagnostics: all };
}
