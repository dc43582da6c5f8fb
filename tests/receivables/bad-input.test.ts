/** What bad input gets: `file:line: message (column)` and no ledger at all. */
import { describe, expect, it } from 'vitest';
import { readLedger } from '../../src/data/ledger/index.js';
import { csv, ledgerDir, readErrors } from './helpers.js';

const INV_HEADER = 'invoice_no,customer_id,customer_name,invoice_date,due_date,currency,amount,rep';
const invoices = csv(INV_HEADER, 'A-1,C1,甲公司,2026-09-01,2026-10-01,CNY,1000.00,李明', 'A-2,C2,乙公司,2026-09-05,2026-10-05,CNY,2000.00,陈静');
const payments = csv('收款单号,发票号,收款日期,金额', 'SK-1,A-1,2026-09-20,500.00');

describe('bad input → diagnostics, no ledger', () => {
  it('unknown invoice in payments', async () => {
    const errors = await readErrors({ 'invoices.csv': invoices, 'payments.csv': csv('收款单号,发票号,收款日期,金额', 'SK-1,A-1,2026-09-20,500.00', 'SK-2,A-9,2026-09-21,1.00') });
    expect(errors).toEqual(['payments.csv:3:1: invoice A-9 is not in invoices.csv (发票号)']);
  });

  it('unknown invoice in adjustments', async () => {
    const errors = await readErrors({ 'invoices.csv': invoices, 'payments.csv': payments, 'adjustments.csv': csv('date,invoice_no,kind,amount', '2026-10-01,A-7,write_off,10.00') });
    expect(errors).toEqual(['adjustments.csv:2:1: invoice A-7 is not in invoices.csv (invoice_no)']);
  });

  it('duplicate invoice numbers', async () => {
    const errors = await readErrors({ 'invoices.csv': invoices + 'A-1,C1,甲公司,2026-09-09,2026-10-09,CNY,5.00,李明\n', 'payments.csv': payments });
    expect(errors).toEqual(['invoices.csv:4:1: duplicate invoice number A-1 (first on line 2) (invoice_no)']);
  });

  it('due date before the invoice date', async () => {
    const errors = await readErrors({ 'invoices.csv': csv(INV_HEADER, 'A-1,C1,甲公司,2026-09-01,2026-08-01,CNY,1000.00,李明'), 'payments.csv': csv('收款单号,发票号,收款日期,金额') });
    expect(errors).toEqual(['invoices.csv:2:1: due date 2026-08-01 is before the invoice date 2026-09-01 (due_date)']);
  });

  it('non-numeric amount, named by its Chinese column', async () => {
    const errors = await readErrors({ 'invoices.csv': invoices, 'payments.csv': csv('收款单号,发票号,收款日期,金额', 'SK-1,A-1,2026-09-20,五百元') });
    expect(errors).toEqual(['payments.csv:2:1: "五百元" is not an amount (金额)']);
  });

  it('impossible date, with line and column', async () => {
    const errors = await readErrors({ 'invoices.csv': csv(INV_HEADER, 'A-1,C1,甲公司,2026-02-30,2026-03-30,CNY,1000.00,李明'), 'payments.csv': csv('收款单号,发票号,收款日期,金额') });
    expect(errors).toEqual(['invoices.csv:2:1: "2026-02-30" is not a valid date (invoice_date)']);
  });

  it('unknown adjustment kind', async () => {
    const errors = await readErrors({ 'invoices.csv': invoices, 'payments.csv': payments, 'adjustments.csv': csv('date,invoice_no,kind,amount', '2026-10-01,A-1,discount,10.00') });
    expect(errors).toEqual(['adjustments.csv:2:1: unknown adjustment kind "discount" (expected credit_note, write_off or recovery) (kind)']);
  });

  it('missing required column, on line 1', async () => {
    const errors = await readErrors({ 'invoices.csv': csv('invoice_no,customer_id,invoice_date,due_date,currency,rep', 'A-1,C1,2026-09-01,2026-10-01,CNY,李明'), 'payments.csv': payments });
    expect(errors).toEqual(['invoices.csv:1:1: missing required column amount (or 金额, 价税合计, 应收金额, 原币金额) (amount)']);
  });

  it('missing due date and terms columns, on line 1', async () => {
    const errors = await readErrors({ 'invoices.csv': csv('invoice_no,customer_id,invoice_date,amount', 'A-1,C1,2026-09-01,1.00'), 'payments.csv': payments });
    expect(errors).toEqual(['invoices.csv:1:1: missing required column due_date (or 到期日) / terms (or 账期)']);
  });

  it('a CNY-marked amount on a USD row', async () => {
    const errors = await readErrors({ 'invoices.csv': csv(INV_HEADER, 'A-1,C1,甲公司,2026-09-01,2026-10-01,USD,¥1000.00,李明'), 'payments.csv': csv('收款单号,发票号,收款日期,金额') });
    expect(errors).toEqual(['invoices.csv:2:1: "¥1000.00" is marked as CNY but the row\'s currency is USD (amount)']);
  });

  it('unrecognised terms when the due date is empty', async () => {
    const errors = await readErrors({ 'invoices.csv': csv(INV_HEADER + ',账期', 'A-1,C1,甲公司,2026-09-01,,CNY,1000.00,李明,月结30天'), 'payments.csv': csv('收款单号,发票号,收款日期,金额') });
    expect(errors).toEqual(['invoices.csv:2:1: "月结30天" is not a payment term (expected e.g. 30天, 1个月, 30 days, 2 months) (账期)']);
  });

  it('a write-off larger than what is owed, and a recovery with nothing written off', async () => {
    const errors = await readErrors({
      'invoices.csv': invoices,
      'payments.csv': payments,
      'adjustments.csv': csv('date,invoice_no,kind,amount', '2026-10-01,A-1,write_off,600.00', '2026-10-02,A-2,recovery,10.00'),
    });
    expect(errors).toEqual([
      'adjustments.csv:2:1: write_off of 600.00 exceeds invoice A-1\'s outstanding 500.00 on 2026-10-01 (amount)',
      'adjustments.csv:3:1: recovery of 10.00 on invoice A-2 exceeds what was written off and not yet recovered by 2026-10-02 (0.00) (amount)',
    ]);
  });

  it('an adjustment dated before its invoice', async () => {
    const errors = await readErrors({ 'invoices.csv': invoices, 'payments.csv': payments, 'adjustments.csv': csv('date,invoice_no,kind,amount', '2026-08-01,A-1,credit_note,10.00') });
    expect(errors).toEqual(['adjustments.csv:2:1: credit_note dated 2026-08-01 is before invoice A-1\'s date 2026-09-01 (date)']);
  });

  it('an FX rate of zero', async () => {
    const errors = await readErrors({ 'invoices.csv': invoices, 'payments.csv': payments, 'fx.csv': csv('date,currency,rate', '2026-10-31,USD,0') });
    expect(errors).toEqual(['fx.csv:2:1: rate 0 must be greater than 0 (rate)']);
  });

  it('two different rates for one currency and date', async () => {
    const errors = await readErrors({ 'invoices.csv': invoices, 'payments.csv': payments, 'fx.csv': csv('日期,币别,汇率', '2026-09-30,USD,7.1', '2026-09-30,USD,7.1', '2026-09-30,USD,7.2') });
    expect(errors).toEqual(['fx.csv:4:1: a second USD rate for 2026-09-30 (7.2; line 2 has 7.1) (汇率)']);
  });

  it('a 单项 rate over 100%', async () => {
    const errors = await readErrors({ 'invoices.csv': invoices, 'payments.csv': payments, 'specific.csv': csv('invoice_no,rate,reason', 'A-1,150%,诉讼') });
    expect(errors).toEqual(['specific.csv:2:1: rate 150% must be between 0 and 1 (or 0% and 100%) (rate)']);
  });

  it('a 单项 item for an unknown invoice', async () => {
    const errors = await readErrors({ 'invoices.csv': invoices, 'payments.csv': payments, 'specific.csv': csv('发票号,计提比例,原因', 'A-8,0.5,争议') });
    expect(errors).toEqual(['specific.csv:2:1: invoice A-8 is not in invoices.csv (发票号)']);
  });

  it('a payment whose customer is not the invoice’s', async () => {
    const errors = await readErrors({ 'invoices.csv': invoices, 'payments.csv': csv('收款单号,发票号,客户编号,收款日期,金额', 'SK-1,A-1,C2,2026-09-20,500.00') });
    expect(errors).toEqual(['payments.csv:2:1: customer C2 differs from invoice A-1\'s customer C1 (客户编号)']);
  });

  it('an unapplied receipt without a customer', async () => {
    const errors = await readErrors({ 'invoices.csv': invoices, 'payments.csv': csv('收款单号,发票号,客户编号,收款日期,金额', 'SK-1,,,2026-09-20,500.00') });
    expect(errors).toEqual(['payments.csv:2:1: a receipt with no invoice number needs a customer (customer_id / 客户编号) (客户编号)']);
  });

  it('an invoice without due date or terms is read with a warning, due on its invoice date', async () => {
    const dir = ledgerDir({ 'invoices.csv': csv(INV_HEADER, 'A-1,C1,甲公司,2026-09-01,,CNY,1000.00,李明'), 'payments.csv': payments });
    const { ledger, diagnostics } = await readLedger(dir);
    expect(diagnostics.map((d) => d.format().replace(dir + '/', ''))).toEqual([
      'invoices.csv:2:1: warning: no due date or terms; the invoice date 2026-09-01 is used as the due date (due_date)',
    ]);
    expect([ledger!.invoices[0].dueDate, ledger!.invoices[0].dueDateMissing]).toEqual(['2026-09-01', true]);
  });

  it('an unclosed quote points at the line it opened on', async () => {
    const errors = await readErrors({ 'invoices.csv': invoices + 'A-3,C1,"甲公司,2026-09-01\n', 'payments.csv': payments });
    expect(errors).toEqual(['invoices.csv:4:1: a quoted cell is not closed']);
  });

  it('row-level errors are all reported, each at its own line', async () => {
    const errors = await readErrors({
      'invoices.csv': csv(INV_HEADER, 'A-1,C1,甲公司,2026-09-01,2026-10-01,CNY,abc,李明', 'A-2,C2,乙公司,2026/13/01,2026-10-05,CNY,2000.00,陈静'),
      'payments.csv': payments,
    });
    expect(errors).toEqual(['invoices.csv:2:1: "abc" is not an amount (amount)', 'invoices.csv:3:1: "2026/13/01" is not a valid date (invoice_date)']);
  });
});
