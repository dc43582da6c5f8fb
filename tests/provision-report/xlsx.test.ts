import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { compose, createTemplateStore } from '../../src/compose/index.js';
import { Decimal } from '../../src/domain/money.js';
import { planProvisionReport, workbookForProvisionReport } from '../../src/documents/provision-report/index.js';
import { renderXlsx } from '../../src/writers/xlsx/index.js';
import { unzip } from '../helpers/extract.js';
import { ctx, workedExample } from './fixture.js';
import { assertFoots, dataTables } from './tree-helpers.js';
import { readXlsx, readXlsxValues, sheetTable, zipEntries } from './xlsx-read.js';

const MONEY = '#,##0.00;(#,##0.00)';
const HEADER_ROW = 2; // row 1 is the sheet title
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

let zhBuf: Buffer;
let zh: ExcelJS.Workbook;

beforeAll(async () => {
  zhBuf = await renderXlsx(workbookForProvisionReport(workedExample(), ctx()));
  zh = await readXlsxValues(zhBuf);
});

const sheet = (name: string) => zh.getWorksheet(name)!;
/** The row whose first (or second) cell reads `label`. */
const rowOf = (ws: ExcelJS.Worksheet, label: string, col = 1) => {
  for (let r = 1; r <= ws.rowCount; r++) if (ws.getRow(r).getCell(col).value === label) return ws.getRow(r);
  throw new Error(`no row "${label}" in ${ws.name}`);
};

