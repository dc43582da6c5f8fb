/** Section 9: the customer's payment record from the receivables ledger. */
import type { RootContent } from 'mdast';
import { formatDateLong } from '../../domain/dates.js';
import { formatMoney, formatPercent, roundCount } from '../../domain/money.js';
import type { BucketTotal, CustomerPaymentRecord } from '../../domain/receivables/types.js';
import type { BriefLabels } from './labels.js';
import type { Brief } from './context.js';
import { col, table } from './nodes.js';

export function bucketLabel(l: BriefLabels, bucket: Pick<BucketTotal, 'bucket' | 'minDays' | 'maxDays'>): string {
  if (bucket.bucket === 'not_due' || (bucket.maxDays !== undefined && bucket.maxDays <= 0)) return l.payment.notDue;
  const min = Math.max(1, bucket.minDays);
  return bucket.maxDays === undefined ? l.payment.over(min - 1) : l.payment.range(min, bucket.maxDays);
}

export function paymentNodes(b: Brief, record: CustomerPaymentRecord): RootContent[] {
  const { l } = b;
  const p = l.payment;
  const summary = table(
    [col(p.field, 1.5), col(p.value, 1, 'right')],
    [
      [p.asOf, formatDateLong(record.asOf, b.locale)],
      [p.outstanding, formatMoney(record.outstanding)],
      [p.overdue, formatMoney(record.overdue)],
      [p.provision, formatMoney(record.provision)],
      [p.averageDaysLate, record.averageDaysLate === undefined ? p.noPaid : p.days(roundCount(record.averageDaysLate, 1))],
      [p.paidInvoices, String(record.paidInvoices)],
    ],
  );
  const buckets = table(
    [col(p.bucket, 1.4), col(p.balance, 1, 'right'), col(p.rate, 0.7, 'right'), col(p.provision, 1, 'right'), col(p.count, 0.6, 'right')],
    record.byBucket.map((bk) => [bucketLabel(l, bk), formatMoney(bk.balance), formatPercent(bk.rate), formatMoney(bk.provision), String(bk.count)]),
  );
  return [summary, buckets];
}
