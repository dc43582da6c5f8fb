/** Reading an .xlsx back the way Excel would: exceljs cells, and the zip's raw layout. */
import ExcelJS from 'exceljs';
import { Decimal, formatMoney } from '../../src/domain/money.js';
import type { DataTable, DataTableRow } from '../../src/tree/nodes.js';

export async function readXlsx(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb;
}

/** A cell's value, or a formula cell's cached result (what a reader shows without recalculating). */
export function valueOf(cell: ExcelJS.Cell): ExcelJS.CellValue {
  const v = cell.value;
  // cell.result, not v.result: exceljs's value copy drops a cached result of 0.
  return v !== null && typeof v === 'object' && 'formula' in v ? ((cell.result as ExcelJS.CellValue) ?? null) : v;
}

/** The workbook as a reader that does not recalculate sees it: every formula cell replaced by its cached result. */
export async function readXlsxValues(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = await readXlsx(buf);
  for (const ws of wb.worksheets) ws.eachRow((r) => r.eachCell((c) => {
    const v = c.value;
    if (v !== null && typeof v === 'object' && 'formula' in v) c.value = valueOf(c);
  }));
  return wb;
}

/** A cell as a reader sees it printed: the stored value through its number format. */
export function displayed(cell: ExcelJS.Cell): string {
  const v = valueOf(cell);
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'string') return v;
  if (typeof v !== 'number') throw new Error(`unexpected cell value ${JSON.stringify(v)} at ${cell.address}`);
  const fmt = cell.numFmt ?? '';
  const d = new Decimal(String(v));
  if (fmt === '#,##0.00;(#,##0.00)') return formatMoney(d, { parens: true });
  const pct = /^0(?:\.(0+))?%$/.exec(fmt);
  if (pct) return `${d.times(100).toFixed(pct[1]?.length ?? 0)}%`;
  const num = /^0(?:\.(0+))?$/.exec(fmt);
  if (num) return d.toFixed(num[1]?.length ?? 0);
  return String(v);
}

/**
 * A sheet's table (header row and the rows under it, up to the first empty row) as printed
 * strings, with row kinds read from the styling: a medium rule above = total, thin = subtotal.
 */
export function sheetTable(ws: ExcelJS.Worksheet, headerRow: number): DataTable {
  const header = ws.getRow(headerRow);
  const n = header.cellCount;
  const columns = Array.from({ length: n }, (_v, i) => ({ label: String(header.getCell(i + 1).value) }));
  const rows: DataTableRow[] = [];
  for (let r = headerRow + 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    if (!row.hasValues) break;
    const cells = Array.from({ length: n }, (_v, i) => displayed(row.getCell(i + 1)));
    const top = row.getCell(1).border?.top?.style ?? row.getCell(n).border?.top?.style;
    rows.push({ cells, kind: top === 'medium' ? 'total' : top === 'thin' ? 'subtotal' : 'normal' });
  }
  return { type: 'dataTable', columns, rows };
}

export interface ZipEntry {
  name: string;
  dosTime: number;
  dosDate: number;
}

/** Local file headers in file order (name and DOS time/date fields), read from the raw bytes. */
export function zipEntries(buf: Buffer): ZipEntry[] {
  const out: ZipEntry[] = [];
  let p = 0;
  while (buf.readUInt32LE(p) === 0x04034b50) {
    const flags = buf.readUInt16LE(p + 6);
    const compressed = buf.readUInt32LE(p + 18);
    const nameLen = buf.readUInt16LE(p + 26);
    const extraLen = buf.readUInt16LE(p + 28);
    out.push({ name: buf.toString('utf8', p + 30, p + 30 + nameLen), dosTime: buf.readUInt16LE(p + 10), dosDate: buf.readUInt16LE(p + 12) });
    if (flags & 0x08) throw new Error('data descriptors not supported by this reader');
    p += 30 + nameLen + extraLen + compressed;
  }
  return out;
}