describe('workbookForProvisionReport → renderXlsx', () => {
  it('has one sheet per section, Chinese names by default and English ones for locale en', async () => {
    expect(zh.worksheets.map((w) => w.name)).toEqual(['汇总', '账龄', '变动', '分录', '客户', '业务员', '明细', '例外', '上月对比', '客户变动', '催收', '签核']);
    const en = await readXlsx(await renderXlsx(workbookForProvisionReport(workedExample(), ctx('en'))));
    expect(en.worksheets.map((w) => w.name)).toEqual(['Summary', 'Aging', 'Movement', 'Journal', 'Customers', 'Reps', 'Detail', 'Exceptions', 'Prior month', 'Customer movement', 'Collection', 'Sign-off']);
    expect(en.getWorksheet('Aging')!.getRow(HEADER_ROW).getCell(3).value).toBe('Balance (CNY)');
  });

  it('stores money as real numbers to the cent with the parentheses number format', () => {
    const aging = sheet('账龄');
    const row = rowOf(aging, '逾期31–60天');
    const balance = row.getCell(3);
    expect(balance.type).toBe(ExcelJS.ValueType.Number);
    expect(balance.value).toBe(102184.5);
    expect(balance.numFmt).toBe(MONEY);
    expect(row.getCell(6).value).toBe(10218.46);
    expect(rowOf(aging, '组合计提小计').getCell(6).value).toBe(21662.91);
    expect(rowOf(aging, '合计').getCell(3).value).toBe(321406.71);
    expect(rowOf(aging, '合计').getCell(6).value).toBe(33662.91);
    expect(rowOf(aging, '合计').getCell(7).value).toBe(287743.8);
    expect(rowOf(sheet('变动'), '减：本期核销').getCell(2).value).toBe(5000);
    expect(rowOf(sheet('变动'), '期末余额').getCell(2).value).toBe(33662.91);
    expect(rowOf(sheet('汇总'), '本期计提').getCell(2).value).toBe(7662.91);
    // Every number in every sheet is a whole number of cents.
    for (const ws of zh.worksheets) {
      ws.eachRow((r) =>
        r.eachCell((c) => {
          if (c.numFmt === MONEY) {
            expect(typeof c.value).toBe('number');
            expect(Number((c.value as number).toFixed(2))).toBe(c.value);
          }
        }),
      );
    }
  });

  it('stores shares, rates, FX rates, days and dates as typed cells with their formats', () => {
    const aging = sheet('账龄');
    const share = rowOf(aging, '未到期').getCell(4);
    expect([share.value, share.numFmt]).toEqual([0.171, '0.0%']);
    expect([rowOf(aging, '逾期61–90天').getCell(5).value, rowOf(aging, '逾期61–90天').getCell(5).numFmt]).toEqual([0.2, '0%']);
    const detail = sheet('明细');
    const usd = rowOf(detail, 'INV-007', 3);
    expect(usd.getCell(4).value).toEqual(new Date('2024-01-15T00:00:00Z'));
    expect(usd.getCell(4).numFmt).toBe('yyyy-mm-dd');
    expect(usd.getCell(5).value).toEqual(new Date('2024-02-14T00:00:00Z'));
    expect([usd.getCell(6).value, usd.getCell(6).type]).toEqual([46, ExcelJS.ValueType.Number]);
    expect([usd.getCell(9).value, usd.getCell(9).numFmt]).toEqual([10000, MONEY]);
    expect([usd.getCell(10).value, usd.getCell(10).numFmt]).toEqual([7.095, '0.0000']);
    expect([usd.getCell(11).value, usd.getCell(12).value, usd.getCell(12).numFmt, usd.getCell(13).value]).toEqual([70950, 0.1, '0%', 7095]);
    expect(rowOf(detail, 'INV-008', 3).getCell(6).value).toBe(-19);
    expect(rowOf(detail, 'INV-010', 3).getCell(12).value).toBe(1);
  });

  it('writes date cells as whole-day serials (UTC midnight) whatever the time zone', () => {
    const xml = unzip(zhBuf)['xl/worksheets/sheet7.xml'];
    // 2024-01-31 = serial 45322; a zone-shifted date would carry a fraction.
    expect(xml).toMatch(/<c r="D3" s="\d+"><v>45322<\/v><\/c>/);
  });

  it('freezes the title and header rows on every sheet; autofilter on the detail without its total row', () => {
    for (const ws of zh.worksheets) {
      expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 0, ySplit: HEADER_ROW, topLeftCell: 'A3' });
      expect(ws.pageSetup.printTitlesRow).toBe('2:2');
    }
    const detail = sheet('明细');
    expect(detail.autoFilter).toBe('A2:N11'); // 9 invoices in rows 3–11; the total (row 12) stays out
    expect(rowOf(detail, '合计').number).toBe(12);
    expect(detail.pageSetup.orientation).toBe('landscape');
  });

  it('total and subtotal rows are bold, and each equals the sum of the rows above it', () => {
    let checked = 0;
    // 业务员: rep subtotals sit below the total, outside the filter range (checked below).
    for (const name of ['汇总', '账龄', '变动', '分录', '客户', '明细', '例外']) {
      const table = sheetTable(sheet(name), HEADER_ROW);
      checked += assertFoots(table);
    }
    expect(checked).toBeGreaterThan(20);
    const reps = sheet('业务员');
    const subtotal = rowOf(reps, '张伟 小计', 2);
    expect(subtotal.getCell(2).font.bold).toBe(true);
    expect(subtotal.getCell(11).value).toBe(4901.24);
    const total = rowOf(reps, '合计', 2);
    expect(total.getCell(3).font.bold).toBe(true);
    // In cents, so the check itself uses no float arithmetic.
    const cents = (v: unknown) => Math.round((v as number) * 100);
    let sum = 0;
    reps.eachRow((r) => {
      if (r.getCell(2).value?.toString().endsWith('小计')) sum += cents(r.getCell(11).value);
    });
    expect(sum).toBe(cents(total.getCell(11).value));
    expect(total.getCell(11).value).toBe(33662.91);
    // The total sums the rep × customer rows above it; the subtotals come after it.
    let rowsSum = 0;
    for (let r = HEADER_ROW + 1; r < total.number; r++) rowsSum += cents(reps.getRow(r).getCell(11).value);
    expect(rowsSum).toBe(cents(total.getCell(11).value));
    expect(subtotal.number).toBeGreaterThan(total.number);
    expect(reps.autoFilter).toBe(`A2:K${total.number - 1}`);
  });

  it('holds the same figures as the printed report, cell for cell', () => {
    const plan = planProvisionReport(workedExample(), ctx());
    const tables = dataTables(compose(plan, createTemplateStore()));
    const pairs: [string, number][] = [['汇总', 0], ['账龄', 1], ['变动', 2], ['分录', 3], ['客户', 4], ['明细', 6], ['例外', 7]];
    for (const [name, index] of pairs) {
      const xlsx = sheetTable(sheet(name), HEADER_ROW);
      expect(xlsx.columns.map((c) => c.label), name).toEqual(tables[index].columns.map((c) => c.label));
      expect(xlsx.rows.map((r) => r.cells), name).toEqual(tables[index].rows.map((r) => r.cells));
    }
    // Reps: the printed table turns the rep column into band rows.
    const reps = sheetTable(sheet('业务员'), HEADER_ROW);
    const printed = tables[5].rows.filter((r) => r.kind !== 'group').map((r) => r.cells);
    // The workbook orders them rows, total, then subtotals (outside the filter range): same rows, same figures.
    const key = (rows: string[][]) => rows.map((r) => JSON.stringify(r)).sort();
    expect(key(reps.rows.map((r) => r.cells.slice(1)))).toEqual(key(printed));
  });

  it('prints the header facts, the reconciliation line and the confidentiality note on the summary sheet', () => {
    const texts: string[] = [];
    sheet('汇总').eachRow((r) => texts.push(String(r.getCell(1).value)));
    expect(texts[0]).toBe('华芯电子科技有限公司 · 应收账款坏账准备月报 2024-03-31 · 汇总');
    expect(texts).toContain('账龄规则：逾期天数 = 截止日 − 到期日；超过 30 天不含 30 天（按日历天数计，到期当日为 0 天，不属逾期）。');
    expect(texts).toContain('折算汇率：USD 7.0950（2024-03-31）');
    expect(texts.some((t) => t.startsWith('账面余额：明细合计 321,406.71 = 账龄合计 321,406.71 = 汇总 321,406.71'))).toBe(true);
    expect(texts.at(-1)).toBe('内部资料 · 请勿外传');
  });

  it('stamps the document properties with the report date, not the clock', async () => {
    expect(zh.creator).toBe('华芯电子科技有限公司');
    expect(zh.lastModifiedBy).toBe('华芯电子科技有限公司');
    expect(zh.title).toBe('应收账款坏账准备月报 2024-03-31');
    expect(zh.created.toISOString()).toBe('2024-04-01T00:00:00.000Z');
    expect(zh.modified.toISOString()).toBe('2024-04-01T00:00:00.000Z');
  });
});

