/**
 * Workbook tree (tree/workbook.ts) → .xlsx bytes with exceljs. Money stays Decimal until the cell is written;
 * numbers get real number formats (never text), the header (and title) rows are frozen, total
 * rows are bold, and the zip is normalised so the same model always gives the same bytes.
 */
import { CHECKED, installedVersion } from '../internals/check.js';
import ExcelJS from 'exceljs';
import { strToU8 } from 'fflate';
import { parseIsoDate, toUtcDate } from '../../domain/dates.js';
import { Decimal, fixed } from '../../domain/money.js';
import type { CellValue, Column, Row, Sheet, Workbook } from '../../tree/workbook.js';
import { colours, INK } from '../theme.js';
import { numFmtFor } from './number-formats.js';
import { normalizeParts } from './normalize.js';
import { blockRowModel, columnLetter, installRowHook, RowBlock, type BlockCells } from './rows.js';

/** "#RRGGBB" from the shared theme (../theme.ts) → exceljs's opaque ARGB. */
const argb = (hex: string): string => `FF${hex.slice(1).toUpperCase()}`;
// The look shared with the PDF and DOCX: header rows in the brand tint, rules in the theme's inks
// (thin: muted grey, so a rule stands out from the spreadsheet's own gridlines; totals: the strong rule).
const RULE = { style: 'thin' as const, color: { argb: argb(INK.muted) } };
const HEAVY_RULE = { style: 'medium' as const, color: { argb: argb(INK.ruleStrong) } };
const INVALID_SHEET_CHARS = /[[\]:*?/\\]/;
/** Row heights in points for wrapped text lines (Calibri 11 = 15 pt; the 13 pt title ≈ 18 pt). */
const NOTE_LINE = 15;
/** exceljs's default font; named on styled cells, or a reader falls back to some other face. */
const FONT = { name: 'Calibri', size: 11, family: 2 } as const;
const TITLE_LINE = 18;

export async function renderXlsx(wb: Workbook): Promise<Buffer> {
  const headerFill = argb(colours(wb.brandColor).brandTint);
  const book = new ExcelJS.Workbook();
  book.creator = wb.company;
  book.lastModifiedBy = wb.company;
  book.created = wb.created;
  book.modified = wb.created;
  book.title = wb.title;
  book.company = wb.company;

  const names = new Set<string>();
  const dates = new Map<string, Date>();
  const layouts = new Map(wb.sheets.map((sh) => [sh.name, layoutOf(sh)]));
  const blocks = new Map<string, RowBlock>();
  for (const sheet of wb.sheets) {
    checkSheetName(sheet.name, names);
    writeSheet(book.addWorksheet(sheet.name), sheet, dates, layouts, headerFill, blocks);
  }
  return normalizeParts(await packageParts(book, blocks), wb.created);
}

/** What exceljs hands its zip writer: one call per package part. */
interface PartSink {
  append(data: string | Uint8Array, options: { name: string; base64?: boolean }): void;
}

/** The steps of exceljs's XLSX.write (lib/xlsx/xlsx.js, 4.4), each adding parts to the zip it is given. */
type PartStep = (zip: PartSink, model: unknown) => Promise<void> | void;
const PART_STEPS = ['addContentTypes', 'addOfficeRels', 'addWorkbookRels', 'addWorksheets', 'addSharedStrings', 'addDrawings', 'addTables', 'addThemes', 'addStyles', 'addMedia', 'addApp', 'addCore', 'addWorkbook'] as const;
/** What packageParts touches of exceljs's worksheet model: the rows in order, and the used range. */
interface WorksheetModel {
  name: string;
  rows: { number: number }[];
  dimensions: { expand(top: number, left: number, bottom: number, right: number): void };
}
type XlsxInternals = { prepareModel(model: unknown, options: object): void } & Record<(typeof PART_STEPS)[number], PartStep>;

/**
 * The package parts as exceljs renders them, without its zip: XLSX.write renders every part
 * into a JSZip archive that normalizeParts would only unpack again (it re-packs them itself).
 * This runs the same steps in the same order with a sink that keeps the parts, so the bytes
 * are the ones writeBuffer's archive holds. The data rows are written by their blocks (rows.ts),
 * which stand in the worksheet models' rows; since that already relies on exceljs 4.4's internals,
 * a release without these steps is refused rather than written some other way.
 */
