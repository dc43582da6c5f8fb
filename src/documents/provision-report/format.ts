/**
 * One formatting of every figure: a typed sheet (the XLSX model) becomes a DataTable of
 * literal strings for the PDF/DOCX writers. Because both outputs come from the same typed
 * rows, the printed report and the workbook cannot disagree on a figure.
 */
import type { DataTable, DataTableRow, Align } from '../../tree/nodes.js';
import { Decimal, fixed, formatMoney, formatPercentFixed } from '../../domain/money.js';
import type { CellValue, Column, Sheet } from '../../tree/workbook.js';

/** 1234.5 → "1,234.50"; −5 → "(5.00)" (finance reports show negatives in parentheses). */
export function money(d: Decimal): string {
  // Whole cents (every amount the computation produces) need no rounding: format the digits
  // directly, as formatMoney would, without its rounded copies. Anything finer goes through it.
  if (!d.isFinite() || d.decimalPlaces() > 2) return formatMoney(d, { parens: true });
  const text = fixed(d, 2);
  const negative = text.charCodeAt(0) === 45; // '-'
  const digits = negative ? text.slice(1) : text;
  const dot = digits.length - 3;
  const body = `${digits.slice(0, dot).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${digits.slice(dot)}`;
  return negative && !d.isZero() ? `(${body})` : body;
}

/** 0.178 → "17.8%" with a fixed number of decimals, the same as the XLSX number format. */
export function percent(rate: Decimal, decimals = 0): string {
  return formatPercentFixed(rate, decimals);
}

/** Decimals needed to show every rate exactly as a percentage (0.1 → 0, 0.055 → 1), at most 2. */
export function percentDecimals(rates: Decimal[]): number {
  return Math.min(2, Math.max(0, ...rates.map((r) => r.times(100).decimalPlaces())));
}

/** FX rates: at least 4 decimals (7.0950), more when the rate has them (up to 6). */
export function fxDecimals(rates: Decimal[]): number {
  return Math.min(6, Math.max(4, ...rates.map((r) => r.decimalPlaces())));
}

function formatCell(value: CellValue, column: Column): string {
  if (value === null) return '';
  if (typeof value === 'string') return value;
  switch (column.kind) {
    case 'money':
      return value instanceof Decimal ? money(value) : String(value);
    case 'percent':
      return value instanceof Decimal ? percent(value, column.decimals ?? 0) : String(value);
    case 'number':
      return value instanceof Decimal ? fixed(value, column.decimals ?? 4) : String(value);
    default:
      return String(value);
  }
}

function alignOf(column: Column): Align {
  if (column.kind === 'text') return 'left';
  if (column.kind === 'date') return 'center';
  return 'right';
}

export interface TableOptions {
  caption?: string;
  dense?: boolean;
  /** Turn this column into band rows (one per change of value) and leave it out of the table. */
  groupBy?: number;
}

export function sheetToDataTable(sheet: Sheet, opts: TableOptions = {}): DataTable {
  const keep = [...sheet.columns.entries()].filter(([i]) => i !== opts.groupBy);
  const groupBy = opts.groupBy === undefined ? undefined : sheet.columns[opts.groupBy];
  const rows: DataTableRow[] = [];
  let group: string | undefined;
  // A row has a cell per column; a missing one prints empty.
  for (const row of sheet.rows) {
    if (groupBy && opts.groupBy !== undefined && (row.kind ?? 'normal') === 'normal') {
      const g = formatCell(row.cells[opts.groupBy] ?? null, groupBy);
      if (g !== group) {
        rows.push({ kind: 'group', cells: [g, ...keep.slice(1).map(() => '')] });
        group = g;
      }
    }
    rows.push({ kind: row.kind ?? 'normal', cells: keep.map(([i, column]) => formatCell(row.cells[i] ?? null, column)) });
  }
  return {
    type: 'dataTable',
    ...(opts.caption ? { caption: opts.caption } : {}),
    columns: keep.map(([, column]) => ({ label: column.header, align: alignOf(column), width: column.width ?? 1 })),
    rows,
    ...(opts.dense ? { dense: true } : {}),
  };
}
