/**
 * Ledger bounds (issue 10): implausible dates and amounts, too many rows, a workbook whose
 * cells reach XFD1048576 — each one diagnostic naming file (and row), fast, before any large
 * allocation; never a stack trace nor thousands of monthly reports.
 */
import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseLedger, type LedgerSource } from '../../src/data/ledger/read-ledger.js';
import { MAX_LEDGER_ROWS, precheckXlsx } from '../../src/data/ledger/limits.js';

const INV_HEAD = 'invoice_no,customer_id,customer_name,invoice_date,due_date,currency,amount,rep\n';
const PAY_HEAD = 'payment_no,invoice_no,date,amount\n';
const env = { SOURCE_DATE_EPOCH: String(Date.UTC(2026, 10, 30) / 1000) };

const csv = (table: 'invoices' | 'payments', text: string): LedgerSource => ({ table, file: `${table}.csv`, format: 'csv', bytes: strToU8(text) });

async function errors(sources: LedgerSource[], opts: Parameters<typeof parseLedger>[1] = { env }) {
  const started = performance.now();
  const r = await parseLedger(sources, opts);
  return { ledger: r.ledger, messages: r.diagnostics.filter((d) => d.severity === 'error').map((d) => d.format()), ms: performance.now() - started };
}

const invoices = (rows: string) => csv('invoices', INV_HEAD + rows);
const payments = (rows = '') => csv('payments', PAY_HEAD + rows);

describe('plausible dates and amounts', () => {
  it('an invoice dated 1900 is one diagnostic per date with its row and column — no stack trace, no report', async () => {
    const r = await errors([invoices('A-1,C-1,甲,1900-01-15,1900-02-15,CNY,100.00,李\nA-2,C-1,甲,2026-01-15,2026-02-15,CNY,100.00,李\n'), payments()]);
    expect(r.ledger).toBeUndefined();
    expect(r.messages).toEqual([
      'invoices.csv:2:1: date 1900-01-15 is outside 1990-01-01 … 2036-11-30 (a typing error? set provisioning.date_bounds in the config to change the range) (invoice_date)',
      'invoices.csv:2:1: date 1900-02-15 is outside 1990-01-01 … 2036-11-30 (a typing error? set provisioning.date_bounds in the config to change the range) (due_date)',
    ]);
  });

  it('a payment dated more than 10 years after today, and an absurd amount, are diagnostics', async () => {
    const r = await errors([invoices('A-1,C-1,甲,2026-01-15,2026-02-15,CNY,10000000000000.00,李\n'), payments('R-1,A-1,2046-01-01,1.00\n')]);
    expect(r.messages).toEqual([
      'invoices.csv:2:1: 10,000,000,000,000.00 is larger than 1,000,000,000,000.00 in absolute value (a typing error?) (amount)',
      'payments.csv:2:1: date 2046-01-01 is outside 1990-01-01 … 2036-11-30 (a typing error? set provisioning.date_bounds in the config to change the range) (date)',
    ]);
  });

  it('provisioning.date_bounds widens (or narrows) the range', async () => {
    const rows = 'A-1,C-1,甲,1985-03-01,1985-04-01,CNY,100.00,李\n';
    expect((await errors([invoices(rows), payments()], { env, dateBounds: { from: '1980-01-01' as never } })).messages).toEqual([]);
    expect((await errors([invoices('A-1,C-1,甲,2026-03-01,2026-04-01,CNY,100.00,李\n'), payments()], { env, dateBounds: { to: '2025-12-31' as never } })).messages).toHaveLength(2);
  });
});

