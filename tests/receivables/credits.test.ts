/** Rule 4 and notes §3.4: overpayments and unapplied cash — FIFO within customer and currency, never across customers. */
import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../../src/domain/dates.js';
import { computeProvision } from '../../src/domain/receivables/index.js';
import { adjustment, invoice, ledgerOf, payment, rate } from './build.js';
import { line, m, policy } from './helpers.js';

const asOf = '2026-10-31' as IsoDate;

describe('credit balances', () => {
  it('an overpaid invoice becomes a credit balance: not provisioned, not netted against the customer’s other invoices', () => {
    const l = ledgerOf({
      invoices: [
        invoice({ no: 'X1', customer: 'K', date: '2026-05-01', due: '2026-05-31', amount: '10000.00' }),
        invoice({ no: 'X2', customer: 'K', date: '2026-06-01', due: '2026-07-01', amount: '20000.00' }),
      ],
      payments: [payment('P1', '2026-06-10', '10500.00', { invoice: 'X1' })],
    });
    const r = computeProvision(l, policy(), asOf);
    expect(r.lines.map((x) => x.invoice.invoiceNo)).toEqual(['X2']);
    expect(m(line(r, 'X2').balanceCny)).toBe('20000.00');
    expect(r.credits.map((c) => [c.customerId, m(c.amount), c.sources])).toEqual([['K', '500.00', ['X1']]]);
    expect(r.totals.provision.isNegative()).toBe(false);
  });

  it('unapplied cash is applied to the oldest due date first; the rest is a credit', () => {
    const l = ledgerOf({
      invoices: [
        invoice({ no: 'N2', customer: 'K', date: '2026-06-01', due: '2026-07-31', amount: '3000.00' }),
        invoice({ no: 'N1', customer: 'K', date: '2026-06-15', due: '2026-07-15', amount: '2000.00' }),
        invoice({ no: 'N3', customer: 'K', date: '2026-09-01', due: '2026-10-01', amount: '4000.00' }),
      ],
      payments: [payment('U1', '2026-08-01', '4000.00', { customer: 'K' }), payment('U2', '2026-10-20', '6000.00', { customer: 'K' })],
    });
    const r = computeProvision(l, policy(), asOf);
    expect(r.lines).toEqual([]);
    expect(r.unappliedCash.map((u) => [u.paymentNo, u.appliedTo, m(u.remaining!)])).toEqual([
      ['U1', ['N1', 'N2'], '0.00'],
      ['U2', ['N2', 'N3'], '1000.00'],
    ]);
    expect(r.credits.map((c) => [c.customerId, m(c.amount), c.sources])).toEqual([['K', '1000.00', ['U2']]]);
  });

  it('partly applied cash leaves the newest invoice open', () => {
    const l = ledgerOf({
      invoices: [
        invoice({ no: 'N1', customer: 'K', date: '2026-06-15', due: '2026-07-15', amount: '2000.00' }),
        invoice({ no: 'N2', customer: 'K', date: '2026-06-01', due: '2026-07-31', amount: '3000.00' }),
      ],
      payments: [payment('U1', '2026-08-01', '2500.00', { customer: 'K' })],
    });
    const r = computeProvision(l, policy(), asOf);
    expect(r.lines.map((x) => [x.invoice.invoiceNo, m(x.balanceCny), x.daysOverdue, m(x.provision)])).toEqual([['N2', '2500.00', 92, '1250.00']]);
  });

  it('never crosses customers or currencies', () => {
    const l = ledgerOf({
      invoices: [
        invoice({ no: 'K1', customer: 'K', date: '2026-06-01', due: '2026-07-01', amount: '1000.00' }),
        invoice({ no: 'K2', customer: 'K', date: '2026-06-01', due: '2026-07-01', amount: '1000.00', currency: 'USD' }),
        invoice({ no: 'L1', customer: 'L', date: '2026-06-01', due: '2026-07-01', amount: '1000.00' }),
      ],
      payments: [payment('U1', '2026-08-01', '5000.00', { customer: 'L' })],
      fx: [rate('2026-06-01', 'USD', '7.2')],
    });
    const r = computeProvision(l, policy(), asOf);
    expect(r.lines.map((x) => x.invoice.invoiceNo)).toEqual(['K1', 'K2']);
    expect(r.credits.map((c) => [c.customerId, c.currency, m(c.amount)])).toEqual([['L', 'CNY', '4000.00']]);
  });

  it('with net_unapplied_credits off, unapplied cash stays a credit and invoices stay open', () => {
    const l = ledgerOf({
      invoices: [invoice({ no: 'N1', customer: 'K', date: '2026-06-15', due: '2026-07-15', amount: '2000.00' })],
      payments: [payment('U1', '2026-08-01', '500.00', { customer: 'K' })],
    });
    const r = computeProvision(l, policy({ net_unapplied_credits: false }), asOf);
    expect(m(line(r, 'N1').balanceCny)).toBe('2000.00');
    expect(r.credits.map((c) => m(c.amount))).toEqual(['500.00']);
  });

  it('a negative invoice (red invoice without a link) is an unapplied credit', () => {
    const l = ledgerOf({
      invoices: [
        invoice({ no: 'N1', customer: 'K', date: '2026-06-15', due: '2026-07-15', amount: '2000.00' }),
        invoice({ no: 'R1', customer: 'K', date: '2026-07-01', due: '2026-07-01', amount: '-800.00' }),
      ],
    });
    const r = computeProvision(l, policy(), asOf);
    expect(m(line(r, 'N1').balanceCny)).toBe('1200.00');
    expect(r.unappliedCash.map((u) => [u.paymentNo, u.kind, u.appliedTo])).toEqual([['R1', 'credit_invoice', ['N1']]]);
  });

  it('a receipt for an invoice not yet issued at the as-of date is an advance (预收) of its customer', () => {
    const l = ledgerOf({
      invoices: [invoice({ no: 'F1', customer: 'K', date: '2026-11-05', due: '2026-12-05', amount: '9000.00' })],
      payments: [payment('A1', '2026-10-20', '3000.00', { invoice: 'F1', customer: 'K' })],
    });
    const r = computeProvision(l, policy(), asOf);
    expect(r.credits.map((c) => [c.customerId, m(c.amount), c.sources])).toEqual([['K', '3000.00', ['A1']]]);
  });

  it('a linked credit note reduces only its invoice', () => {
    const l = ledgerOf({
      invoices: [
        invoice({ no: 'C1', customer: 'K', date: '2026-06-15', due: '2026-07-15', amount: '10888.88' }),
        invoice({ no: 'C2', customer: 'K', date: '2026-06-15', due: '2026-07-15', amount: '500.00' }),
      ],
      adjustments: [adjustment('credit_note', 'C1', '2026-07-01', '2000.00')],
    });
    const r = computeProvision(l, policy(), asOf);
    expect([m(line(r, 'C1').balanceCny), m(line(r, 'C2').balanceCny)]).toEqual(['8888.88', '500.00']);
  });
});
