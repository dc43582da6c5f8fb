/** FX: the latest rate dated on or before the as-of date; no rate → an error at the invoice row, never a guess. */
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/diagnostics.js';
import type { IsoDate } from '../../src/domain/dates.js';
import { computeProvision, LedgerFindings } from '../../src/domain/receivables/index.js';
import { withLedgerDiagnostics } from '../../src/data/ledger/findings.js';
import { invoice, ledgerOf, payment, rate } from './build.js';
import { csv, line, m, policy, readOk } from './helpers.js';

const usd = () => invoice({ no: 'U1', date: '2026-07-10', due: '2026-08-09', amount: '10000.00', currency: 'USD', customer: 'C-1003' });

describe('foreign currency', () => {
  it('uses the latest rate on or before the as-of date, not a later one', () => {
    const l = ledgerOf({ invoices: [usd()], fx: [rate('2026-07-31', 'USD', '7.20'), rate('2026-09-30', 'USD', '7.15'), rate('2026-11-30', 'USD', '7.30')] });
    const r = computeProvision(l, policy(), '2026-10-31' as IsoDate);
    expect([line(r, 'U1').fxRate.toString(), m(line(r, 'U1').balanceCny), m(line(r, 'U1').provision)]).toEqual(['7.15', '71500.00', '14300.00']);
    expect(r.fxUsed.map((f) => f.date)).toEqual(['2026-09-30']);
  });

  it('partial USD payments reduce the USD balance before conversion', () => {
    const l = ledgerOf({ invoices: [usd()], payments: [payment('R1', '2026-08-20', '2500.50', { invoice: 'U1', currency: 'USD' })], fx: [rate('2026-07-01', 'USD', '7.2'), rate('2026-08-31', 'USD', '7.1111')] });
    const r = computeProvision(l, policy(), '2026-08-31' as IsoDate);
    expect([m(line(r, 'U1').outstanding), m(line(r, 'U1').balanceCny)]).toEqual(['7499.50', '53329.69']); // 7,499.50 × 7.1111 = 53,329.69445
  });

  it('a USD balance with no rate is a finding that becomes a diagnostic pointing at the invoice row and its currency column', async () => {
    const ledger = await readOk({
      'invoices.csv': csv('发票号,客户编号,客户名称,开票日期,到期日,币种,金额,业务员', 'U1,C-1003,Penang,2026-07-10,2026-08-09,USD,10000.00,周涛'),
      'payments.csv': csv('收款单号,发票号,收款日期,金额'),
      'fx.csv': csv('date,currency,rate', '2026-11-30,USD,7.3'),
    });
    let err: unknown;
    try {
      withLedgerDiagnostics(computeProvision, ledger, policy(), '2026-10-31' as IsoDate);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    const d = (err as InputError).diagnostics[0];
    expect(d.format()).toMatch(/invoices\.csv:2:1: no USD rate dated on or before 2026-10-31 in fx \(needed for invoice U1, USD 10,000\.00\) \(币种\)$/);
    expect(d.ruleId).toBe('ledger/missing-fx');
  });

  it('the computation itself reports a missing rate as plain findings, not diagnostics (the domain builds none)', () => {
    const l = ledgerOf({ invoices: [usd()], fx: [] });
    let err: unknown;
    try {
      computeProvision(l, policy(), '2026-10-31' as IsoDate);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(LedgerFindings);
    const f = (err as LedgerFindings).findings[0];
    expect(Object.getPrototypeOf(f)).toBe(Object.prototype);
    expect(f).toMatchObject({ rule: 'ledger/missing-fx', field: 'currency' });
    expect(f?.message).toMatch(/^no USD rate dated on or before 2026-10-31 in fx \(needed for invoice U1, USD /);
  });

  it('a missing rate at the previous month end is also an error (the opening allowance needs it)', () => {
    const l = ledgerOf({ invoices: [usd()], fx: [rate('2026-10-31', 'USD', '7.2')] });
    expect(() => computeProvision(l, policy(), '2026-10-31' as IsoDate)).toThrow(/on or before 2026-09-30/);
  });

  it('a fully paid USD invoice needs no rate', () => {
    const l = ledgerOf({ invoices: [usd()], payments: [payment('R1', '2026-08-01', '10000.00', { invoice: 'U1', currency: 'USD' })] });
    expect(computeProvision(l, policy(), '2026-10-31' as IsoDate).lines).toEqual([]);
  });
});
