/** Counts of rows dated after the as-of date, for callers that explicitly ask (see ComputeOptions). */
import type { IsoDate } from '../dates.js';
import type { Ledger, ProvisionResult } from './types.js';

export function countExcluded(ledger: Ledger, asOf: IsoDate): ProvisionResult['excluded'] {
  return {
    invoicesAfterAsOf: ledger.invoices.filter((i) => i.invoiceDate > asOf).length,
    paymentsAfterAsOf: ledger.payments.filter((p) => p.date > asOf).length,
  };
}
