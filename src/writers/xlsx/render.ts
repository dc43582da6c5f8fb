/**
 * Workbook model → .xlsx bytes with exceljs. Money stays Decimal until the cell is written;
 * numbers get real number formats (never text), the header (and title) rows are frozen, total
 * rows are bold, and the zip is normalised so the same model always gives the same bytes.
 */
import ExcelJS from 'exceljs';
import { parseIsoDate, toUtcDate } from '../../domain/dates.js';
import { Decimal } from '../../domain/money.js';
import { type CellValue, type Column, type Sheet, type Workbook, numFmtFor } from './model.js';
import { normalizeXlsx } from './normalize.js';

const HEADER_FILL = 'FFE8EEF7';
const RULE = { style: 'thin' as const, color: { argb: 'FF7F7F7F' } };
const HEAVY_RULE = { style: 'medium' as const, color: { argb: 'FF404040' } };
const INVALID_SHEET_CHARS = /[[\]:*?/\\]/;
/** Row heights in points for wrapped text lines (Calibri 11 = 15 pt; the 13 pt title ≈ 18 pt). */
const NOTE_LINE = 15;
/** exceljs's default font; named on styled cells, or a reader falls back to some other face. */
const FONT = { name: 'Calibri', size: 11, family: 2 } as const;
const TITLE_LINE = 18;

export async function renderXlsx(wb: Workbook): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = wb.company;
  book.lastModifiedBy = wb.company;
  book.created = wb.created;
  book.modified = wb.created;
  book.title = wb.title;
  book.company = wb.company;

  const names = new Set<string>();
  for (const sheet of wb.sheets) {
    checkSheetName(sheet.name, names);
    writeSheet(book.addWorksheet(sheet.name), sheet);
  }
  const raw = await book.xlsx.writeBuffer();
  return normalizeXlsx(new Uint8Array(raw as ArrayBuffer), wb.created);
}

function checkSheetName(name: string, seen: Set<string>): void {
  if (name.length === 0 || name.length > 31 || INVALID_SHEET_CHARS.test(name)) {
    throw new Error(`invalid sheet name "${name}" (1–31 characters, none of []:*?/\\)`);
  }
  const key = name.toLowerCase();
  if (seen.has(key)) throw new Error(`duplicate sheet name "${name}"`);
  seen.add(key);
}

function writeSheet(ws: ExcelJS.Worksheet, sheet: Sheet): void {
  const n = sheet.columns.length;
  ws.columns = sheet.columns.map((c) => ({ width: c.width ?? defaultWidth(c) }));

  const widths = sheet.columns.map((c) => c.width ?? defaultWidth(c));
  let r = 1;
  if (sheet.title) {
    const cell = textBlock(ws, r, n, widths, sheet.title, TITLE_LINE);
    cell.font = { ...FONT, bold: true, size: 13 };
    r += 1;
  }
  const headerRow = r;
  const header = ws.getRow(headerRow);
  sheet.columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { ...FONT, bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };
    cell.border = { bottom: RULE };
    cell.alignment = { vertical: 'middle', horizontal: alignFor(c), wrapText: true };
  });
  // Wrapped headers: give the row the height of its tallest header (readers do not re-measure).
  const headerLines = Math.max(1, ...sheet.columns.map((c, i) => Math.ceil(displayWidth(c.header) / Math.max(1, widths[i] - 1))));
  header.height = headerLines * NOTE_LINE;
  r += 1;

  let lastFilterRow = headerRow;
  sheet.rows.forEach((row, index) => {
    if (row.cells.length !== n) {
      throw new Error(`sheet "${sheet.name}" row ${index + 1}: ${row.cells.length} cells for ${n} columns`);
    }
    const xr = ws.getRow(r);
    row.cells.forEach((value, i) => {
      const column = sheet.columns[i];
      const cell = xr.getCell(i + 1);
      cell.value = cellValue(value, column, `sheet "${sheet.name}" row ${index + 1}, column "${column.header}"`);
      const fmt = numFmtFor(column);
      if (fmt && value !== null) cell.numFmt = fmt;
      if (column.kind !== 'text') cell.alignment = { horizontal: alignFor(column) };
      if (row.kind === 'total' || row.kind === 'subtotal') {
        cell.font = { ...FONT, bold: true };
        cell.border = { top: row.kind === 'total' ? HEAVY_RULE : RULE };
      }
    });
    if (row.kind !== 'total' && row.kind !== 'subtotal') lastFilterRow = r;
    r += 1;
  });

  if (sheet.notes && sheet.notes.length > 0) {
    r += 1;
    for (const note of sheet.notes) {
      textBlock(ws, r, n, widths, note, NOTE_LINE);
      r += 1;
    }
  }

  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: headerRow, topLeftCell: `A${headerRow + 1}`, activeCell: `A${headerRow + 1}` }];
  if (sheet.autoFilter && n > 0) {
    ws.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: lastFilterRow, column: n } };
  }
  ws.pageSetup = {
    orientation: sheet.orientation ?? 'landscape',
    paperSize: 9, // A4
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: `${headerRow}:${headerRow}`,
  };
}

