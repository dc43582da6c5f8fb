/**
 * Exchange differences of one period (汇兑损益), kept apart from the credit-loss charge.
 *
 * The rule (CAS 19 / IAS 21, see README "FX"): a foreign-currency receivable is carried at its
 * last revaluation — the previous month end's closing rate, or the invoice-date rate when the
 * invoice was booked in this period. Anything that derecognises part of it in the period (receipt,
 * credit note, write-off) removes exactly that carrying amount from 应收账款:
 *   - a receipt brings in cash at the spot rate of its own date (the latest rate on or before it);
 *     spot − carrying is a realised exchange difference (settlement);
 *   - a credit note or write-off has no cash leg: it is derecognised at the carrying amount and
 *     produces no exchange difference (so none ever reaches 信用减值损失);
 *   - what is still open at the month end is revalued at the closing rate; closing − carrying is
 *     the unrealised difference (revaluation).
 * Each figure is rounded half-up to the cent per invoice and application, then summed.
 */
import { cents, sum, type Decimal } from '../money.js';
import type { IsoDate } from '../dates.js';
import type { InvoiceState } from './allocate.js';
import type { RateLookup } from './fx.js';
import type { FxDifference, Invoice } from './types.js';

/**
 * The rate an invoice is carried at during the period that starts after `prev`: the previous month
 * end's rate if it was booked by then, else its invoice-date rate; falling back to the later rate
 * that exists (the first rate of a currency may come after the invoice) so no difference is invented.
 */
export function carryingRate(inv: Invoice, prev: IsoDate, asOf: IsoDate, rates: RateLookup): Decimal | undefined {
  const at = inv.invoiceDate <= prev ? prev : inv.invoiceDate;
  return (rates.rateAt(inv.currency, at) ?? rates.rateAt(inv.currency, asOf))?.rate;
}

export function periodFx(states: InvoiceState[], periodStart: IsoDate, prev: IsoDate, asOf: IsoDate, rates: RateLookup, functional: string): FxDifference[] {
  const byCurrency = new Map<string, { revaluation: Decimal[]; settlement: Decimal[] }>();
  for (const s of states) {
    const inv = s.invoice;
    if (inv.currency === functional || !inv.amount.isPositive()) continue;
    const carrying = carryingRate(inv, prev, asOf, rates);
    const closing = rates.rateAt(inv.currency, asOf)?.rate;
    if (!carrying || !closing) continue; // the lines already report a missing closing rate
    let g = byCurrency.get(inv.currency);
    if (!g) byCurrency.set(inv.currency, (g = { revaluation: [], settlement: [] }));
    if (s.outstanding.isPositive() && !s.outstanding.isZero()) {
      g.revaluation.push(cents(s.outstanding.times(closing)).minus(cents(s.outstanding.times(carrying))));
    }
    for (const a of s.applications) {
      if (a.kind === 'credit_note' || a.date < periodStart || a.date > asOf) continue;
      const spot = rates.rateAt(inv.currency, a.date)?.rate ?? carrying;
      g.settlement.push(cents(a.amount.times(spot)).minus(cents(a.amount.times(carrying))));
    }
  }
  return [...byCurrency]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([currency, g]) => {
      const revaluation = sum(g.revaluation);
      const settlement = sum(g.settlement);
      return { currency, revaluation, settlement, total: revaluation.plus(settlement) };
    })
    .filter((f) => !f.total.isZero() || !f.revaluation.isZero() || !f.settlement.isZero());
}
