/**
 * Properties over random ledgers (fast-check): totals are sums of rows, buckets + 单项 = total,
 * parties sum to the total, the movement identity holds, and a past date's result does not change
 * when rows dated after it are added.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, toEpochDay, type IsoDate } from '../../src/domain/dates.js';
import { ZERO, cents, sum, type Decimal } from '../../src/domain/money.js';
import { computePeriods, computeProvision, monthEnds } from '../../src/domain/receivables/index.js';
import { bucketDefs } from '../../src/domain/receivables/buckets.js';
import { byRep } from '../../src/domain/receivables/totals.js';
import type { Ledger, ProvisionResult } from '../../src/domain/receivables/types.js';
import { START, asOfArb, ledgerArb } from './arbitraries.js';
import { adjustment, payment, rate, specific } from './build.js';
import { canon, policy } from './helpers.js';

function checkTotals(r: ProvisionResult): void {
  const is = (a: Decimal, b: Decimal) => expect(a.toFixed()).toBe(b.toFixed());
  for (const l of r.lines) {
    expect(l.outstanding.isPositive() && !l.outstanding.isZero()).toBe(true);
    is(l.balanceCny, cents(l.outstanding.times(l.fxRate)));
    is(l.provision, cents(l.balanceCny.times(l.provisionRate)));
    expect(l.provision.isNegative()).toBe(false);
  }
  is(r.totals.balance, sum(r.lines.map((l) => l.balanceCny)));
  is(r.totals.provision, sum(r.lines.map((l) => l.provision)));
  is(r.totals.overdue, sum(r.lines.filter((l) => l.daysOverdue > 0).map((l) => l.balanceCny)));
  is(r.totals.net, r.totals.balance.minus(r.totals.provision));
  is(sum(r.buckets.map((b) => b.balance)).plus(r.specificTotal.balance), r.totals.balance);
  is(sum(r.buckets.map((b) => b.provision)).plus(r.specificTotal.provision), r.totals.provision);
  expect(r.buckets.reduce((n, b) => n + b.count, 0) + r.lines.filter((l) => l.specific).length).toBe(r.lines.length);
  for (const parties of [r.byCustomer, r.byRep]) {
    is(sum(parties.map((p) => p.balance)), r.totals.balance);
    is(sum(parties.map((p) => p.provision)), r.totals.provision);
    for (const p of parties) is(sum(Object.values(p.byBucket)), p.balance);
  }
  for (const rep of r.byRep) is(sum(rep.customers.map((c) => c.balance)), rep.balance);
  for (const b of r.buckets) is(sum(r.byCustomer.map((c) => c.byBucket[b.bucket] ?? ZERO)), b.balance);
  for (const c of r.credits) expect(c.amount.isPositive()).toBe(true);
  const mv = r.movement;
  expect(mv.balanced).toBe(true);
  is(mv.opening.plus(mv.charge).minus(mv.reversal).minus(mv.writeOffs).plus(mv.recoveries), mv.closing);
  is(mv.closing, r.totals.provision);
  expect(mv.charge.isNegative() || mv.reversal.isNegative()).toBe(false);
  expect(mv.charge.isZero() || mv.reversal.isZero()).toBe(true);
}

describe('properties of random ledgers', () => {
  it('every total is the sum of its rows; buckets + 单项 = total; parties sum; movement identity', () => {
    fc.assert(
      fc.property(ledgerArb, asOfArb, fc.boolean(), (ledger, asOf, net) => {
        checkTotals(computeProvision(ledger, policy({ net_unapplied_credits: net }), asOf));
      }),
      { numRuns: 200 },
    );
  });

  it('a rep’s customer takes the customer’s own totals only when all its lines are the rep’s: the same figures as summing again', () => {
    let split = 0;
    fc.assert(
      fc.property(ledgerArb, asOfArb, (ledger, asOf) => {
        const r = computeProvision(ledger, policy(), asOf);
        const names = new Map(r.byCustomer.map((c) => [c.key, c.name]));
        const defs = bucketDefs(policy());
        const text = (x: unknown) => JSON.stringify(x);
        expect(text(byRep(r.lines, defs, names, r.byCustomer))).toBe(text(byRep(r.lines, defs, names)));
        expect(text(r.byRep)).toBe(text(byRep(r.lines, defs, names)));
        if (r.byCustomer.some((c) => r.byRep.filter((rep) => rep.customers.some((x) => x.key === c.key)).length > 1)) split += 1;
      }),
      { numRuns: 200 },
    );
    expect(split).toBeGreaterThan(0); // the random ledgers do split customers between reps
  });

  it('a past date’s result is unchanged when rows dated after it are added', () => {
    fc.assert(
      fc.property(ledgerArb, ledgerArb, asOfArb, (ledger, later, asOf) => {
        const before = canon(computeProvision(ledger, policy(), asOf));
        // Later rows: the other ledger's rows pushed past the as-of date, renamed so they cannot collide.
        const shift = (d: IsoDate): IsoDate => addDays(asOf, 1 + Math.abs(toEpochDay(d) - START));
        const merged: Ledger = {
          ...ledger,
          invoices: [...ledger.invoices, ...later.invoices.map((i) => ({ ...i, invoiceNo: `L${i.invoiceNo}`, invoiceDate: shift(i.invoiceDate), dueDate: addDays(shift(i.invoiceDate), 30) }))],
          payments: [
            ...ledger.payments,
            ...ledger.invoices.map((i, k) => payment(`LP${k}`, addDays(asOf, 1 + k), i.amount.abs().toFixed(2), { invoice: i.invoiceNo, customer: i.customerId, currency: i.currency })),
          ],
          adjustments: [...ledger.adjustments, ...ledger.invoices.map((i) => adjustment('write_off', i.invoiceNo, addDays(asOf, 3), '1.00'))],
          fx: [...ledger.fx, rate(addDays(asOf, 1), 'USD', '9.9999')],
          specific: [...ledger.specific, ...ledger.invoices.filter((i) => !ledger.specific.some((s) => s.invoiceNo === i.invoiceNo)).map((i) => specific(i.invoiceNo, '1', addDays(asOf, 2)))],
        };
        expect(canon(computeProvision(merged, policy(), asOf))).toBe(before);
      }),
      { numRuns: 100 },
    );
  });

  it('computePeriods over all month ends equals computeProvision month by month', () => {
    fc.assert(
      fc.property(ledgerArb, (ledger) => {
        const months = monthEnds(ledger, policy());
        const all = computePeriods(ledger, policy(), months);
        all.forEach((r, i) => expect(canon(r)).toBe(canon(computeProvision(ledger, policy(), months[i]))));
        for (let i = 1; i < all.length; i++) expect(all[i].movement.opening.toFixed()).toBe(all[i - 1].movement.closing.toFixed());
      }),
      { numRuns: 40 },
    );
  });
});
