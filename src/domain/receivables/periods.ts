/**
 * Which month ends get a report: policy.periods when finance sets it, otherwise the month of the
 * first invoice through the month of the latest dated row in any ledger file. Never today's date,
 * so the same ledger and config always give the same set of reports.
 */
import { makeDate, monthEnd, addMonths, type IsoDate } from '../dates.js';
import type { Policy } from './policy.js';
import type { Ledger } from './types.js';

export function monthEnds(ledger: Ledger, policy: Pick<Policy, 'periods'>): IsoDate[] {
  let from: IsoDate | undefined;
  let to: IsoDate | undefined;
  if (policy.periods) {
    const f = monthStart(policy.periods.from);
    const t = monthStart(policy.periods.to);
    from = f && monthEnd(f);
    to = t && monthEnd(t);
  } else {
    const first = minDate(ledger.invoices.map((i) => i.invoiceDate));
    const last = maxDate([
      ...ledger.invoices.map((i) => i.invoiceDate),
      ...ledger.payments.map((p) => p.date),
      ...ledger.adjustments.map((a) => a.date),
      ...ledger.fx.map((r) => r.date),
      ...ledger.specific.flatMap((s) => (s.date ? [s.date] : [])),
    ]);
    if (!first || !last) return [];
    from = monthEnd(first);
    to = monthEnd(last);
  }
  if (!from || !to) return [];
  const out: IsoDate[] = [];
  for (let m = from; m <= to; m = monthEnd(addMonths(firstOfMonth(m), 1))) out.push(m);
  return out;
}

/** The month end before the month of `d` (2026-10-15 → 2026-09-30, 2026-10-31 → 2026-09-30). */
export function previousMonthEnd(d: IsoDate): IsoDate {
  return monthEnd(addMonths(firstOfMonth(d), -1));
}

function firstOfMonth(d: IsoDate): IsoDate {
  return makeDate(Number(d.slice(0, 4)), Number(d.slice(5, 7)), 1)!;
}

function monthStart(ym: string): IsoDate | undefined {
  return makeDate(Number(ym.slice(0, 4)), Number(ym.slice(5, 7)), 1);
}

function minDate(ds: IsoDate[]): IsoDate | undefined {
  return ds.reduce<IsoDate | undefined>((m, d) => (m === undefined || d < m ? d : m), undefined);
}

function maxDate(ds: IsoDate[]): IsoDate | undefined {
  return ds.reduce<IsoDate | undefined>((m, d) => (m === undefined || d > m ? d : m), undefined);
}
