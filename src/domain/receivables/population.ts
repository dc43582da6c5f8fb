/**
 * Rule 1 of the issue: a report for D reads nothing dated after D. Every computation starts from
 * ledgerInputsUpTo(ledger, D), so a past month's figures cannot change when later rows arrive,
 * and ledgerFingerprint gives the build a key that changes only when such rows change.
 */
import { createHash } from 'node:crypto';
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

/**
 * sha256 of the rows that can affect the as-of date, in a canonical text form. Source positions
 * are left out (moving a row does not change a figure); values are written as exact decimal text.
 */
export function ledgerFingerprint(ledger: Ledger, asOf: IsoDate): string {
  const l = ledgerInputsUpTo(ledger, asOf);
  const rows: string[] = [
    ...l.invoices.map((i) => ['I', i.invoiceNo, i.customerId, i.customerName, i.invoiceDate, i.dueDate, i.dueDateMissing, i.terms ?? '', i.currency, i.amount.toFixed(), i.rep]),
    ...l.payments.map((p) => ['P', p.paymentNo, p.invoiceNo ?? '', p.customerId ?? '', p.date, p.amount.toFixed(), p.currency ?? '']),
    ...l.adjustments.map((a) => ['A', a.date, a.invoiceNo, a.kind, a.amount.toFixed()]),
    ...l.fx.map((r) => ['F', r.date, r.currency, r.rate.toFixed()]),
    ...l.specific.map((s) => ['S', s.invoiceNo, s.rate.toFixed(), s.reason, s.date ?? '']),
  ].map((r) => JSON.stringify(r));
  // Sorted so that row order in the files does not matter; the computation does not depend on it either.
  rows.sort();
  return createHash('sha256').update(rows.join('\n')).digest('hex');
}
