/**
 * Receivables in the sales method (step 6, collecting receivables): a customer with money more
 * than `overdue_days` overdue, or a provision above `provision_share` of the quote, is a credit
 * risk — a SWOT threat, an action to collect before new terms are discussed, a warning when the
 * proposal asks too little prepayment, and a verdict no better than "at risk".
 */
import { Decimal, ZERO } from '../money.js';

export interface CreditPolicy {
  overdueDays: number;
  provisionShare: Decimal;
  minPrepayment: Decimal;
}

export const DEFAULT_CREDIT_POLICY: CreditPolicy = { overdueDays: 90, provisionShare: new Decimal('0.05'), minPrepayment: new Decimal('0.5') };

/** What the method needs from a customer's payment record (domain/receivables CustomerPaymentRecord). */
export interface CreditRecord {
  asOf: string;
  outstanding: Decimal;
  overdue: Decimal;
  provision: Decimal;
  averageDaysLate?: number;
  byBucket: { minDays: number; maxDays?: number; balance: Decimal }[];
}

export interface CreditAssessment {
  record: CreditRecord;
  /** Balance more than `overdueDays` days overdue. */
  longOverdue: Decimal;
  /** Provision as a share of the quote's total (undefined when the quote is zero). */
  provisionShare?: Decimal;
  risk: boolean;
  policy: CreditPolicy;
}

export function assessCredit(record: CreditRecord | undefined, quoteTotal: Decimal, policy: CreditPolicy = DEFAULT_CREDIT_POLICY): CreditAssessment | undefined {
  if (!record) return undefined;
  // A bucket counts when every day in it is beyond the threshold.
  const longOverdue = record.byBucket.filter((b) => b.minDays > policy.overdueDays).reduce((s, b) => s.plus(b.balance), ZERO);
  const provisionShare = quoteTotal.gt(0) ? record.provision.div(quoteTotal) : undefined;
  const risk = longOverdue.gt(0) || (provisionShare !== undefined && provisionShare.gt(policy.provisionShare));
  return { record, longOverdue, provisionShare, risk, policy };
}

const PREPAY_AFTER = /(\d+(?:\.\d+)?)\s*[%％]\s*(?:的)?\s*(?:预付|预付款|定金|订金|首付|合同签订后|签约后|随订单|下单|by\s+t\/t\s+with\s+the\s+(?:po|order)|with\s+the\s+(?:po|order)|down\s*payment|prepayment|in\s+advance|advance|upfront|up\s+front|on\s+signing|on\s+order)/i;
const PREPAY_BEFORE = /(?:预付|预付款|定金|订金|首付|down\s*payment|prepayment|advance(?:\s+payment)?)\s*[:：]?\s*(\d+(?:\.\d+)?)\s*[%％]/i;

/** The prepayment share the payment terms ask for (0.3 for "30% 预付"), 0 when they ask none, undefined without terms. */
export function prepaymentShare(terms: string | undefined): Decimal | undefined {
  if (!terms) return undefined;
  const t = terms.normalize('NFKC');
  const m = PREPAY_AFTER.exec(t) ?? PREPAY_BEFORE.exec(t);
  if (/款到发货|全款预付|100\s*%\s*预付|cash in advance|payment in advance/i.test(t)) return new Decimal(1);
  return m?.[1] ? new Decimal(m[1]).div(100) : ZERO;
}
