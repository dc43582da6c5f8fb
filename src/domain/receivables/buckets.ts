/**
 * Ageing buckets built from the policy matrix, not hard-coded: each matrix entry "more than N days
 * → rate" starts a bucket at N+1 days (at N when boundary_inclusive), the gap before the first
 * entry is a 0% overdue bucket, and "not due" (days ≤ 0) is always first at 0%.
 * Default matrix 30/60/90 → not_due, d1_30, d31_60, d61_90, over_90 (30 → 0%, 31 → 10%, 91 → 50%).
 */
import { Decimal, ZERO } from '../money.js';
import type { Policy } from './policy.js';
import type { BucketDef } from './types.js';

export type MatrixPolicy = Pick<Policy, 'matrix' | 'boundary_inclusive'>;

export function bucketDefs(policy: MatrixPolicy): BucketDef[] {
  const entries = [...policy.matrix].sort((a, b) => a.over_days - b.over_days);
  entries.forEach((e, i) => {
    if (i > 0 && e.over_days === entries[i - 1]?.over_days) throw new Error(`provisioning.matrix lists over_days ${e.over_days} twice`);
  });
  // Where each rate starts, in whole days overdue; "overdue" starts at day 1 whatever the matrix says.
  const starts = entries.map((e) => ({ min: Math.max(1, policy.boundary_inclusive ? e.over_days : e.over_days + 1), rate: new Decimal(e.rate) }));
  const merged: { min: number; rate: Decimal }[] = [];
  for (const s of starts) {
    // Two entries that clamp to the same start day: the later (higher threshold) one wins.
    if (merged.at(-1)?.min === s.min) merged[merged.length - 1] = s;
    else merged.push(s);
  }
  if ((merged[0]?.min ?? 2) > 1) merged.unshift({ min: 1, rate: ZERO });
  const defs: BucketDef[] = [{ id: 'not_due', minDays: 0, maxDays: 0, rate: ZERO }];
  merged.forEach((b, i) => {
    const next = merged[i + 1];
    if (next) defs.push({ id: `d${b.min}_${next.min - 1}`, minDays: b.min, maxDays: next.min - 1, rate: b.rate });
    else defs.push({ id: `over_${b.min - 1}`, minDays: b.min, rate: b.rate });
  });
  return defs;
}

/** The bucket for a day count; every count ≤ 0 is not due (minDays 0 there stands for "≤ 0"). */
export function bucketOf(days: number, defs: BucketDef[]): BucketDef {
  const notDue = defs[0];
  if (!notDue) throw new Error('no ageing buckets (bucketDefs always starts with "not due")');
  if (days <= 0) return notDue;
  for (let i = defs.length - 1; i >= 1; i--) {
    const d = defs[i];
    if (d && days >= d.minDays) return d;
  }
  return notDue;
}
