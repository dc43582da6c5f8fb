/**
 * ERP exports as they come: a Chinese file name mapped by a glob, a title row above the header, a
 * 合计 row at the bottom, UTF-16 ("Unicode text", tab-separated) or semicolon-separated, a header
 * mapped in the config — read into the same ledger as the plain CSV twin, with notes for what was skipped.
 */
import { describe, expect, it } from 'vitest';
import { readLedger } from '../../src/data/ledger/index.js';
import { csv, ledgerDir, readOk, rows } from './helpers.js';

const invoices = csv(
  '发票号码,客户编码,往来单位,业务日期,收款到期日,币别,价税合计,销售员',
  'FP-001,C-1001,华新精密制造有限公司,2026-09-01,2026-10-01,人民币,"385,000.00",李明',
  'FP-002,C-1002,东莞瑞声汽车电子有限公司,2026-09-15,2026-10-15,CNY,12800.50,陈静',
);
const payments = csv('收款单号,发票号,收款日期,收款金额', 'SK-01,FP-001,2026-10-08,100000.00');

/** Excel "Unicode text": UTF-16 LE with a BOM, tab-separated, CRLF. */
function unicodeText(rowsOf: string[][], be = false): Uint8Array {
  const text = '\uFEFF' + rowsOf.map((r) => r.join('\t')).join('\r\n') + '\r\n';
  const le = Buffer.from(text, 'utf16le');
  if (!be) return le;
  const out = Buffer.alloc(le.length);
  for (let i = 0; i < le.length; i += 2) [out[i], out[i + 1]] = [le[i + 1], le[i]];
  return out;
}

const erpInvoices = [
  ['应收单据明细表（2026年9月）'],
  ['票据号', '客户编码', '往来单位', '业务日期', '收款到期日', '币别', '价税合计', '销售员'],
  ['FP-001', 'C-1001', '华新精密制造有限公司', '2026-09-01', '2026-10-01', '人民币', '385,000.00', '李明'],
  ['FP-002', 'C-1002', '东莞瑞声汽车电子有限公司', '2026-09-15', '2026-10-15', 'CNY', '12800.50', '陈静'],
  ['合计', '', '', '', '', '', '397,800.50', ''],
];
const mapping = { files: { invoices: ['应收单据明细_*.txt'], payments: ['收款单*.csv'] }, columns: { invoices: { 票据号: 'invoice_no' } } };

describe('ERP intake', () => {
  it('UTF-16 LE tab-separated export with a title row, a 合计 row, a Chinese file name and a mapped column reads like the plain CSV', async () => {
    const plain = await readOk({ 'invoices.csv': invoices, 'payments.csv': payments });
    const dir = ledgerDir({ '应收单据明细_202609.txt': unicodeText(erpInvoices), '收款单_202610.csv': payments, 'notes.csv': 'x\n', 'README.md': '# notes' });
    const { ledger, diagnostics } = await readLedger(dir, { mapping });
    expect(ledger).toBeDefined();
    expect(rows(ledger!)).toBe(rows(plain));
    const notes = diagnostics.map((d) => `${d.severity} ${d.format().replace(dir + '/', '')}`);
    expect(notes).toContainEqual(expect.stringMatching(/^warning 应收单据明细_202609\.txt:1:1: .*skipped 1 title row above the header \("应收单据明细表（2026年9月）"\); the header is on line 2/));
    expect(notes).toContainEqual(expect.stringMatching(/^warning 应收单据明细_202609\.txt:5:1: .*skipped the "合计" row/));
    expect(notes).toContainEqual(expect.stringMatching(/^warning notes\.csv: .*matches no ledger table and was not read/));
    expect(notes.some((n) => n.includes('README'))).toBe(false);
  });

  it('UTF-16 BE and semicolon-separated files read too', async () => {
    const plain = await readOk({ 'invoices.csv': invoices, 'payments.csv': payments });
    const be = await readLedger(ledgerDir({ 'invoices.txt': unicodeText(erpInvoices, true), 'payments.csv': payments.replace(/,/g, ';') }), {
      mapping: { files: { invoices: ['invoices.txt'] }, columns: { invoices: { 票据号: 'invoice_no' } } },
    });
    expect(be.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(rows(be.ledger!)).toBe(rows(plain));
  });

  it('without a mapping, an ERP-named file is reported, not silently ignored', async () => {
    const dir = ledgerDir({ 'invoices.csv': invoices, 'payments.csv': payments, '应收单据明细_202610.csv': invoices });
    const { ledger, diagnostics } = await readLedger(dir);
    expect(ledger).toBeDefined();
    expect(diagnostics.map((d) => d.format().replace(dir + '/', ''))).toContainEqual(expect.stringMatching(/^应收单据明细_202610\.csv: warning: matches no ledger table/));
  });
});
