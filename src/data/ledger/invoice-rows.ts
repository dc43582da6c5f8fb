/** invoices.* rows → Invoice. Due date: the column if given, else derived from terms, else the invoice date (flagged). */
import { compareDates } from '../../domain/dates.js';
import type { Invoice } from '../../domain/receivables/types.js';
import type { RowReader } from './row-reader.js';
import { dueFromTerms, parseTerms } from './terms.js';

export function readInvoiceRow(r: RowReader, functionalCurrency: string): Invoice | undefined {
  const invoiceNo = r.text('invoice_no', true);
  const id = r.text('customer_id');
  const name = r.text('customer_name');
  if (id === undefined && name === undefined) r.error(r.map.index.has('customer_id') ? 'customer_id' : 'customer_name', 'a customer is required', 'ledger/missing-value');
  const invoiceDate = r.date('invoice_date', true);
  const currency = r.currency('currency', functionalCurrency);
  const amount = r.amount('amount', { required: true, currency });
  const rep = r.text('rep') ?? '';
  let dueDate = r.date('due_date');
  const dueGiven = dueDate !== undefined || !r.blank('due_date');
  let terms: string | undefined;
  if (!dueGiven && !r.blank('terms')) {
    terms = r.text('terms');
    const parsed = parseTerms(terms ?? '');
    if (!parsed) r.error('terms', `"${terms}" is not a payment term (expected e.g. 30天, 1个月, 30 days, 2 months)`, 'ledger/terms');
    else if (invoiceDate) dueDate = dueFromTerms(invoiceDate, parsed);
  }
  if (invoiceDate && dueDate && compareDates(dueDate, invoiceDate) < 0) {
    r.error('due_date', `due date ${dueDate} is before the invoice date ${invoiceDate}`, 'ledger/due-before-invoice');
    return undefined;
  }
  if (!invoiceNo || (id === undefined && name === undefined) || !invoiceDate || !currency || !amount) return undefined;
  if (dueGiven && !dueDate) return undefined; // the due date cell did not parse; already reported
  if (terms !== undefined && !dueDate) return undefined;
  if (!dueDate) r.warn(r.map.index.has('due_date') ? 'due_date' : 'terms', `no due date or terms; the invoice date ${invoiceDate} is used as the due date`, 'ledger/missing-due-date');
  return {
    invoiceNo,
    customerId: id ?? name!,
    customerName: name ?? id!,
    invoiceDate,
    dueDate: dueDate ?? invoiceDate,
    dueDateMissing: dueDate === undefined,
    ...(terms !== undefined ? { terms } : {}),
    currency,
    amount,
    rep,
    source: r.source(),
  };
}

/** Table-level checks beyond required columns: a customer column and a due date or terms column. */
export function invoiceHeaderProblems(has: (field: string) => boolean): string[] {
  const out: string[] = [];
  if (!has('customer_id') && !has('customer_name')) out.push('customer_id (or 客户编号) / customer_name (or 客户名称)');
  if (!has('due_date') && !has('terms')) out.push('due_date (or 到期日) / terms (or 账期)');
  return out;
}