async function packageParts(book: ExcelJS.Workbook, blocks: Map<string, RowBlock>): Promise<Record<string, Uint8Array>> {
  const version = installedVersion('exceljs');
  if (version !== CHECKED.exceljs) throw new Error(`exceljs ${version} is installed; the XLSX writer is made for exceljs ${CHECKED.exceljs} (docs/library-internals.md)`);
  const xlsx = book.xlsx as unknown as Partial<XlsxInternals>;
  if (typeof xlsx.prepareModel !== 'function' || PART_STEPS.some((k) => typeof xlsx[k] !== 'function')) {
    throw new Error('exceljs: XLSX.write steps not found (the writer is made for exceljs 4.4)');
  }
  installRowHook();
  const steps = xlsx as XlsxInternals;
  const parts: Record<string, Uint8Array> = {};
  const sink: PartSink = {
    append(data, options) {
      // JSZip stores a string as UTF-8, and base64 input as the bytes it encodes.
      parts[options.name] = typeof data === 'string' ? (options.base64 ? Buffer.from(data, 'base64') : strToU8(data)) : data;
    },
  };
  const { model } = book;
  // Each block takes its rows' place among the sheet's rows (after the header, before the notes)
  // and in the sheet's dimension, as exceljs's own rows would.
  for (const sheet of (model as unknown as { worksheets: WorksheetModel[] }).worksheets) {
    const block = blocks.get(sheet.name);
    if (!block) continue;
    const at = sheet.rows.findIndex((row) => row.number > block.first);
    sheet.rows.splice(at < 0 ? sheet.rows.length : at, 0, blockRowModel(block) as { number: number });
    sheet.dimensions.expand(block.first, 1, block.last, block.columns);
  }
  steps.prepareModel(model, {});
  for (const step of PART_STEPS) await steps[step](sink, model);
  return parts;
}

function checkSheetName(name: string, seen: Set<string>): void {
  if (name.length === 0 || name.length > 31 || INVALID_SHEET_CHARS.test(name)) {
    throw new Error(`invalid sheet name "${name}" (1–31 characters, none of []:*?/\\)`);
  }
  const key = name.toLowerCase();
  if (seen.has(key)) throw new Error(`duplicate sheet name "${name}"`);
  seen.add(key);
}

/** Where a sheet's rows land: the header row, and the first and last normal (filterable) rows. */
interface Layout {
  headerRow: number;
  /** Excel row of rows[0]. */
  first: number;
  normalFirst?: number;
  normalLast?: number;
}

function layoutOf(sheet: Sheet): Layout {
  const headerRow = sheet.title ? 2 : 1;
  const first = headerRow + 1;
  const normal = sheet.rows.flatMap((r, i) => ((r.kind ?? 'normal') === 'normal' ? [first + i] : []));
  return { headerRow, first, ...(normal.length ? { normalFirst: normal[0], normalLast: normal[normal.length - 1] } : {}) };
}

const REF = /\{(?:([^{}!]+)!)?(?:(rows) (\d+)|(\d+),(\d+)|@(\d+))\}/g;

/**
 * A formula with its reference tokens (see Row.formulas) resolved to A1 addresses, but for the
 * row numbers of `{@c}` tokens (this row): `parts[0] + (firsts[0] + row) + parts[1] + …`. A sheet's
 * formulas repeat down its rows, so each is resolved once and completed per row.
 */
interface CompiledFormula {
  parts: string[];
  firsts: number[];
}