describe('size and row limits', () => {
  it(`more than ${MAX_LEDGER_ROWS.toLocaleString('en')} CSV rows are refused before parsing, in well under a second`, async () => {
    const row = 'A,C-1,甲,2026-01-15,2026-02-15,CNY,1.00,李\n';
    const r = await errors([invoices(row.repeat(MAX_LEDGER_ROWS + 5)), payments()]);
    expect(r.messages).toEqual([`invoices.csv:${MAX_LEDGER_ROWS + 2}:1: more than 200,000 rows; a ledger table may have at most 200,000 (split it by year)`]);
    expect(r.ms).toBeLessThan(1000);
  });

  it('a 40 MB line (under the size limit) is refused before parsing, with its line; ordinary lines pass', async () => {
    const row = 'A,C-1,甲,2026-01-15,2026-02-15,CNY,1.00,李\n';
    for (const tail of ['x'.repeat(40_000_000), 'x'.repeat(40_000_000) + '\n' + row]) {
      const r = await errors([invoices(row + row + tail), payments()]);
      expect(r.messages).toEqual(['invoices.csv:4:1: a line of more than 64 KB; a ledger row is far shorter (is this a ledger table?)']);
      expect(r.ms).toBeLessThan(1500);
    }
    expect((await errors([invoices(row + `B,C-1,${'甲'.repeat(10_000)},2026-01-15,2026-02-15,CNY,1.00,李\n`), payments()])).messages).toEqual([]);
  });

  it('a file over 50 MB is refused by size', async () => {
    const big = new Uint8Array(50 * 1024 * 1024 + 1).fill(0x20);
    const r = await errors([{ table: 'invoices', file: 'invoices.csv', format: 'csv', bytes: big }, payments()]);
    expect(r.messages).toEqual(['invoices.csv: file is 50.0 MB; ledger files may be at most 50 MB (split it by year)']);
  });
});

describe('XLSX whose cells reach absurd places', () => {
  async function workbook(extraSheetXml?: (xml: string) => string): Promise<Uint8Array> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('发票');
    ws.addRow(['发票号', '客户编号', '客户名称', '开票日期', '到期日', '币种', '金额', '业务员']);
    ws.addRow(['A-1', 'C-1', '甲', '2026-01-15', '2026-02-15', 'CNY', 100, '李']);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    if (!extraSheetXml) return bytes;
    const parts = unzipSync(bytes);
    parts['xl/worksheets/sheet1.xml'] = strToU8(extraSheetXml(strFromU8(parts['xl/worksheets/sheet1.xml'])));
    return zipSync(parts, { level: 9 });
  }

  it('one cell at XFD1048576: refused from the sheet XML in milliseconds, before exceljs loads it', async () => {
    const bytes = await workbook((xml) => xml.replace('</sheetData>', '<row r="1048576"><c r="XFD1048576" t="n"><v>1</v></c></row></sheetData>').replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:XFD1048576"/>'));
    expect(bytes.length).toBeLessThan(10_000);
    const before = process.memoryUsage().rss;
    const r = await errors([{ table: 'invoices', file: 'invoices.xlsx', format: 'xlsx', bytes }, payments()]);
    expect(r.messages).toEqual(['invoices.xlsx: worksheet sheet1.xml reaches row 1,048,576; a ledger table may have at most 200,000 rows (delete the stray cells far below the table)']);
    expect(r.ms).toBeLessThan(1000);
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * 1024 * 1024);
  });

  it('a cell far to the right (column 16,384 in row 2) is refused too', async () => {
    const bytes = await workbook((xml) => xml.replace('</row></sheetData>', '<c r="XFD2" t="n"><v>1</v></c></row></sheetData>'));
    expect(precheckXlsx(bytes)?.error).toMatch(/reaches column 16,384; a ledger table may have at most 256 columns/);
  });

  it('an ordinary workbook passes the precheck and reads', async () => {
    const bytes = await workbook();
    expect(precheckXlsx(bytes)).toBeUndefined();
    const r = await errors([{ table: 'invoices', file: 'invoices.xlsx', format: 'xlsx', bytes }, payments()]);
    expect(r.messages).toEqual([]);
    expect(r.ledger?.invoices).toHaveLength(1);
  });
});
