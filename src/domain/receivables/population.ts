/**
 * Rule 1 of the issue: a report for D reads nothing dated after D. Every computation starts from
 * ledgerInputsUpTo(ledger, D), so a past month's figures cannot change when later rows arrive.
 * (The build's key for such rows, ledgerFingerprint, lives in src/pipeline/ledger-fingerprint.ts.)
 */
import type { IsoDate } from '../dates.js';
import type { Ledger } from './types.js';

export function ledgerInputsUpTo(ledger: Ledger, asOf: IsoDate): Ledger {
  return {
    invoices: ledger.invoices.filter((i) => i.invoiceDate <= asOf),
    payments: ledger.payments.filter((p) => p.date <= asOf),
    adjustments: ledger.adjustments.filter((a) => a.date <= asOf),
    fx: ledger.fx.filter((r) => r.date <= asOf),
    // An undated assessment applies to every as-of date (it has no date to be "after").
    specific: ledger.specific.filter((s) => s.date === undefined || s.date <= asOf),
    files: ledger.files,
  };
}
