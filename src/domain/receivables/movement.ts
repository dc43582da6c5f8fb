/**
 * The allowance movement (rule 5, notes §3.12): write-offs use the allowance, recoveries restore it,
 * and the charge is the plug that brings it to the required closing figure:
 *   Δ = required − (opening − write-offs + recoveries); Δ > 0 → 本期计提, Δ < 0 → 本期转回.
 * A foreign-currency write-off removes the receivable's carrying amount: it is converted at the
 * carrying rate (previous month end's rate, or the invoice-date rate when the invoice was booked in
 * the period — fx-period.ts). A recovery reinstates the amount at the rate of its own date (the cash
 * comes in that day). Each is rounded half-up to the cent. Exchange differences are never here.
 */
import { ZERO, cents, sum, type Decimal } from '../money.js';
import type { IsoDate } from '../dates.js';
import type { RateLookup } from './fx.js';
import { carryingRate } from './fx-period.js';
import { missingFx, type LedgerFinding } from './findings.js';
import type { Invoice, Ledger, Movement, ProvisionResult } from './types.js';

export function computeMovement(opening: Decimal, required: Decimal, writeOffs: Decimal, recoveries: Decimal): Movement {
  const delta = required.minus(opening.minus(writeOffs).plus(recoveries));
  const charge = delta.isPositive() ? delta : ZERO;
  const reversal = delta.isNegative() ? delta.negated() : ZERO;
  const closing = required;
  return {
    opening,
    charge,
    reversal,
    writeOffs,
    recoveries,
    closing,
    balanced: opening.plus(charge).minus(reversal).minus(writeOffs).plus(recoveries).eq(closing),
  };
}

type PeriodAdjustment = NonNullable<ProvisionResult['periodAdjustments']>[number];

/** Write-offs and recoveries dated in [periodStart, asOf], in CNY. `l` is the ledger cut at asOf. */
export function periodAdjustments(
  l: Ledger,
  periodStart: IsoDate,
  prev: IsoDate,
  asOf: IsoDate,
  rates: RateLookup,
  names: Map<string, string>,
  findings: LedgerFinding[],
): { items: PeriodAdjustment[]; writeOffs: Decimal; recoveries: Decimal } {
  const invoices = new Map<string, Invoice>(l.invoices.map((i) => [i.invoiceNo, i]));
  const items: PeriodAdjustment[] = [];
  for (const a of l.adjustments) {
    if (a.kind === 'credit_note' || a.date < periodStart) continue;
    const inv = invoices.get(a.invoiceNo);
    if (!inv) continue; // cannot happen for a validated ledger: adjustments are dated on or after their invoice
    const rate = a.kind === 'write_off' ? carryingRate(inv, prev, asOf, rates) : rates.rateAt(inv.currency, a.date)?.rate;
    if (!rate) {
      findings.push(missingFx(a.source, inv.currency, asOf, `${a.kind} of invoice ${inv.invoiceNo}`, a.amount));
      continue;
    }
    items.push({
      kind: a.kind,
      invoiceNo: inv.invoiceNo,
      customerId: inv.customerId,
      customerName: names.get(inv.customerId) ?? inv.customerName,
      date: a.date,
      currency: inv.currency,
      amount: a.amount,
      amountCny: cents(a.amount.times(rate)),
      rate,
    });
  }
  items.sort((a, b) => cmp(a.date, b.date) || cmp(a.invoiceNo, b.invoiceNo) || cmp(a.kind, b.kind) || a.amount.comparedTo(b.amount));
  return {
    items,
    writeOffs: sum(items.filter((i) => i.kind === 'write_off').map((i) => i.amountCny)),
    recoveries: sum(items.filter((i) => i.kind === 'recovery').map((i) => i.amountCny)),
  };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
