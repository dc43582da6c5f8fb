/** Rule 1: only rows dated on or before the as-of date count; nothing after it is read. */
import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../../src/domain/dates.js';
import { computeProvision, ledgerInputsUpTo } from '../../src/domain/receivables/index.js';
import { ledgerFingerprint } from '../../src/pipeline/ledger-fingerprint.js';
import { adjustment, invoice, ledgerOf, payment, rate, specific } from './build.js';
import { canon, line, m, policy } from './helpers.js';

const asOf = '2026-03-31' as IsoDate;
const base = () =>
  ledgerOf({
    invoices: [invoice({ no: 'A1', date: '2025-12-01', due: '2025-12-31', amount: '40000.00' })],
    payments: [payment('P1', '2026-02-10', '10000.00', { invoice: 'A1' })],
  });

describe('population', () => {
  it('a payment dated after the month end does not reduce that month’s balance', () => {
    const l = base();
    l.payments.push(payment('P2', '2026-04-03', '30000.00', { invoice: 'A1' }));
    const r = computeProvision(l, policy(), asOf);
    expect([m(line(r, 'A1').balanceCny), line(r, 'A1').daysOverdue, m(line(r, 'A1').provision)]).toEqual(['30000.00', 90, '6000.00']);
    expect(computeProvision(l, policy(), '2026-04-30' as IsoDate).lines).toEqual([]);
  });

  it('an invoice dated after the month end is not in the report', () => {
    const l = base();
    l.invoices.push(invoice({ no: 'A2', date: '2026-04-01', due: '2026-05-01', amount: '5000.00' }));
    expect(computeProvision(l, policy(), asOf).lines.map((x) => x.invoice.invoiceNo)).toEqual(['A1']);
  });

  it('a payment on the as-of date itself counts', () => {
    const l = base();
    l.payments.push(payment('P2', '2026-03-31', '30000.00', { invoice: 'A1' }));
    expect(computeProvision(l, policy(), asOf).lines).toEqual([]);
  });

  it('adding rows dated after the as-of date changes neither the result nor its fingerprint', () => {
    const before = base();
    const after = base();
    after.invoices.push(invoice({ no: 'A2', date: '2026-04-01', due: '2026-05-01', amount: '5000.00' }));
    after.payments.push(payment('P2', '2026-04-03', '30000.00', { invoice: 'A1' }));
    after.adjustments.push(adjustment('write_off', 'A1', '2026-04-30', '100.00'));
    after.fx.push(rate('2026-04-30', 'USD', '7.2'));
    after.specific.push(specific('A1', '1', '2026-04-15'));
    expect(canon(computeProvision(after, policy(), asOf))).toBe(canon(computeProvision(before, policy(), asOf)));
    expect(ledgerFingerprint(after, asOf)).toBe(ledgerFingerprint(before, asOf));
    expect(ledgerFingerprint(after, '2026-04-30' as IsoDate)).not.toBe(ledgerFingerprint(before, '2026-04-30' as IsoDate));
    expect(ledgerInputsUpTo(after, asOf).invoices.map((i) => i.invoiceNo)).toEqual(['A1']);
  });

  it('the fingerprint ignores row order', () => {
    const a = base();
    a.invoices.push(invoice({ no: 'A0', date: '2026-01-05', due: '2026-02-04', amount: '1.00' }));
    const b = { ...a, invoices: [...a.invoices].reverse() };
    expect(ledgerFingerprint(a, asOf)).toBe(ledgerFingerprint(b, asOf));
  });

  it('a dated 单项 assessment applies from its date; an undated one always', () => {
    const l = base();
    l.specific.push(specific('A1', '0.8', '2026-03-15'));
    expect(line(computeProvision(l, policy(), '2026-02-28' as IsoDate), 'A1').specific).toBeUndefined();
    expect(m(line(computeProvision(l, policy(), asOf), 'A1').provision)).toBe('24000.00');
  });

  it('an invoice without a due date is due on its invoice date and listed as missing one', () => {
    const l = base();
    l.invoices.push(invoice({ no: 'N1', date: '2026-01-15', amount: '100.00' }));
    const r = computeProvision(l, policy(), asOf);
    expect([line(r, 'N1').daysOverdue, line(r, 'N1').bucket]).toEqual([75, 'd61_90']);
    expect(r.missingDueDates).toEqual(['N1']);
  });

  it('excluded counts are only filled on request (they depend on later data)', () => {
    const l = base();
    l.payments.push(payment('P2', '2026-04-03', '30000.00', { invoice: 'A1' }));
    expect(computeProvision(l, policy(), asOf).excluded).toEqual({ invoicesAfterAsOf: 0, paymentsAfterAsOf: 0 });
    expect(computeProvision(l, policy(), asOf, { countExcluded: true }).excluded).toEqual({ invoicesAfterAsOf: 0, paymentsAfterAsOf: 1 });
  });
});
