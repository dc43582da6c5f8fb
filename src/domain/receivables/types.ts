/**
 * The receivables model: ledger rows as read (already validated, exact decimals, ISO dates),
 * and the provisioning result for one as-of date. Pure data — no files, no formatting.
 * One computation (provision.ts) produces ProvisionResult; the monthly report, the SWOT
 * brief's payment record and any other consumer read it.
 */
import type { Decimal } from '../money.js';
import type { IsoDate } from '../dates.js';

/** Where a row came from, for diagnostics and exceptions. */
export interface SourceRef {
  file: string;
  line: number;
  /** Canonical field → column header as written in the file (e.g. currency → 币种), so later diagnostics name the column. */
  columns?: Record<string, string>;
}

export interface Invoice {
  invoiceNo: string;
  customerId: string;
  customerName: string;
  invoiceDate: IsoDate;
  /** Due date, given or derived from terms; when neither exists it equals invoiceDate and dueDateMissing is set. */
  dueDate: IsoDate;
  dueDateMissing: boolean;
  /** Raw terms text when the due date was derived, e.g. "30天". */
  terms?: string;
  currency: string;
  amount: Decimal;
  rep: string;
  source: SourceRef;
}

export interface Payment {
  paymentNo: string;
  /** Empty for unapplied cash (applied FIFO within customer + currency). */
  invoiceNo?: string;
  customerId?: string;
  date: IsoDate;
  amount: Decimal;
  /** Currency of an unapplied receipt (defaults to the functional currency); for applied ones, the invoice's. */
  currency?: string;
  source: SourceRef;
}

export type AdjustmentKind = 'credit_note' | 'write_off' | 'recovery';

export interface Adjustment {
  date: IsoDate;
  invoiceNo: string;
  kind: AdjustmentKind;
  /** Positive amount in the invoice currency. */
  amount: Decimal;
  source: SourceRef;
}

export interface FxRate {
  date: IsoDate;
  currency: string;
  /** CNY per unit. */
  rate: Decimal;
  source: SourceRef;
}

export interface SpecificProvision {
  invoiceNo: string;
  rate: Decimal;
  reason: string;
  /** Date the item was assessed; it applies to as-of dates on or after it (undated: every as-of date). */
  date?: IsoDate;
  source: SourceRef;
}

export interface Ledger {
  invoices: Invoice[];
  payments: Payment[];
  adjustments: Adjustment[];
  fx: FxRate[];
  specific: SpecificProvision[];
  /** Files read, for build inputs and the report header. */
  files: string[];
}

export type BucketId = 'not_due' | 'd1_30' | 'd31_60' | 'd61_90' | 'over_90';

export interface BucketDef {
  id: BucketId | string;
  /** Inclusive day range; max undefined = open-ended. min ≤ 0 for "not due". */
  minDays: number;
  maxDays?: number;
  rate: Decimal;
}

export interface InvoiceLine {
  invoice: Invoice;
  daysOverdue: number;
  bucket: string;
  /** Outstanding in the invoice currency (> 0). */
  outstanding: Decimal;
  fxRate: Decimal;
  /** outstanding × fxRate, rounded half-up to the cent. */
  balanceCny: Decimal;
  /** Matrix rate of the bucket, or the individually assessed rate. */
  provisionRate: Decimal;
  /** balanceCny × provisionRate, rounded half-up to the cent. */
  provision: Decimal;
  /** Individually assessed (单项计提). */
  specific?: { reason: string };
  /** Foreign currency only: outstanding at the latest rate on or before the invoice date (booked CNY), when such a rate exists. */
  bookedCny?: Decimal;
  /** Foreign currency only: balanceCny − bookedCny (汇兑损益 memo; positive = gain). */
  fxDifference?: Decimal;
}

export interface BucketTotal {
  bucket: string;
  minDays: number;
  maxDays?: number;
  rate: Decimal;
  balance: Decimal;
  provision: Decimal;
  count: number;
}

export interface PartyTotals {
  key: string;
  name: string;
  balance: Decimal;
  overdue: Decimal;
  provision: Decimal;
  byBucket: Record<string, Decimal>;
}

export interface CreditBalance {
  customerId: string;
  customerName: string;
  currency: string;
  amount: Decimal;
  amountCny: Decimal;
  /** What produced it: overpaid invoice numbers and/or unapplied receipt numbers. */
  sources: string[];
}

export interface Movement {
  opening: Decimal;
  /** Positive charge (本期计提). */
  charge: Decimal;
  /** Reversal (本期转回), positive number. */
  reversal: Decimal;
  /** Write-offs in the period (本期核销), positive number, CNY. */
  writeOffs: Decimal;
  /** Recoveries of written-off amounts in the period (收回), positive number, CNY. */
  recoveries: Decimal;
  closing: Decimal;
  /** opening + charge − reversal − writeOffs + recoveries === closing */
  balanced: boolean;
}

