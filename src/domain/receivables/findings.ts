/**
 * What the computation finds wrong with the ledger it was given, as plain data: a foreign-currency
 * amount with no rate on or before D, pointing at the row that needs it. The domain builds no
 * diagnostics (it knows no reporter); `data/ledger/findings.ts` turns these into Diagnostics,
 * field for field.
 */
import { formatMoney, type Decimal } from '../money.js';
import type { IsoDate } from '../dates.js';
import type { SourceRef } from './types.js';

export interface LedgerFinding {
  file: string;
  line: number;
  /** The column as written in the file (e.g. 币种), else the canonical field. */
  field: string;
  rule: 'ledger/missing-fx';
  message: string;
}

/** Thrown by the computation when it cannot value the ledger at D; carries every finding of that run. */
export class LedgerFindings extends Error {
  constructor(readonly findings: LedgerFinding[]) {
    super(findings.map((f) => `${f.file}:${f.line}: ${f.message} (${f.field})`).join('\n'));
    this.name = 'LedgerFindings';
  }
}

export function missingFx(source: SourceRef, currency: string, asOf: IsoDate, what: string, amount: Decimal): LedgerFinding {
  return {
    file: source.file,
    line: source.line,
    field: source.columns?.currency ?? 'currency',
    rule: 'ledger/missing-fx',
    message: `no ${currency} rate dated on or before ${asOf} in fx (needed for ${what}, ${currency} ${formatMoney(amount)})`,
  };
}