function compileFormula(formula: string, sheet: Sheet, layouts: Map<string, Layout>): CompiledFormula {
  const parts: string[] = [];
  const firsts: number[] = [];
  let text = '';
  let last = 0;
  for (const m of formula.matchAll(REF)) {
    const [token, other, rows, rc, r, c, at] = m;
    text += formula.slice(last, m.index);
    last = m.index + token.length;
    const name = other ?? sheet.name;
    const layout = layouts.get(name);
    if (!layout) throw new Error(`sheet "${sheet.name}": formula refers to unknown sheet "${name}"`);
    const prefix = other ? `'${other.replace(/'/g, "''")}'!` : '';
    if (rows !== undefined) {
      const col = columnLetter(Number(rc));
      // No normal rows: the header cell (text, which SUM and SUBTOTAL count as nothing).
      if (layout.normalFirst === undefined) text += `${prefix}$${col}$${layout.headerRow}`;
      else text += `${prefix}$${col}$${layout.normalFirst}:$${col}$${layout.normalLast}`;
    } else if (at !== undefined) {
      parts.push(`${text}${prefix}${columnLetter(Number(at))}`);
      firsts.push(layout.first);
      text = '';
    } else text += `${prefix}${columnLetter(Number(c))}${layout.first + Number(r)}`;
  }
  parts.push(text + formula.slice(last));
  return { parts, firsts };
}

/** The compiled formula for the sheet's row `rowIndex` (0 = rows[0]). */
function formulaAt(f: CompiledFormula, rowIndex: number): string {
  let out = f.parts[0]!;
  for (let k = 0; k < f.firsts.length; k++) out += `${f.firsts[k]! + rowIndex}${f.parts[k + 1]!}`;
  return out;
}

function writeSheet(ws: ExcelJS.Worksheet, sheet: Sheet, dates: Map<string, Date>, layouts: Map<string, Layout>, headerFill: string, blocks: Map<string, RowBlock>): void {
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
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: headerFill } };
    cell.border = { bottom: RULE };
    cell.alignment = { vertical: 'middle', horizontal: alignFor(c), wrapText: true };
  });
  // Wrapped headers: give the row the height of its tallest header (readers do not re-measure).
  const headerLines = Math.max(1, ...sheet.columns.map((c, i) => Math.ceil(displayWidth(c.header) / Math.max(1, (widths[i] ?? 1) - 1))));
  header.height = headerLines * NOTE_LINE;
  r += 1;

  // One style object per column, row kind and empty-or-not, shared by the cells it applies to:
  // exceljs reuses the style id of a style object it has seen instead of serialising the style
  // of every cell to look it up. Within one key the style and the cell type are the same, so
  // the ids (and the file) are the ones a fresh style object per cell gives.
  const plans = sheet.columns.map((column, i): ColumnPlan => ({ column, index: i, fmt: numFmtFor(column), styles: new Map() }));
  // The data rows: no exceljs cells, one block of sheet XML (rows.ts) that exceljs writes in their place.
  const cells: BlockCells = { values: [], styles: [], formulas: new Map() };
  const formulas = new Map<string, CompiledFormula>();
  const compiled = (formula: string): CompiledFormula => {
    let f = formulas.get(formula);
    if (!f) formulas.set(formula, (f = compileFormula(formula, sheet, layouts)));
    return f;
  };
  let lastFilterRow = headerRow;
  for (const [index, row] of sheet.rows.entries()) {
    if (row.cells.length !== n) {
      throw new Error(`sheet "${sheet.name}" row ${index + 1}: ${row.cells.length} cells for ${n} columns`);
    }
    const kind = row.kind ?? 'normal';
    for (const plan of plans) {
      const value = row.cells[plan.index] ?? null; // the row has a cell per column (checked above)
      const stored = value === null ? null : cellValue(value, plan.column, dates);
      if (stored === undefined && value !== null) invalid(value, plan.column, sheet.name, index + 1);
      const formula = row.formulas?.[plan.index];
      // A live formula with its cached result: any reader shows the figure without recalculating (a cached 0 included).
      if (formula) cells.formulas.set(cells.values.length, formulaAt(compiled(formula), index));
      cells.values.push(stored ?? null);
      cells.styles.push(styleOf(plan, kind, value === null));
    }
    if (kind !== 'total' && kind !== 'subtotal') lastFilterRow = r;
    r += 1;
  }
  // A row with no cells is no row to exceljs (no columns: nothing to write).
  if (n > 0 && sheet.rows.length > 0) blocks.set(ws.name, new RowBlock(headerRow + 1, n, ROW_STYLE, cells));

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

