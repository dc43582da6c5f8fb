/**
 * A customer's payment record (for the SWOT brief and any command that asks): the same evaluation
 * as the monthly report, run on the customer's own rows — a customer's figures depend only on its
 * own invoices, receipts and adjustments (credits never cross customers), plus rates and 单项 items.
 */
import { daysBetween, type IsoDate } from '../dates.js';
import { roundCount } from '../money.js';
import { evaluateAt, type Policy } from './evaluate.js';
import { bucketTotals } from './totals.js';
import type { CustomerPaymentRecord, Ledger } from './types.js';

export function ledgerOfCustomer(ledger: Ledger, customerId: string): Ledger {
  const invoices = ledger.invoices.filter((i) => i.customerId === customerId);
  const nos = new Set(invoices.map((i) => i.invoiceNo));
  return {
    invoices,
    payments: ledger.payments.filter((p) => (p.invoiceNo !== undefined ? nos.has(p.invoiceNo) : p.customerId === customerId)),
    adjustments: ledger.adjustments.filter((a) => nos.has(a.invoiceNo)),
    fx: ledger.fx,
    specific: ledger.specific.filter((s) => nos.has(s.invoiceNo)),
    files: ledger.files,
  };
}

export function customerPaymentRecord(ledger: Ledger, policy: Policy, customerId: string, asOf: IsoDate): CustomerPaymentRecord {
  const e = evaluateAt(ledgerOfCustomer(ledger, customerId), policy, asOf);
  const lines = e.snapshot.lines;
  const byBucket = bucketTotals(lines, e.defs, { includeSpecific: true });
  // Fully paid = nothing left, at least one receipt applied, nothing written off. Paid on the date
  // of the last application that settled it; paying early counts as 0 days late, not negative.
  const late: number[] = [];
  for (const s of e.allocation.states) {
    if (!s.invoice.amount.isPositive() || !s.outstanding.isZero() || !s.writtenOff.isZero()) continue;
    const cash = s.applications.filter((a) => a.kind !== 'credit_note');
    if (!cash.length) continue;
    const paidOn = s.applications.map((a) => a.date).reduce((m, d) => (d > m ? d : m));
    late.push(Math.max(0, daysBetween(s.invoice.dueDate, paidOn)));
  }
  return {
    customerId,
    asOf,
    outstanding: e.snapshot.totals.balance,
    overdue: e.snapshot.totals.overdue,
    byBucket,
    provision: e.snapshot.totals.provision,
    ...(late.length ? { averageDaysLate: roundCount(late.reduce((a, b) => a + b, 0) / late.length, 1) } : {}),
    paidInvoices: late.length,
  };
}
