/** One RawTable → typed ledger rows: header mapping, then one reader per table kind. */
import { Diagnostic } from '../../diagnostics.js';
import type { Ledger } from '../../domain/receivables/types.js';
import { describeField, mapHeaders, type TableName } from './headers.js';
import { invoiceHeaderProblems, readInvoiceRow } from './invoice-rows.js';
import { readAdjustmentRow, readFxRow, readSpecificRow } from './other-rows.js';
import { readPaymentRow } from './payment-rows.js';
import { RowReader } from './row-reader.js';
import type { RawTable } from './table.js';

export function readTableRows(name: TableName, table: RawTable, functionalCurrency: string, ledger: Ledger, diagnostics: Diagnostic[]): void {
  const map = mapHeaders(name, table.headers);
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
