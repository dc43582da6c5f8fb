/** Receivables provisioning: pure rules, no I/O. One computation for the monthly report, the SWOT brief and payment records. */
export { computeProvision, computePeriods, type ComputeOptions } from './provision.js';
export { evaluateAt, type Policy } from './evaluate.js';
export { LedgerFindings, type LedgerFinding } from './findings.js';
export { monthEnds, previousMonthEnd } from './periods.js';
export { customerPaymentRecord, ledgerOfCustomer } from './payment-record.js';
export { ledgerInputsUpTo } from './population.js';
export { bucketDefs, bucketOf } from './buckets.js';
export { computeMovement } from './movement.js';
export { SPECIFIC_KEY } from './totals.js';
export type * from './types.js';
