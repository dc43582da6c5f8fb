/** The same tables as .csv, .json and .xlsx read to the same ledger; XLSX keeps numeric and date cells typed. */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseLedger } from '../../src/data/ledger/index.js';
import { csv, readErrors, readOk, rows } from './helpers.js';

const invoices = csv(
  'invoice_no,customer_id,customer_name,invoice_date,due_date,terms,currency,amount,rep',
  'A-1,C-1003,Penang Circuit Assembly Sdn. Bhd.,2026-09-01,2026-10-01,,USD,12500.50,周涛',
  'A-2,C-1001,华新精密制造有限公司,2026-01-31,,1个月,CNY,385000.00,李明',
);
const payments = csv('payment_no,invoice_no,customer_id,date,amount', 'R-1,A-1,,2026-09-20,2500.25', 'R-2,,C-1001,2026-03-01,1000.00');

describe('formats', () => {
  it('JSON rows (numbers or text) give the same ledger as CSV', async () => {
    const fromCsv = await readOk({ 'invoices.csv': invoices, 'payments.csv': payments });
    const json = JSON.stringify(
      [
        { invoice_no: 'A-1', customer_id: 'C-1003', customer_name: 'Penang Circuit Assembly Sdn. Bhd.', invoice_date: '2026-09-01', due_date: '2026-10-01', currency: 'USD', amount: 12500.5, rep: '周涛' },
        { invoice_no: 'A-2', customer_id: 'C-1001', customer_name: '华新精密制造有限公司', invoice_date: '2026-01-31', terms: '1个月', currency: 'CNY', amount: '385,000.00', rep: '李明' },
      ],
      null,
      2,
    );
    const jsonPayments = JSON.stringify([
      { payment_no: 'R-1', invoice_no: 'A-1', date: '2026-09-20', amount: 2500.25 },
      { payment_no: 'R-2', customer_id: 'C-1001', date: '2026-03-01', amount: '1000.00' },
    ]);
    const fromJson = await readOk({ 'invoices.json': json, 'payments.json': jsonPayments });
    expect(rows(fromJson)).toBe(rows(fromCsv));
    expect(fromJson.invoices[1].source.line).toBe(12); // the line its object starts on
  });

  it('XLSX with date cells, serial numbers and numeric amounts gives the same ledger as CSV', async () => {
    const fromCsv = await readOk({ 'invoices.csv': invoices, 'payments.csv': payments });
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('发票');
    ws.addRow(['发票号', '客户编号', '客户名称', '开票日期', '到期日', '账期', '币种', '金额', '业务员']);
    ws.addRow(['A-1', 'C-1003', 'Penang Circuit Assembly Sdn. Bhd.', new Date(Date.UTC(2026, 8, 1)), 46296, null, 'USD', 12500.5, '周涛']);
    ws.addRow(['A-2', 'C-1001', '华新精密制造有限公司', '2026年1月31日', null, '1个月', '人民币', { formula: '385000', result: 385000 }, '李明']);
    ws.getCell('D2').numFmt = 'yyyy-mm-dd';
    const pw = new ExcelJS.Workbook();
    const ps = pw.addWorksheet('收款');
    ps.addRow(['收款单号', '发票号', '客户编号', '收款日期', '金额']);
    ps.addRow(['R-1', 'A-1', null, '2026/9/20', 2500.25]);
    ps.addRow(['R-2', null, 'C-1001', 46082, '1,000.00']);
    const res = await parseLedger([
      { table: 'invoices', file: 'invoices.xlsx', format: 'xlsx', bytes: new Uint8Array(await wb.xlsx.writeBuffer()) },
      { table: 'payments', file: 'payments.xlsx', format: 'xlsx', bytes: new Uint8Array(await ps.workbook.xlsx.writeBuffer()) },
    ]);
    expect(res.diagnostics.map((d) => d.format())).toEqual([]);
    expect(rows(res.ledger!)).toBe(rows(fromCsv));
  });

  it('two files for one table is an error', async () => {
    const errors = await readErrors({ 'invoices.csv': invoices, 'invoices.json': '[]', 'payments.csv': payments });
    expect(errors).toEqual(['invoices.csv: invoices.csv and invoices.json both exist; keep one']);
  });

  it('payments are required; adjustments, fx and specific are optional', async () => {
    expect(await readErrors({ 'invoices.csv': invoices })).toEqual(['payments.csv: missing payments.csv (or .json / .xlsx)']);
  });
});
