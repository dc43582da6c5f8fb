/** Receivables reports: render one provisioning report; a customer's payment record; ledger validation. */
import { readFile } from 'node:fs/promises';
import { extname, relative, sep } from 'node:path';
import type { Root } from 'mdast';
import type { Format } from '../writers/types.js';
import { Diagnostic, InputError } from '../diagnostics.js';
import { toUtcDate } from '../domain/dates.js';
import { computeProvision, monthEnds } from '../domain/receivables/index.js';
import { withLedgerDiagnostics } from '../data/ledger/findings.js';
import { compose } from '../compose/index.js';
import type { BuildContext } from './context.js';
import { displayPath } from './deals.js';
import { outputPaths, type JobSpec } from './job-spec.js';
import { ledgerDocumentType } from '../documents/registry.js';
import { ledgerDir as ledgerDirOf, loadLedgerState, parsed, shorten } from './ledger-state.js';
import { renderTree } from './render.js';
import { modelHash, sha256 } from './hash.js';

/**
 * The ledger files as the report names them: relative to the data folder (never a machine path, so
 * the same data built anywhere gives the same bytes), each with the SHA-256 of its bytes (audit trail).
 */
async function dataSources(dataDir: string, files: string[]): Promise<string[]> {
  const out = await Promise.all(files.map(async (f) => `${relative(dataDir, f).split(sep).join('/')} (sha256:${sha256(await readFile(f))})`));
  return out.sort();
}

// A customer's payment record for the SWOT brief (cached in out/.dealdoc; see ledger-cache.ts).
export { paymentRecordFor } from './ledger-cache.js';

export async function executeReport(spec: Extract<JobSpec, { kind: 'report' }>, ctx: BuildContext): Promise<{ files: { path: string; bytes: Buffer }[]; diagnostics: Diagnostic[]; modelHash?: string; unchanged?: boolean }> {
  const state = await parsed(ctx, await loadLedgerState(ctx));
  if (!state.ledger) return { files: [], diagnostics: state.diagnostics };
  let result;
  try {
    result = withLedgerDiagnostics(computeProvision, state.ledger, ctx.config.provisioning, spec.asOf);
  } catch (e) {
    if (e instanceof InputError) return { files: [], diagnostics: e.diagnostics.map(shorten) };
    throw e;
  }
  // With config, templates and code unchanged (the planner says so by setting unchangedIf), the
  // report is a function of these figures (and of the ledger files' hashes it lists as sources,
  // which, like the rows after its date, do not make it rebuild): equal figures, nothing to write.
  const hash = modelHash(result, ctx.dataDir);
  if (spec.unchangedIf && hash === spec.unchangedIf) return { files: [], diagnostics: [], modelHash: hash, unchanged: true };
  const context = {
    company: ctx.config.company,
    policy: ctx.config.provisioning,
    locale: ctx.config.locale,
    brandColor: ctx.config.brand_color,
    created: toUtcDate(spec.asOf),
    ledgerFiles: await dataSources(ctx.dataDir, state.ledger.files),
  };
  // Figures that do not reconcile are a defect, not a report: refuse rather than print them.
  const report = await ledgerDocumentType().plan({ result, context });
  if (!report.reconciled) {
    return { files: [], diagnostics: [new Diagnostic({ file: displayPath(ledgerDirOf(ctx)), rule: 'reconcile', message: `report for ${spec.asOf} does not reconcile: ${report.mismatches.join('; ')}` })] };
  }
  const files: { path: string; bytes: Buffer }[] = [];
  // The report's tables are built once and feed both the document tree and the workbook.
  let tree: Root | undefined;
  // One output per format the document is written in, named by job-spec.ts from the registry.
  for (const path of outputPaths(spec)) {
    const format = extname(path).slice(1) as Format;
    const bytes = format === 'xlsx' ? await (await import('../writers/xlsx/index.js')).renderXlsx(report.workbook()) : await renderTree((tree ??= compose(report.plan(), ctx.templates)), report.plan(), format, ctx);
    files.push({ path, bytes });
  }
  return { files, diagnostics: [], ...(hash ? { modelHash: hash } : {}) };
}

/** One screen on what the ledger holds (for `dealdoc validate`); undefined without a readable ledger. */
export async function ledgerSummaryLines(ctx: BuildContext): Promise<string[] | undefined> {
  const state = await parsed(ctx, await loadLedgerState(ctx));
  if (!state.ledger) return undefined;
  const { ledgerSummary } = await import('../domain/receivables/summary.js');
  return ledgerSummary(state.ledger, (f) => relative(ctx.dataDir, f).split(sep).join('/'));
}

/** Ledger diagnostics without rendering (for `dealdoc validate`): reading, and every month end's computation. */
export async function validateLedger(ctx: BuildContext): Promise<Diagnostic[]> {
  const state = await parsed(ctx, await loadLedgerState(ctx));
  if (!state.ledger) return state.diagnostics;
  const out: Diagnostic[] = [...state.diagnostics];
  for (const d of monthEnds(state.ledger, ctx.config.provisioning)) {
    try {
      withLedgerDiagnostics(computeProvision, state.ledger, ctx.config.provisioning, d);
    } catch (e) {
      if (e instanceof InputError) out.push(...e.diagnostics.map(shorten));
      else throw e;
    }
  }
  const seen = new Set<string>();
  return out.filter((d) => (seen.has(d.format()) ? false : (seen.add(d.format()), true)));
}
