/** Receivables: one provisioning report per month end (or the --as-of date). Wired in once the ledger engine lands. */
import type { BuildContext } from './context.js';
import type { BuildSummary } from './build.js';

export async function buildReports(_ctx: BuildContext, _summary: BuildSummary, _log: (line: string) => void): Promise<void> {}

/** Ledger diagnostics without rendering (for `dealdoc validate`). */
export async function validateLedger(_ctx: BuildContext): Promise<import('../diagnostics.js').Diagnostic[]> {
  return [];
}