/** An unapplied receipt or credit invoice and where it was applied (oldest due first). */
export interface UnappliedCash {
  paymentNo: string;
  customerId: string;
  date: IsoDate;
  amount: Decimal;
  currency: string;
  appliedTo: string[];
  /** Part not applied to open invoices (it is in `credits`). */
  remaining?: Decimal;
  /** 'credit_invoice' = a negative-amount invoice (red invoice without a link), treated as unapplied credit. */
  kind?: 'receipt' | 'credit_invoice';
  /** The amount in the functional currency at the rate of its own date (undefined when no rate exists yet). */
  amountCny?: Decimal;
}

export interface ProvisionResult {
  asOf: IsoDate;
  /** First day of the period the movement covers (day after the previous month end). */
  periodStart: IsoDate;
  functionalCurrency: string;
  /** Rates actually used, by currency (functional currency omitted). */
  fxUsed: { currency: string; rate: Decimal; date: IsoDate }[];
  buckets: BucketTotal[];
  lines: InvoiceLine[];
  /** Lines under 单项计提, also included in `lines`. */
  specificTotal: { balance: Decimal; provision: Decimal };
  totals: { balance: Decimal; overdue: Decimal; provision: Decimal; net: Decimal };
  /** byBucket keys: every matrix bucket id plus 'specific' (单项 lines), so Σ over customers of byBucket[b] = buckets[b].balance. */
  byCustomer: PartyTotals[];
  byRep: (PartyTotals & { customers: PartyTotals[] })[];
  credits: CreditBalance[];
  unappliedCash: UnappliedCash[];
  missingDueDates: string[];
  movement: Movement;
  /**
   * Write-offs and recoveries dated in the period (periodStart … asOf); they sum to movement.writeOffs / .recoveries.
   * A write-off is converted at the invoice's carrying rate (previous month end, or invoice date when booked
   * in the period): it removes exactly its carrying amount. A recovery at the rate of its own date.
   */
  periodAdjustments?: { kind: 'write_off' | 'recovery'; invoiceNo: string; customerId: string; customerName: string; date: IsoDate; currency: string; amount: Decimal; amountCny: Decimal; rate: Decimal }[];
  /** Exchange differences of the period per foreign currency (汇兑损益), never part of the credit-loss charge. */
  fxDifferences?: FxDifference[];
  /** The previous month end's figures (the comparison columns), from the same ledger. */
  prior?: { asOf: IsoDate; buckets: BucketTotal[]; specificTotal: { balance: Decimal; provision: Decimal }; totals: ProvisionResult['totals']; byCustomer: PartyTotals[] };
  /** Allowance movement per customer: opening (prior month end), charge/reversal, write-offs, recoveries, closing. */
  customerMovement?: CustomerMovement[];
  /** Customers with an overdue balance, by provision (then overdue balance), largest first. */
  collection?: CollectionItem[];
  /**
   * Post-period items (counts). Always 0 unless computeProvision is called with { countExcluded: true }:
   * a report for D reads nothing dated after D, so that it never changes when later data arrive.
   */
  excluded: { invoicesAfterAsOf: number; paymentsAfterAsOf: number };
}

/** 汇兑损益 of one currency in the period: revaluation of what is open, plus settlement differences of receipts. Positive = gain. */
export interface FxDifference {
  currency: string;
  /** Σ open lines: outstanding × closing rate − outstanding × carrying rate (each to the cent). */
  revaluation: Decimal;
  /** Σ receipts applied in the period: amount × spot rate of the receipt date − amount × carrying rate. */
  settlement: Decimal;
  total: Decimal;
}

/** One customer's share of the Movement (its figures without the balance check). */
export interface CustomerMovement extends Omit<Movement, 'balanced'> {
  customerId: string;
  customerName: string;
}

export interface CollectionItem {
  customerId: string;
  customerName: string;
  /** Reps of the customer's overdue invoices, sorted, joined with "、". */
  reps: string[];
  /** Most days overdue among its open invoices. */
  daysOverdue: number;
  /** Date of the customer's latest receipt on or before the as-of date. */
  lastPayment?: IsoDate;
  overdue: Decimal;
  balance: Decimal;
  provision: Decimal;
}

/** A customer's payment record for the SWOT brief. */
export interface CustomerPaymentRecord {
  customerId: string;
  asOf: IsoDate;
  outstanding: Decimal;
  overdue: Decimal;
  /** Ageing of all the customer's open lines (individually assessed ones included, at their own provision). */
  byBucket: BucketTotal[];
  provision: Decimal;
  /** Average days late on fully paid invoices (payment date − due date, ≥ 0 counted as late days, on-time as 0); undefined when none paid. */
  averageDaysLate?: number;
  paidInvoices: number;
}
