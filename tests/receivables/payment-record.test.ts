/** customerPaymentRecord: the report's own computation, for one customer. */
import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../../src/domain/dates.js';
import { computeProvision, customerPaymentRecord } from '../../src/domain/receivables/index.js';
import { adjustment, invoice, ledgerOf, payment, rate } from './build.js';
import { m, policy } from './helpers.js';

const asOf = '2026-10-31' as IsoDate;
const ledger = () =>
  ledgerOf({
    invoices: [
      invoice({ no: 'P1', customer: 'K', date: '2026-02-01', due: '2026-03-01', amount: '1000.00' }),
      invoice({ no: 'P2', customer: 'K', date: '2026-03-01', due: '2026-04-01', amount: '2000.00' }),
      invoice({ no: 'P3', customer: 'K', date: '2026-04-01', due: '2026-05-01', amount: '3000.00' }),
      invoice({ no: 'P4', customer: 'K', date: '2026-07-01', due: '2026-08-01', amount: '4000.00' }),
      invoice({ no: 'P5', customer: 'K', date: '2026-01-01', due: '2026-02-01', amount: '500.00' }),
      invoice({ no: 'P6', customer: 'K', date: '2026-10-01', due: '2026-11-30', amount: '100.00', currency: 'USD' }),
      invoice({ no: 'Q1', customer: 'OTHER', date: '2026-01-01', due: '2026-02-01', amount: '9999.00', currency: 'EUR' }),
    ],
    payments: [
      payment('R1', '2026-03-11', '1000.00', { invoice: 'P1' }),
      payment('R2', '2026-03-25', '2000.00', { invoice: 'P2' }),
      payment('R3', '2026-05-21', '3000.00', { customer: 'K' }),
    ],
    adjustments: [adjustment('write_off', 'P5', '2026-06-30', '500.00')],
    fx: [rate('2026-09-30', 'USD', '7.2'), rate('2026-10-31', 'USD', '7.1')],
  });

describe('customerPaymentRecord', () => {
  const rec = customerPaymentRecord(ledger(), policy(), 'K', asOf);

  it('has the outstanding, overdue and provision of the customer’s open items', () => {
    // P4 91 days → 50% of 4,000.00; P6 USD 100 × 7.1 not due.
    expect([m(rec.outstanding), m(rec.overdue), m(rec.provision)]).toEqual(['4710.00', '4000.00', '2000.00']);
    expect(rec.byBucket.filter((b) => b.count).map((b) => [b.bucket, m(b.balance), m(b.provision)])).toEqual([
      ['not_due', '710.00', '0.00'],
      ['over_90', '4000.00', '2000.00'],
    ]);
  });

  it('averages days late over fully paid invoices (early = 0; unapplied cash counts; written-off excluded)', () => {
    expect([rec.paidInvoices, rec.averageDaysLate]).toEqual([3, 10]); // (10 + 0 + 20) / 3
  });

  it('matches the monthly report’s figures for that customer, and ignores other customers’ problems', () => {
    const l = ledger();
    expect(() => computeProvision(l, policy(), asOf)).toThrow(/no EUR rate/);
    l.fx.push(rate('2026-01-01', 'EUR', '7.8'));
    const row = computeProvision(l, policy(), asOf).byCustomer.find((c) => c.key === 'K')!;
    expect([m(row.balance), m(row.overdue), m(row.provision)]).toEqual([m(rec.outstanding), m(rec.overdue), m(rec.provision)]);
  });

  it('a customer with nothing paid yet has no average', () => {
    const r = customerPaymentRecord(ledgerOf({ invoices: [invoice({ no: 'Z', customer: 'Z', date: '2026-10-01', due: '2026-10-31', amount: '1.00' })] }), policy(), 'Z', asOf);
    expect([r.paidInvoices, r.averageDaysLate]).toEqual([0, undefined]);
  });
});