describe('renderXlsx determinism', () => {
  it('renders byte-identical files for the same model, seconds apart', async () => {
    await new Promise((r) => setTimeout(r, 2100)); // past the zip format's 2-second time resolution
    const again = await renderXlsx(workbookForProvisionReport(workedExample(), ctx()));
    expect(again.equals(zhBuf)).toBe(true);
  });

  it('renders the same bytes in a fresh process in another time zone', () => {
    const script = fileURLToPath(new URL('./xlsx-hash.script.ts', import.meta.url));
    for (const TZ of ['America/Los_Angeles', 'Asia/Shanghai']) {
      const out = execFileSync('npx', ['tsx', script, 'zh-CN'], { encoding: 'utf8', env: { ...process.env, TZ }, timeout: 60_000 });
      expect(out.trim(), TZ).toBe(sha(zhBuf));
    }
  });

  it('writes a normalised zip: [Content_Types].xml first, sorted parts, no folders, 1980-01-01 00:00 mtimes', () => {
    const entries = zipEntries(zhBuf);
    expect(entries[0].name).toBe('[Content_Types].xml');
    const rest = entries.slice(1).map((e) => e.name);
    expect(rest).toEqual([...rest].sort());
    expect(rest.some((n) => n.endsWith('/'))).toBe(false);
    for (const e of entries) expect([e.dosDate, e.dosTime]).toEqual([(0 << 9) | (1 << 5) | 1, 0]);
    expect(unzip(zhBuf)['docProps/core.xml']).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2024-04-01T00:00:00Z</dcterms:modified>');
  });
});

describe('renderXlsx model checks', () => {
  const wb = (cells: unknown[], kind: 'money' | 'date' | 'int' = 'money', name = 'S') => ({
    created: new Date('2024-04-01T00:00:00Z'),
    title: 'T',
    company: 'C',
    sheets: [{ name, columns: [{ header: 'x', kind }], rows: [{ cells: cells as never }] }],
  });

  it('refuses a binary float where money belongs', async () => {
    await expect(renderXlsx(wb([0.1]))).rejects.toThrow(/money must be a Decimal/);
  });

  it('refuses impossible dates, fractional days, bad or duplicate sheet names, and short rows', async () => {
    await expect(renderXlsx(wb(['2024-02-30'], 'date'))).rejects.toThrow(/YYYY-MM-DD/);
    await expect(renderXlsx(wb([1.5], 'int'))).rejects.toThrow(/whole number/);
    await expect(renderXlsx(wb([new Decimal(1)], 'money', 'a/b'))).rejects.toThrow(/invalid sheet name/);
    const dup = wb([new Decimal(1)]);
    dup.sheets.push({ ...dup.sheets[0], name: 's' });
    await expect(renderXlsx(dup)).rejects.toThrow(/duplicate sheet name/);
    await expect(renderXlsx(wb([]))).rejects.toThrow(/0 cells for 1 columns/);
  });

  it('keeps an amount exact to the cent at the edge of what it accepts', async () => {
    const book = await readXlsx(await renderXlsx(wb([new Decimal('9999999999999.99')])));
    expect(book.worksheets[0].getRow(2).getCell(1).value).toBe(9999999999999.99);
    expect((9999999999999.99).toFixed(2)).toBe('9999999999999.99');
    await expect(renderXlsx(wb([new Decimal('10000000000000.00')]))).rejects.toThrow(/too large/);
    // The same edges below zero, and what is no amount at all.
    const negative = await readXlsx(await renderXlsx(wb([new Decimal('-9999999999999.99')])));
    expect(negative.worksheets[0].getRow(2).getCell(1).value).toBe(-9999999999999.99);
    await expect(renderXlsx(wb([new Decimal('-10000000000000')]))).rejects.toThrow(/too large/);
    await expect(renderXlsx(wb([new Decimal('1e20')]))).rejects.toThrow(/too large/);
    await expect(renderXlsx(wb([new Decimal(Infinity)]))).rejects.toThrow(/too large/);
    await expect(renderXlsx(wb([new Decimal(-Infinity)]))).rejects.toThrow(/too large/);
  });
});
