/** One RawTable → typed ledger rows: header mapping, then one reader per table kind. */
import { Diagnostic } from '../../diagnostics.js';
import type { Ledger } from '../../domain/receivables/types.js';
import { describeField, mapHeaders, type TableName } from './headers.js';
import { invoiceHeaderProblems, readInvoiceRow } from './invoice-rows.js';
import { readAdjustmentRow, readFxRow, readSpecificRow } from './other-rows.js';
import { readPaymentRow } from './payment-rows.js';
import { RowReader } from './row-reader.js';
import type { Cell, RawRow, RawTable } from './table.js';

/** A row an ERP adds under the documents: its first non-blank cell says 合计/总计/Total (nothing else). */
const TOTAL_LABEL = /^(合计|总计|小计|本页合计|累计|合\s*计|总\s*计|total|grand total|subtotal|sum)\s*[:：]?$/i;

function cellText(c: Cell): string {
  return c === null || c === undefined ? '' : c instanceof Date ? c.toISOString().slice(0, 10) : String(c).trim();
}

/**
 * ERP exports put a title ("应收单据明细表", a date range…) above the header and 合计/总计 rows under
 * the documents. When the first row is not this table's header but one of the next five is, the rows
 * above it are skipped; trailing rows labelled 合计/总计/Total (and blank rows after them) are
 * skipped too. Each skip is a warning naming the line, so finance sees what was left out.
 */
function recogniseLayout(name: TableName, table: RawTable, diagnostics: Diagnostic[], columns?: Record<string, string>): RawTable {
  let t = table;
  const first = mapHeaders(name, t.headers, columns);
  if (first.missing.length > 0) {
    for (const [k, row] of t.rows.slice(0, 5).entries()) {
      const candidate = row.cells.map(cellText);
      const m = mapHeaders(name, candidate, columns);
      if (m.missing.length > 0 || m.index.size <= first.index.size) continue;
      const title = [t.headers, ...t.rows.slice(0, k).map((r) => r.cells.map(cellText))]
        .map((cells) => cells.filter(Boolean).join(' '))
        .filter(Boolean)
        .join(' / ');
      diagnostics.push(
        new Diagnostic({
          file: t.file,
          line: t.headerLine,
          severity: 'warning',
          rule: 'ledger/title-row',
          message: `skipped ${k + 1} title row${k ? 's' : ''} above the header${title ? ` ("${title.slice(0, 60)}")` : ''}; the header is on line ${row.line}`,
        }),
      );
      t = { ...t, headers: candidate, headerLine: row.line, rows: t.rows.slice(k + 1) };
      break;
    }
  }
  let end = t.rows.length;
  const blank = (r: RawRow) => r.cells.every((c) => cellText(c) === '');
  for (let r = t.rows[end - 1]; r; r = t.rows[end - 1]) {
    if (blank(r)) {
      end--;
      continue;
    }
    const label = r.cells.map(cellText).find((c) => c !== '') ?? '';
    if (!TOTAL_LABEL.test(label)) break;
    diagnostics.push(new Diagnostic({ file: t.file, line: r.line, severity: 'warning', rule: 'ledger/totals-row', message: `skipped the "${label}" row (a total, not a document)` }));
    end--;
  }
  return end === t.rows.length ? t : { ...t, rows: t.rows.slice(0, end) };
}

export function readTableRows(name: TableName, raw: RawTable, functionalCurrency: string, ledger: Ledger, diagnostics: Diagnostic[], columns?: Record<string, string>): void {
  const table = recogniseLayout(name, raw, diagnostics, columns);
  const map = mapHeaders(name, table.headers, columns);
  const headerError = (message: string, rule: string, field?: string): void => {
    diagnostics.push(new Diagnostic({ file: table.file, line: table.headerLine, message, rule, field }));
  };
  for (const field of map.missing) headerError(`missing required column ${describeField(name, field)}`, 'ledger/missing-column', field);
  for (const [field, a, b] of map.ambiguous) headerError(`columns "${a}" and "${b}" both mean ${field}; keep one`, 'ledger/ambiguous-column', b);
  const has = (f: string): boolean => map.index.has(f);
  const extra =
    name === 'invoices' ? invoiceHeaderProblems(has) : name === 'payments' && !has('invoice_no') && !has('customer_id') ? ['invoice_no (or 发票号) / customer_id (or 客户编号)'] : [];
  for (const what of extra) headerError(`missing required column ${what}`, 'ledger/missing-column');
  if (map.missing.length || map.ambiguous.length || extra.length) return;

  for (const row of table.rows) {
    const r = new RowReader(table.file, map, row, diagnostics);
    switch (name) {
      case 'invoices': {
        const inv = readInvoiceRow(r, functionalCurrency);
        if (inv) ledger.invoices.push(inv);
        break;
      }
      case 'payments': {
        const p = readPaymentRow(r);
        if (p) ledger.payments.push(p);
        break;
      }
      case 'adjustments': {
        const a = readAdjustmentRow(r);
        if (a) ledger.adjustments.push(a);
        break;
      }
      case 'fx': {
        const f = readFxRow(r);
        if (f) ledger.fx.push(f);
        break;
      }
      case 'specific': {
        const s = readSpecificRow(r);
        if (s) ledger.specific.push(s);
        break;
      }
    }
  }
}
