/**
 * Subtotals are sums of rounded lines, never re-rounded (rule 3), so detail = buckets + 单项 = total.
 * Bucket totals hold matrix lines only (单项 lines carry their own rate and are shown apart);
 * party totals split by the same buckets plus a 'specific' key for 单项 lines.
 */
import { ZERO, sum, type Decimal } from '../money.js';
import { pushTo } from './group.js';
import type { BucketDef, BucketTotal, InvoiceLine, PartyTotals, ProvisionResult } from './types.js';

export const SPECIFIC_KEY = 'specific';

/** Totals per aging bucket. The matrix leaves out 单项 lines; a customer's payment record ages them all. */
export function bucketTotals(lines: InvoiceLine[], defs: BucketDef[], opts: { includeSpecific?: boolean } = {}): BucketTotal[] {
  return defs.map((d) => {
    const inBucket = lines.filter((l) => (opts.includeSpecific || !l.specific) && l.bucket === d.id);
    return {
      bucket: String(d.id),
      minDays: d.minDays,
      ...(d.maxDays !== undefined ? { maxDays: d.maxDays } : {}),
      rate: d.rate,
      balance: sum(inBucket.map((l) => l.balanceCny)),
      provision: sum(inBucket.map((l) => l.provision)),
      count: inBucket.length,
    };
  });
}

function partyTotals(key: string, name: string, lines: InvoiceLine[], defs: BucketDef[]): PartyTotals {
  const byBucket: Record<string, Decimal> = {};
  for (const d of defs) byBucket[d.id] = ZERO;
  byBucket[SPECIFIC_KEY] = ZERO;
  // One pass, no arrays in between: sums of cents are exact, so the figures are those of summing each list.
  let balance = ZERO;
  let overdue = ZERO;
  let provision = ZERO;
  for (const l of lines) {
    const k = l.specific ? SPECIFIC_KEY : l.bucket;
    byBucket[k] = (byBucket[k] ?? ZERO).plus(l.balanceCny); // every bucket was set to zero above
    balance = balance.plus(l.balanceCny);
    if (l.daysOverdue > 0) overdue = overdue.plus(l.balanceCny);
    provision = provision.plus(l.provision);
  }
  return { key, name, balance, overdue, provision, byBucket };
}

/** Items grouped by key, each group in input order, the groups sorted by key. */
export function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const it of items) pushTo(out, key(it), it);
  return new Map([...out.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

export function byCustomer(lines: InvoiceLine[], defs: BucketDef[], names: Map<string, string>): PartyTotals[] {
  return [...groupBy(lines, (l) => l.invoice.customerId)].map(([id, ls]) => partyTotals(id, names.get(id) ?? id, ls, defs));
}

/**
 * Totals per rep, each with its customers. `customers` (byCustomer of the same lines) is reused:
 * a customer whose every line is the rep's has, under the rep, the very totals of byCustomer
 * (the same lines in the same order), so only customers split between reps are summed again.
 */
export function byRep(lines: InvoiceLine[], defs: BucketDef[], names: Map<string, string>, customers?: PartyTotals[]): ProvisionResult['byRep'] {
  const whole = new Map<string, { totals: PartyTotals; lines: number }>();
  if (customers) {
    const counts = new Map<string, number>();
    for (const l of lines) counts.set(l.invoice.customerId, (counts.get(l.invoice.customerId) ?? 0) + 1);
    for (const c of customers) whole.set(c.key, { totals: c, lines: counts.get(c.key) ?? 0 });
  }
  return [...groupBy(lines, (l) => l.invoice.rep)].map(([rep, ls]) => ({
    ...partyTotals(rep, rep, ls, defs),
    customers: [...groupBy(ls, (l) => l.invoice.customerId)].map(([id, own]) => {
      const known = whole.get(id);
      return known && known.lines === own.length ? known.totals : partyTotals(id, names.get(id) ?? id, own, defs);
    }),
  }));
}

export function grandTotals(lines: InvoiceLine[]): ProvisionResult['totals'] {
  const balance = sum(lines.map((l) => l.balanceCny));
  const provision = sum(lines.map((l) => l.provision));
  return { balance, overdue: sum(lines.filter((l) => l.daysOverdue > 0).map((l) => l.balanceCny)), provision, net: balance.minus(provision) };
}
