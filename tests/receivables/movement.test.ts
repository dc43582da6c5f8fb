/** Rule 5: opening = previous month end's closing from the same ledger; write-offs, recoveries, 计提/转回. */
import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../../src/domain/dates.js';
import { computePeriods, computeProvision, monthEnds } from '../../src/domain/receivables/index.js';
import { adjustment, invoice, ledgerOf, payment, rate } from './build.js';
import { canon, m, policy } from './helpers.js';

const ledger = () =>
  ledgerOf({
    invoices: [
      invoice({ no: 'B1', customer: 'BAD', date: '2026-01-10', due: '2026-02-09', amount: '8000.00' }),
      invoice({ no: 'G1', customer: 'OK', date: '2026-01-21', due: '2026-02-20', amount: '20000.00' }),
      invoice({ no: 'U1', customer: 'US', date: '2026-02-15', due: '2026-03-17', amount: '1000.00', currency: 'USD' }),
    ],
    payments: [payment('P1', '2026-05-20', '20000.00', { invoice: 'G1' })],
    adjustments: [adjustment('write_off', 'B1', '2026-06-15', '8000.00'), adjustment('recovery', 'B1', '2026-08-05', '3000.00'), adjustment('write_off', 'U1', '2026-07-31', '1000.00')],
    fx: [rate('2026-01-31', 'USD', '7.20'), rate('2026-06-30', 'USD', '7.15'), rate('2026-07-31', 'USD', '7.10')],
  });

describe('movement over consecutive months', () => {
  const months = monthEnds(ledger(), policy());
  const results = computePeriods(ledger(), policy(), months);
  const byMonth = new Map(results.map((r) => [r.asOf, r]));

  it('month ends run from the first invoice month to the latest entry in any file', () => {
    expect(months).toEqual(['2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30', '2026-05-31', '2026-06-30', '2026-07-31', '2026-08-31']);
  });

  it('the first month opens at 0 and each opening is the previous closing', () => {
    expect(m(results[0].movement.opening)).toBe('0.00');
    for (let i = 1; i < results.length; i++) expect(m(results[i].movement.opening)).toBe(m(results[i - 1].movement.closing));
  });

  it('every month balances: opening + 计提 − 转回 − 核销 + 收回 = closing = required', () => {
    for (const r of results) {
      const mv = r.movement;
      expect(mv.balanced).toBe(true);
      expect(m(mv.opening.plus(mv.charge).minus(mv.reversal).minus(mv.writeOffs).plus(mv.recoveries))).toBe(m(mv.closing));
      expect(m(mv.closing)).toBe(m(r.totals.provision));
    }
  });

  // Hand-computed. Mar: B1 50d 10% 800 + G1 39d 10% 2,000. Apr: B1 80d 1,600 + G1 69d 4,000 + U1 44d 10% × 7,200 = 720.
  // May: G1 paid → B1 111d 4,000 + U1 75d 1,440 → 转回 880. Jun: B1 written off; U1 105d 50% × 7,150 = 3,575.
  // Jul: U1 written off at its carrying amount, June's closing rate 7.15 = 7,150 (not July's 7.10). Aug: 3,000 recovered on B1, nothing required → 转回 3,000.
  it.each([
    ['2026-01-31', '0.00', '0.00', '0.00', '0.00', '0.00', '0.00'],
    ['2026-02-28', '0.00', '0.00', '0.00', '0.00', '0.00', '0.00'],
    ['2026-03-31', '0.00', '2800.00', '0.00', '0.00', '0.00', '2800.00'],
    ['2026-04-30', '2800.00', '3520.00', '0.00', '0.00', '0.00', '6320.00'],
    ['2026-05-31', '6320.00', '0.00', '880.00', '0.00', '0.00', '5440.00'],
    ['2026-06-30', '5440.00', '6135.00', '0.00', '8000.00', '0.00', '3575.00'],
    ['2026-07-31', '3575.00', '3575.00', '0.00', '7150.00', '0.00', '0.00'],
    ['2026-08-31', '0.00', '0.00', '3000.00', '0.00', '3000.00', '0.00'],
  ])('%s: opening %s, 计提 %s, 转回 %s, 核销 %s, 收回 %s, closing %s', (asOf, opening, charge, reversal, writeOffs, recoveries, closing) => {
    const mv = byMonth.get(asOf as IsoDate)!.movement;
    expect([mv.opening, mv.charge, mv.reversal, mv.writeOffs, mv.recoveries, mv.closing].map(m)).toEqual([opening, charge, reversal, writeOffs, recoveries, closing]);
  });

  it('a CNY write-off uses the allowance in its month; a recovery restores it later', () => {
    const jun = byMonth.get('2026-06-30' as IsoDate)!;
    expect([m(jun.movement.writeOffs), m(jun.movement.recoveries)]).toEqual(['8000.00', '0.00']);
    const aug = byMonth.get('2026-08-31' as IsoDate)!;
    expect([m(aug.movement.writeOffs), m(aug.movement.recoveries)]).toEqual(['0.00', '3000.00']);
    expect(aug.periodAdjustments!.map((a) => [a.kind, a.invoiceNo, a.date])).toEqual([['recovery', 'B1', '2026-08-05']]);
  });

  it('a USD write-off derecognises its carrying amount: the previous month end’s rate (7.15), not the closing rate (7.10)', () => {
    const jul = byMonth.get('2026-07-31' as IsoDate)!;
    expect(jul.periodAdjustments!.map((a) => [a.invoiceNo, a.currency, m(a.amount), m(a.amountCny)])).toEqual([['U1', 'USD', '1000.00', '7150.00']]);
    expect(jul.lines).toEqual([]);
    expect(jul.fxUsed.map((f) => [f.currency, f.rate.toString(), f.date])).toEqual([['USD', '7.1', '2026-07-31']]);
  });

  it('computePeriods gives the same results as computeProvision one month at a time', () => {
    for (const r of results) expect(canon(r)).toBe(canon(computeProvision(ledger(), policy(), r.asOf)));
  });

  it('a mid-month as-of date opens at the previous month end and covers write-offs since then', () => {
    const r = computeProvision(ledger(), policy(), '2026-06-20' as IsoDate);
    expect(r.periodStart).toBe('2026-06-01');
    expect(m(r.movement.opening)).toBe(m(byMonth.get('2026-05-31' as IsoDate)!.movement.closing));
    expect(m(r.movement.writeOffs)).toBe('8000.00');
  });
});

describe('monthEnds', () => {
  it('policy.periods overrides the data range', () => {
    expect(monthEnds(ledger(), policy({ periods: { from: '2025-11', to: '2026-02' } }))).toEqual(['2025-11-30', '2025-12-31', '2026-01-31', '2026-02-28']);
  });

  it('an empty ledger has no month ends', () => {
    expect(monthEnds(ledgerOf({}), policy())).toEqual([]);
  });
});
