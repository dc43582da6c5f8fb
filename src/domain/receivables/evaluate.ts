/**
 * The one computation of the rules at one as-of date, before the movement: population (rule 1),
 * allocation, lines, totals and credits. computeProvision, computePeriods and customerPaymentRecord
 * all go through here. A foreign-currency amount without a rate throws LedgerFindings.
 */
import { cents, sum } from '../money.js';
import type { IsoDate } from '../dates.js';
import { allocate, type Allocation } from './allocate.js';
import { bucketDefs } from './buckets.js';
import { rateTable, type RateLookup } from './fx.js';
import { buildLines } from './lines.js';
import { LedgerFindings, missingFx, type LedgerFinding } from './findings.js';
import { ledgerInputsUpTo } from './population.js';
import type { Policy } from './policy.js';
import { bucketTotals, byCustomer, byRep, grandTotals } from './totals.js';
import type { BucketDef, CreditBalance, Ledger, ProvisionResult, SpecificProvision } from './types.js';

export type { Policy };

export type Snapshot = Omit<ProvisionResult, 'movement' | 'periodStart' | 'periodAdjustments'>;

export interface Evaluation {
  snapshot: Snapshot;
  /** The ledger cut at asOf. */
  ledger: Ledger;
  allocation: Allocation;
  defs: BucketDef[];
  rates: RateLookup;
  names: Map<string, string>;
}

export function evaluateAt(ledger: Ledger, policy: Policy, asOf: IsoDate): Evaluation {
  const { l, functional, defs, rates, names, allocation, lines, credits } = linesAt(ledger, policy, asOf);

  const fxUsed = new Map<string, { currency: string; rate: ProvisionResult['fxUsed'][number]['rate']; date: IsoDate }>();
  for (const c of [...lines.map((x) => x.invoice.currency), ...credits.map((x) => x.currency)]) {
    if (c === functional || fxUsed.has(c)) continue;
    const r = rates.rateAt(c, asOf)!;
    fxUsed.set(c, { currency: c, rate: r.rate, date: r.date });
  }
  const specificLines = lines.filter((x) => x.specific);
  const customers = byCustomer(lines, defs, names);
  const snapshot: Snapshot = {
    asOf,
    functionalCurrency: functional,
    fxUsed: [...fxUsed.values()].sort((a, b) => (a.currency < b.currency ? -1 : 1)),
    buckets: bucketTotals(lines, defs),
    lines,
    specificTotal: { balance: sum(specificLines.map((x) => x.balanceCny)), provision: sum(specificLines.map((x) => x.provision)) },
    totals: grandTotals(lines),
    byCustomer: customers,
    byRep: byRep(lines, defs, names, customers),
    credits,
    unappliedCash: allocation.unapplied.map((u) => {
      // In the functional currency at the rate of the receipt's own date (what the cash was worth that day).
      const r = rates.rateAt(u.currency, u.date);
      return { ...u, appliedTo: [...u.appliedTo], ...(r ? { amountCny: cents(u.amount.times(r.rate)) } : {}) };
    }),
    missingDueDates: lines.filter((x) => x.invoice.dueDateMissing).map((x) => x.invoice.invoiceNo),
    excluded: { invoicesAfterAsOf: 0, paymentsAfterAsOf: 0 },
  };
  return { snapshot, ledger: l, allocation, defs, rates, names };
}

/** Population, allocation, lines and credit balances at asOf; throws LedgerFindings for a missing rate. */
function linesAt(ledger: Ledger, policy: Policy, asOf: IsoDate) {
  const l = ledgerInputsUpTo(ledger, asOf);
  const functional = policy.functional_currency;
  const defs = bucketDefs(policy);
  const rates = rateTable(l.fx, functional);
  const names = customerNames(l);
  const allocation = allocate(l, policy.net_unapplied_credits, functional);
  const specific = new Map<string, SpecificProvision>(l.specific.map((s) => [s.invoiceNo, s]));
  const findings: LedgerFinding[] = [];
  const lines = buildLines(allocation.states, asOf, defs, rates, specific, functional, findings);
  const credits = creditBalances(allocation, asOf, rates, names, findings);
  if (findings.length) throw new LedgerFindings(findings);
  return { l, functional, defs, rates, names, allocation, lines, credits };
}

/** The name on the customer's latest invoice (then highest number): ERPs rename customers. */
function customerNames(l: Ledger): Map<string, string> {
  const latest = new Map<string, { date: string; no: string; name: string }>();
  for (const i of l.invoices) {
    const cur = latest.get(i.customerId);
    if (!cur || i.invoiceDate > cur.date || (i.invoiceDate === cur.date && i.invoiceNo > cur.no)) {
      latest.set(i.customerId, { date: i.invoiceDate, no: i.invoiceNo, name: i.customerName });
    }
  }
  return new Map([...latest].map(([id, v]) => [id, v.name]));
}

/** One credit balance per customer and currency (预收款项 reclass); never provisioned, never netted across customers. */
function creditBalances(a: Allocation, asOf: IsoDate, rates: RateLookup, names: Map<string, string>, findings: LedgerFinding[]): CreditBalance[] {
  const groups = new Map<string, CreditBalance>();
  for (const c of a.credits) {
    const k = `${c.customerId}\u0000${c.currency}`;
    const g = groups.get(k);
    if (g) {
      g.amount = g.amount.plus(c.amount);
      g.sources.push(c.ref);
    } else {
      groups.set(k, { customerId: c.customerId, customerName: names.get(c.customerId) ?? c.customerId, currency: c.currency, amount: c.amount, amountCny: c.amount, sources: [c.ref] });
    }
    if (!rates.rateAt(c.currency, asOf)) findings.push(missingFx(c.source, c.currency, asOf, `the credit balance from ${c.ref}`, c.amount));
  }
  const out = [...groups.values()].filter((g) => !g.amount.isZero());
  for (const g of out) {
    const r = rates.rateAt(g.currency, asOf);
    g.amountCny = r ? cents(g.amount.times(r.rate)) : g.amountCny;
    g.sources.sort();
  }
  return out.sort((x, y) => (x.customerId < y.customerId ? -1 : x.customerId > y.customerId ? 1 : x.currency < y.currency ? -1 : 1));
}
