/**
 * XLSX ledger files: the first worksheet, header in row 1. Cells keep their Excel type — numbers
 * stay numbers (converted to Decimal at 15 significant digits, Excel's own precision) and
 * date-formatted cells arrive as Dates whose UTC fields are the calendar date Excel shows.
 */
import ExcelJS from 'exceljs';
import type { Cell, RawRow, TableResult } from './table.js';

export async function tableFromXlsx(bytes: Uint8Array, file: string): Promise<TableResult> {
  const wb = new ExcelJS.Workbook();
  try {
    // exceljs's typings predate Node's generic Buffer; the bytes are passed through unchanged.
    await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch (e) {
    return { error: `not a readable .xlsx workbook: ${(e as Error).message}` };
  }
  const ws = wb.worksheets[0];
  if (!ws) return { error: 'the workbook has no worksheet' };
  let headers: string[] | undefined;
  let width = 0;
  const rows: RawRow[] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    if (r === 1) {
      width = row.cellCount;
      headers = [];
      for (let c = 1; c <= width; c++) headers.push(String(cellValue(row.getCell(c).value) ?? ''));
      continue;
    }
    const cells: Cell[] = [];
    for (let c = 1; c <= width; c++) cells.push(cellValue(row.getCell(c).value));
    if (cells.every((v) => v === null || (typeof v === 'string' && v.trim() === ''))) continue;
    rows.push({ line: r, cells });
  }
  if (!headers) return { error: 'the first worksheet is empty (no header row)', line: 1 };
  return { table: { file, headers, headerLine: 1, rows } };
}

/** Formula cells give their cached result; rich text and hyperlinks give their visible text. */
function cellValue(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('formula' in v || 'sharedFormula' in v) return cellValue((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    if ('text' in v && typeof v.text === 'string') return v.text;
    if ('error' in v) return `#ERROR ${String(v.error)}`;
  }
  return String(v);
}