interface ColumnPlan {
  column: Column;
  index: number;
  fmt: string | undefined;
  styles: Map<string, Partial<ExcelJS.Style>>;
}

/** Data rows carry no style of their own; one shared object lets exceljs look it up once. */
const ROW_STYLE: Partial<ExcelJS.Style> = {};

/** A data cell's style: the column's number format (when the cell has a value) and alignment; bold under a rule on total rows. */
function styleOf(plan: ColumnPlan, kind: NonNullable<Row['kind']>, empty: boolean): Partial<ExcelJS.Style> {
  const key = empty ? `${kind}0` : kind;
  let style = plan.styles.get(key);
  if (!style) {
    style = {};
    if (plan.fmt && !empty) style.numFmt = plan.fmt;
    if (plan.column.kind !== 'text') style.alignment = { horizontal: alignFor(plan.column) };
    if (kind === 'total' || kind === 'subtotal') {
      style.font = { ...FONT, bold: true };
      style.border = { top: kind === 'total' ? HEAVY_RULE : RULE };
    }
    plan.styles.set(key, style);
  }
  return style;
}

/** Money beyond this is refused: past 10^13 a double no longer holds every cent. */
const MONEY_LIMIT = new Decimal('1e13');
const NEG_MONEY_LIMIT = MONEY_LIMIT.negated();

/**
 * The one place a Decimal becomes a binary number. `Number(fixed(d, 2))` is exact to the cent:
 * a double holds 15–17 significant digits, and the nearest double to any 2-decimal amount below
 * 10^13 (ten trillion yuan) prints back as that same amount, so Excel shows the figure we computed.
 * Undefined when the value does not fit the column (invalid() says why).
 */
function cellValue(value: Exclude<CellValue, null>, column: Column, dates: Map<string, Date>): ExcelJS.CellValue | undefined {
  switch (column.kind) {
    case 'text': {
      const text = typeof value === 'string' ? value : String(value);
      return text === '' ? null : text; // an empty string would still be a (shared-string) cell
    }
    case 'money':
      if (!(value instanceof Decimal)) return undefined;
      // A finite value's exponent below 13 is |value| < 10^13 (decimal.js: d is null for ±Infinity and NaN); else compare.
      if (!((value.d as number[] | null) && value.e < 13) && (value.gte(MONEY_LIMIT) || value.lte(NEG_MONEY_LIMIT))) return undefined;
      // Amounts are whole cents already: then the shortest text is the same number, without the rounding copy.
      return Number(value.decimalPlaces() <= 2 ? value.toString() : fixed(value, 2));
    case 'percent':
    case 'number':
      return value instanceof Decimal ? Number(value.toString()) : undefined;
    case 'int':
      return typeof value === 'number' && Number.isInteger(value) ? value : undefined;
    case 'date': {
      if (typeof value !== 'string') return undefined;
      let date = dates.get(value);
      if (!date) {
        const d = parseIsoDate(value);
        if (!d) return undefined;
        date = toUtcDate(d); // UTC midnight: exceljs converts with getTime(), so the serial is a whole day
        dates.set(value, date);
      }
      return date;
    }
  }
}

/** Why cellValue refused a value. */
function invalid(value: Exclude<CellValue, null>, column: Column, sheetName: string, row: number): never {
  const where = `sheet "${sheetName}" row ${row}, column "${column.header}"`;
  switch (column.kind) {
    case 'money':
      if (value instanceof Decimal) throw new Error(`${where}: ${fixed(value, 2)} is too large to store exactly`);
      throw new Error(`${where}: money must be a Decimal, got ${JSON.stringify(value)}`);
    case 'percent':
    case 'number':
      throw new Error(`${where}: ${column.kind} must be a Decimal, got ${JSON.stringify(value)}`);
    case 'int':
      throw new Error(`${where}: expected a whole number, got ${JSON.stringify(value)}`);
    default:
      throw new Error(`${where}: expected a YYYY-MM-DD date, got ${JSON.stringify(value)}`);
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