/**
 * The one place a Decimal becomes a binary number. `Number(d.toFixed(2))` is exact to the cent:
 * a double holds 15–17 significant digits, and the nearest double to any 2-decimal amount below
 * 10^13 (ten trillion yuan) prints back as that same amount, so Excel shows the figure we computed.
 */
function cellValue(value: CellValue, column: Column, where: string): ExcelJS.CellValue {
  if (value === null) return null;
  switch (column.kind) {
    case 'text': {
      const text = typeof value === 'string' ? value : String(value);
      return text === '' ? null : text; // an empty string would still be a (shared-string) cell
    }
    case 'money':
      if (!(value instanceof Decimal)) throw new Error(`${where}: money must be a Decimal, got ${JSON.stringify(value)}`);
      if (value.abs().gte(1e13)) throw new Error(`${where}: ${value.toFixed(2)} is too large to store exactly`);
      return Number(value.toFixed(2));
    case 'percent':
    case 'number':
      if (!(value instanceof Decimal)) throw new Error(`${where}: ${column.kind} must be a Decimal, got ${JSON.stringify(value)}`);
      return Number(value.toString());
    case 'int':
      if (typeof value !== 'number' || !Number.isInteger(value)) throw new Error(`${where}: expected a whole number, got ${JSON.stringify(value)}`);
      return value;
    case 'date': {
      const d = typeof value === 'string' ? parseIsoDate(value) : undefined;
      if (!d) throw new Error(`${where}: expected a YYYY-MM-DD date, got ${JSON.stringify(value)}`);
      return toUtcDate(d); // UTC midnight: exceljs converts with getTime(), so the serial is a whole day
    }
  }
}

/**
 * A line of text across the table's width: merged over its columns and wrapped, so it neither
 * spills past the table (which would shrink a fit-to-width printout) nor hides. Excel does not
 * size merged rows by their content, so the row height is estimated from the text length.
 */
function textBlock(ws: ExcelJS.Worksheet, row: number, columns: number, widths: number[], text: string, lineHeight: number): ExcelJS.Cell {
  const cell = ws.getCell(row, 1);
  cell.value = text;
  cell.alignment = { wrapText: true, vertical: 'top', horizontal: 'left' };
  if (columns > 1) ws.mergeCells(row, 1, row, columns);
  const available = Math.max(1, widths.slice(0, Math.max(1, columns)).reduce((a, w) => a + w, 0) - 1);
  const lines = Math.max(1, Math.ceil(displayWidth(text) / available));
  ws.getRow(row).height = lines * lineHeight;
  return cell;
}

/** Width in Excel character units: CJK and full-width characters take two. */
function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/.test(ch) ? 2 : 1;
  return w * 1.1; // proportional glyphs run a little wider than the digit width Excel measures in
}

function alignFor(c: Column): 'left' | 'right' | 'center' {
  if (c.kind === 'money' || c.kind === 'percent' || c.kind === 'number' || c.kind === 'int') return 'right';
  if (c.kind === 'date') return 'center';
  return 'left';
}

function defaultWidth(c: Column): number {
  switch (c.kind) {
    case 'money':
      return 16;
    case 'date':
      return 12;
    case 'percent':
    case 'int':
      return 10;
    case 'number':
      return 10;
    case 'text':
      return 18;
  }
}
