/** payments.* rows → Payment. A receipt without invoice_no is unapplied cash and must name its customer. */
import type { Payment } from '../../domain/receivables/types.js';
import type { RowReader } from './row-reader.js';

export function readPaymentRow(r: RowReader): Payment | undefined {
  const paymentNo = r.text('payment_no', true);
  const invoiceNo = r.text('invoice_no');
  const customerId = r.text('customer_id');
  const date = r.date('date', true);
  const currency = r.blank('currency') ? undefined : r.currency('currency', '');
  const amount = r.amount('amount', { required: true, currency });
  if (invoiceNo === undefined && customerId === undefined) {
    return r.error(r.map.index.has('customer_id') ? 'customer_id' : 'invoice_no', 'a receipt with no invoice number needs a customer (customer_id / 客户编号)', 'ledger/unapplied-customer');
  }
  if (invoiceNo === undefined && amount?.isNegative()) {
    // A refund only makes sense against the invoice it refunds.
    return r.error('amount', 'a negative receipt (refund) must name its invoice', 'ledger/amount');
  }
  if (!paymentNo || !date || !amount || (!r.blank('currency') && !currency)) return undefined;
  return {
    paymentNo,
    ...(invoiceNo !== undefined ? { invoiceNo } : {}),
    ...(customerId !== undefined ? { customerId } : {}),
    date,
    amount,
    ...(currency ? { currency } : {}),
    source: r.source(),
  };
}
