/**
 * One InvoiceLine per open invoice: days overdue, bucket, CNY balance at D's rate rounded half-up
 * to the cent, then provision = round_half_up(balance × rate). Rounding happens here and nowhere
 * else: every total is a sum of these rounded figures.
 */
import { cents } from '../money.js';
import { daysBetween, type IsoDate } from '../dates.js';
import type { InvoiceState } from './allocate.js';
import { bucketOf } from './buckets.js';
import type { RateLookup } from './fx.js';
import { missingFx, type LedgerFinding } from './findings.js';
import type { BucketDef, InvoiceLine, SpecificProvision } from './types.js';

export function buildLines(
  states: InvoiceState[],
  asOf: IsoDate,
  defs: BucketDef[],
  rates: RateLookup,
  specific: Map<string, SpecificProvision>,
  functionalCurrency: string,
  findings: LedgerFinding[],
): InvoiceLine[] {
  const lines: InvoiceLine[] = [];
  for (const s of states) {
    if (!s.outstanding.isPositive() || s.outstanding.isZero()) continue;
    const inv = s.invoice;
    const daysOverdue = daysBetween(inv.dueDate, asOf);
    const bucket = bucketOf(daysOverdue, defs);
    const fx = rates.rateAt(inv.currency, asOf);
    if (!fx) {
      findings.push(missingFx(inv.source, inv.currency, asOf, `invoice ${inv.invoiceNo}`, s.outstanding));
      continue;
    }
    const balanceCny = cents(s.outstanding.times(fx.rate));
    const sp = specific.get(inv.invoiceNo);
    const provisionRate = sp ? sp.rate : bucket.rate;
    const line: InvoiceLine = {
      invoice: inv,
      daysOverdue,
      bucket: bucket.id,
      outstanding: s.outstanding,
      fxRate: fx.rate,
      balanceCny,
      provisionRate,
      provision: cents(balanceCny.times(provisionRate)),
      ...(sp ? { specific: { reason: sp.reason } } : {}),
    };
    const booked = inv.currency === functionalCurrency ? undefined : rates.rateAt(inv.currency, inv.invoiceDate);
    if (booked) {
      line.bookedCny = cents(s.outstanding.times(booked.rate));
      line.fxDifference = balanceCny.minus(line.bookedCny);
    }
    lines.push(line);
  }
  // Customer, then invoice date and number: the order of the detail schedule.
  return lines.sort(
    (a, b) =>
      cmp(a.invoice.customerId, b.invoice.customerId) || cmp(a.invoice.invoiceDate, b.invoice.invoiceDate) || cmp(a.invoice.invoiceNo, b.invoice.invoiceNo),
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
