/** fast-check arbitraries: random but consistent ledgers (every event dated on or after its invoice). */
import fc from 'fast-check';
import { addDays, fromEpochDay, monthEnd, toEpochDay, type IsoDate } from '../../src/domain/dates.js';
import { Decimal, cents } from '../../src/domain/money.js';
import type { Ledger } from '../../src/domain/receivables/types.js';
import { adjustment, invoice, ledgerOf, payment, rate, specific } from './build.js';

export const START = toEpochDay('2025-12-01' as IsoDate);
const day = (offset: number): IsoDate => fromEpochDay(START + offset);
const money = (centsInt: number) => new Decimal(centsInt).div(100).toFixed(2);

const customers = ['A', 'B', 'C'];
const invoiceArb = fc.record({
  customer: fc.constantFrom(...customers),
  usd: fc.boolean(),
  date: fc.integer({ min: 0, max: 400 }),
  terms: fc.integer({ min: 0, max: 150 }),
  cents: fc.oneof(fc.integer({ min: 1, max: 50_000_000 }), fc.integer({ min: -200_000, max: -1 })),
  rep: fc.constantFrom('李明', '陈静', '周涛'),
});
const eventArb = fc.record({
  target: fc.nat(),
  kind: fc.constantFrom('payment', 'payment', 'unapplied', 'credit_note', 'write_off', 'recovery', 'specific'),
  lag: fc.integer({ min: 0, max: 200 }),
  share: fc.integer({ min: 1, max: 120 }), // percent of the invoice amount (>100: overpayment)
  rate: fc.integer({ min: 0, max: 100 }),
});

/** A ledger from random specs; every event date is on or after its invoice's date. */
type Of<A> = A extends fc.Arbitrary<infer T> ? T : never;

function build(invs: Of<typeof invoiceArb>[], events: Of<typeof eventArb>[], rates: number[]): Ledger {
  const l = ledgerOf({});
  invs.forEach((s, i) =>
    l.invoices.push(invoice({ no: `I${i}`, customer: s.customer, currency: s.usd ? 'USD' : 'CNY', date: day(s.date), due: day(s.date + s.terms), amount: money(s.cents), rep: s.rep })),
  );
  events.forEach((e, j) => {
    const inv = l.invoices[e.target % l.invoices.length];
    const date = addDays(inv.invoiceDate, e.lag);
    const amt = cents(inv.amount.abs().times(e.share).div(100)).toFixed(2);
    if (e.kind === 'payment') l.payments.push(payment(`P${j}`, date, amt, { invoice: inv.invoiceNo, customer: inv.customerId, currency: inv.currency }));
    else if (e.kind === 'unapplied') l.payments.push(payment(`U${j}`, date, amt, { customer: inv.customerId, currency: inv.currency }));
    else if (e.kind === 'specific') {
      if (!l.specific.some((s) => s.invoiceNo === inv.invoiceNo)) l.specific.push(specific(inv.invoiceNo, new Decimal(e.rate).div(100).toString(), e.lag % 2 ? date : undefined));
    } else l.adjustments.push(adjustment(e.kind as 'credit_note', inv.invoiceNo, date, amt));
  });
  // A USD rate at every month end, so no date lacks one.
  for (let i = -1; i < rates.length; i++) l.fx.push(rate(monthEnd(day(Math.max(0, i) * 31)), 'USD', new Decimal(rates[Math.max(0, i)]).div(10_000).toFixed(4)));
  l.fx.push(rate('2025-11-01', 'USD', '7.0000'));
  return l;
}

export const ledgerArb = fc
  .tuple(fc.array(invoiceArb, { minLength: 1, maxLength: 14 }), fc.array(eventArb, { maxLength: 25 }), fc.array(fc.integer({ min: 65_000, max: 75_000 }), { minLength: 22, maxLength: 22 }))
  .map(([i, e, r]) => build(i, e, r));
export const asOfArb = fc.integer({ min: 0, max: 600 }).map(day);

