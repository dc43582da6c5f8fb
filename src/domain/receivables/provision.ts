/**
 * computeProvision: the full result for one as-of date, movement included. The opening allowance is
 * the closing allowance of the previous month end computed from the same ledger; since the closing
 * allowance always equals that date's required provision, one evaluation of the previous month end
 * gives it — no chain back to the first month, and nothing dated after the as-of date is read.
 * computePeriods shares evaluations between consecutive months (each month end is evaluated once).
 */
import { addDays, type IsoDate } from '../dates.js';
import { countExcluded } from './excluded.js';
import { evaluateAt, type Evaluation, type Policy } from './evaluate.js';
import { collectionList, customerMovement } from './schedules.js';
import { periodFx } from './fx-period.js';
import { LedgerFindings, type LedgerFinding } from './findings.js';
import { computeMovement, periodAdjustments } from './movement.js';
import { previousMonthEnd } from './periods.js';
import type { Ledger, ProvisionResult } from './types.js';

export interface ComputeOptions {
  /** Fill `excluded` with counts of rows dated after the as-of date (this makes the result depend on later data). */
  countExcluded?: boolean;
}

export function computeProvision(ledger: Ledger, policy: Policy, asOf: IsoDate, opts: ComputeOptions = {}): ProvisionResult {
  const cache = new Map<IsoDate, Evaluation>();
  return withMovement(ledger, policy, asOf, cache, opts);
}

/** Results for several as-of dates (typically monthEnds()), in the order given; each date is evaluated once. */
export function computePeriods(ledger: Ledger, policy: Policy, months: IsoDate[], opts: ComputeOptions = {}): ProvisionResult[] {
  const cache = new Map<IsoDate, Evaluation>();
  const results = new Map<IsoDate, ProvisionResult>();
  // Ascending order lets the cache serve each month's opening from the month before.
  for (const m of [...new Set(months)].sort()) {
    results.set(m, withMovement(ledger, policy, m, cache, opts));
    // Keep only what the next month needs.
    for (const k of cache.keys()) if (k < m) cache.delete(k);
  }
  return months.map((m) => results.get(m)!);
}

/** Rates used for write-offs and recoveries belong in the header's list too. */
function withAdjustmentRates(e: Evaluation, items: NonNullable<ProvisionResult['periodAdjustments']>): ProvisionResult['fxUsed'] {
  const used = [...e.snapshot.fxUsed];
  for (const a of items) {
    if (a.currency === e.snapshot.functionalCurrency || used.some((u) => u.currency === a.currency)) continue;
    const r = e.rates.rateAt(a.currency, e.snapshot.asOf)!;
    used.push({ currency: a.currency, rate: r.rate, date: r.date });
  }
  return used.sort((a, b) => (a.currency < b.currency ? -1 : a.currency > b.currency ? 1 : 0));
}

function evaluateCached(ledger: Ledger, policy: Policy, d: IsoDate, cache: Map<IsoDate, Evaluation>): Evaluation {
  let e = cache.get(d);
  if (!e) cache.set(d, (e = evaluateAt(ledger, policy, d)));
  return e;
}

function withMovement(ledger: Ledger, policy: Policy, asOf: IsoDate, cache: Map<IsoDate, Evaluation>, opts: ComputeOptions): ProvisionResult {
  const current = evaluateCached(ledger, policy, asOf, cache);
  const prev = previousMonthEnd(asOf);
  // The opening allowance is the previous month end's required provision. That month end is
  // evaluated in full (or taken from computePeriods' cache): its figures are the comparison columns too.
  const prior = evaluateCached(ledger, policy, prev, cache);
  const opening = prior.snapshot.totals.provision;
  const periodStart = addDays(prev, 1);
  const findings: LedgerFinding[] = [];
  const adj = periodAdjustments(current.ledger, periodStart, prev, asOf, current.rates, current.names, findings);
  if (findings.length) throw new LedgerFindings(findings);
  const movement = computeMovement(opening, current.snapshot.totals.provision, adj.writeOffs, adj.recoveries);
  const fxDifferences = periodFx(current.allocation.states, periodStart, prev, asOf, current.rates, current.snapshot.functionalCurrency);
  const p = prior.snapshot;
  const result: ProvisionResult = {
    ...current.snapshot,
    fxUsed: withAdjustmentRates(current, adj.items),
    periodStart,
    movement,
    periodAdjustments: adj.items,
    fxDifferences,
    prior: { asOf: prev, buckets: p.buckets, specificTotal: p.specificTotal, totals: p.totals, byCustomer: p.byCustomer },
    customerMovement: customerMovement(current.snapshot, p, adj.items, current.names),
    collection: collectionList(current.snapshot, current.ledger),
  };
  if (opts.countExcluded) result.excluded = countExcluded(ledger, asOf);
  return result;
}
