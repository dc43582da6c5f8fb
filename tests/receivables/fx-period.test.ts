/**
 * FX by the book, with rates that move inside the month: receipts, credit notes and write-offs
 * derecognise the carrying amount (previous month-end rate, or the invoice-date rate if booked this
 * month); cash comes in at its own date's rate; what stays open is revalued at the closing rate.
 * Exchange differences are 汇兑损益 on their own line and entry, never in the credit-loss charge.
 */
import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../../src/domain/dates.js';
import { computeProvision } from '../../src/domain/receivables/index.js';
import { buildProvisionReport } from '../../src/documents/provision-report/index.js';
import { ctx } from '../provision-report/fixture.js';
import { adjustment, invoice, ledgerOf, payment, rate } from './build.js';
import { m, policy } from './helpers.js';

// Hand-computed (February 2026):
// U1 USD 1,000 booked 01-10 at 7.10; carried in February at the January closing rate 7.20.
//   02-10 receipt 400 at spot 7.25: cash 2,900.00, derecognised 2,880.00 → settlement gain 20.00
//   02-15 write-off 100 at carrying 7.20 = 720.00 (not the closing 7.30 = 730.00)
//   open 500 at 02-28: 500 × 7.30 − 500 × 7.20 = 3,650.00 − 3,600.00 → revaluation gain 50.00
// U2 USD 200 booked 02-12 at 7.22 (booked this month: carried at its invoice-date rate)
//   02-20 credit note 30 at carrying 7.22 = 216.60, no exchange difference
//   02-20 write-off 50 at 7.22 = 361.00
//   open 120: 120 × 7.30 − 120 × 7.22 = 876.00 − 866.40 → revaluation gain 9.60
// Write-offs 720.00 + 361.00 = 1,081.00; revaluation 59.60; settlement 20.00; 汇兑收益 79.60.
const ledger = () =>
  ledgerOf({
    invoices: [
      invoice({ no: 'U1', customer: 'US', date: '2026-01-10', due: '2026-01-10', amount: '1000.00', currency: 'USD' }),
      invoice({ no: 'U2', customer: 'US', date: '2026-02-12', due: '2026-02-12', amount: '200.00', currency: 'USD' }),
    ],
    payments: [payment('P1', '2026-02-10', '400.00', { invoice: 'U1', customer: 'US', currency: 'USD' }), payment('R9', '2026-02-25', '80.00', { customer: 'ZZ', currency: 'USD' })],
    adjustments: [adjustment('write_off', 'U1', '2026-02-15', '100.00'), adjustment('credit_note', 'U2', '2026-02-20', '30.00'), adjustment('write_off', 'U2', '2026-02-20', '50.00')],
    fx: [
      rate('2026-01-10', 'USD', '7.10'),
      rate('2026-01-31', 'USD', '7.20'),
      rate('2026-02-10', 'USD', '7.25'),
      rate('2026-02-12', 'USD', '7.22'),
      rate('2026-02-25', 'USD', '7.26'),
      rate('2026-02-28', 'USD', '7.30'),
    ],
  });

describe('FX by the book (rates moving inside the month)', () => {
  const r = computeProvision(ledger(), policy(), '2026-02-28' as IsoDate);

  it('write-offs remove the carrying amount; the charge holds no exchange difference', () => {
    expect(r.periodAdjustments!.map((a) => [a.invoiceNo, m(a.amount), a.rate.toFixed(2), m(a.amountCny)])).toEqual([
      ['U1', '100.00', '7.20', '720.00'],
      ['U2', '50.00', '7.22', '361.00'],
    ]);
    expect(m(r.movement.writeOffs)).toBe('1081.00');
    const mv = r.movement;
    expect(m(mv.charge.minus(mv.reversal))).toBe(m(mv.closing.minus(mv.opening.minus(mv.writeOffs).plus(mv.recoveries))));
  });

  it('exchange differences: revaluation of what is open and settlement of receipts, per currency', () => {
    expect(r.fxDifferences!.map((f) => [f.currency, m(f.revaluation), m(f.settlement), m(f.total)])).toEqual([['USD', '59.60', '20.00', '79.60']]);
  });

  it('the journal: 汇兑损益 on its own entry, every entry balances, write-offs credit 应收账款 with the carrying amount', () => {
    const report = buildProvisionReport(r, ctx());
    const rows = report.workbook().sheets.find((s) => s.name === '分录')!.rows.map((x) => x.cells.map(String));
    const fx = rows.findIndex((x) => x[0].includes('汇兑损益'));
    expect(rows.slice(fx, fx + 2)).toEqual([
      ['④ 汇兑损益（外币应收款）', '借', '应收账款', '79.6'],
      ['', '贷', '财务费用—汇兑损益', '79.6'],
    ]);
    const wo = rows.findIndex((x) => x[0] === '② 核销坏账');
    expect(rows.slice(wo, wo + 2).map((x) => [x[2], x[3]])).toEqual([
      ['坏账准备', '1081'],
      ['应收账款', '1081'],
    ]);
    // Each entry: debit = credit.
    for (let i = 0; i < rows.length; i += 2) if (rows[i][1] === '借') expect(rows[i + 1][3]).toBe(rows[i][3]);
    expect(report.mismatches).toEqual([]);
  });

  it('the exceptions sheet gives the CNY amount of a foreign-currency receipt on account (its own date’s rate)', () => {
    const ex = buildProvisionReport(r, ctx()).workbook().sheets.find((s) => s.name === '例外')!;
    const row = ex.rows.find((x) => x.cells[2] === 'R9' && x.cells[0] !== '贷方余额')!;
    expect(row.cells.slice(4, 7).map(String)).toEqual(['USD', '80', '580.8']);
  });
});
