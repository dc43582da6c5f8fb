/** Rule 2: days overdue = as-of − due in calendar days; "more than 30 days" is ≥ 31. */
import { describe, expect, it } from 'vitest';
import { addDays, type IsoDate } from '../../src/domain/dates.js';
import { bucketDefs, computeProvision } from '../../src/domain/receivables/index.js';
import { invoice, ledgerOf } from './build.js';
import { line, m, policy } from './helpers.js';

const asOf = '2026-10-31' as IsoDate;

describe('bucket boundaries', () => {
  const cases: [number, string, string][] = [
    [-5, 'not_due', '0.00'],
    [0, 'not_due', '0.00'],
    [1, 'd1_30', '0.00'],
    [30, 'd1_30', '0.00'],
    [31, 'd31_60', '100.00'],
    [60, 'd31_60', '100.00'],
    [61, 'd61_90', '200.00'],
    [90, 'd61_90', '200.00'],
    [91, 'over_90', '500.00'],
    [400, 'over_90', '500.00'],
  ];
  const ledger = ledgerOf({
    invoices: cases.map(([days]) => invoice({ no: `D${days}`, date: '2025-01-01', due: addDays(asOf, -days), amount: '1000.00' })),
  });
  const r = computeProvision(ledger, policy(), asOf);

  it.each(cases)('%i days overdue → %s, provision %s on 1,000.00', (days, b, provision) => {
    const l = line(r, `D${days}`);
    expect([l.daysOverdue, l.bucket, m(l.provision)]).toEqual([days, b, provision]);
  });

  it('rates are not cumulative: 91 days is 50%, not 80%', () => {
    expect(line(r, 'D91').provisionRate.toString()).toBe('0.5');
  });

  it('with boundary_inclusive, day 30 / 60 / 90 move up a bucket', () => {
    const inc = computeProvision(ledger, policy({ boundary_inclusive: true }), asOf);
    expect(['D30', 'D31', 'D60', 'D61', 'D90', 'D91'].map((n) => line(inc, n).provisionRate.toString())).toEqual(['0.1', '0.1', '0.2', '0.2', '0.5', '0.5']);
  });
});

describe('calendar days, not 30-day months', () => {
  it('as of 2024-03-31, due 2024-02-29 (leap day) is 31 days → 10%', () => {
    const r = computeProvision(ledgerOf({ invoices: [invoice({ no: 'L', date: '2024-01-30', due: '2024-02-29', amount: '100.00' })] }), policy(), '2024-03-31' as IsoDate);
    expect([line(r, 'L').daysOverdue, m(line(r, 'L').provision)]).toEqual([31, '10.00']);
  });
});

describe('bucket definitions come from the matrix', () => {
  it('default matrix gives not_due, 1–30, 31–60, 61–90, over 90', () => {
    expect(bucketDefs(policy()).map((b) => [b.id, b.minDays, b.maxDays, b.rate.toString()])).toEqual([
      ['not_due', 0, 0, '0'],
      ['d1_30', 1, 30, '0'],
      ['d31_60', 31, 60, '0.1'],
      ['d61_90', 61, 90, '0.2'],
      ['over_90', 91, undefined, '0.5'],
    ]);
  });

  it('another matrix gives other buckets (1% from day 1, 100% over 180)', () => {
    const p = policy({ matrix: [{ over_days: 0, rate: '0.01' }, { over_days: 180, rate: '1' }] });
    expect(bucketDefs(p).map((b) => [b.id, b.minDays, b.maxDays, b.rate.toString()])).toEqual([
      ['not_due', 0, 0, '0'],
      ['d1_180', 1, 180, '0.01'],
      ['over_180', 181, undefined, '1'],
    ]);
  });

  it('inclusive default matrix: 1–29, 30–59, 60–89, 90 and more', () => {
    expect(bucketDefs(policy({ boundary_inclusive: true })).map((b) => b.id)).toEqual(['not_due', 'd1_29', 'd30_59', 'd60_89', 'over_89']);
  });
});
