/**
 * What a controller reads next to the movement: the allowance movement per customer, and the
 * collection list (customers with overdue balances, largest provision first). Pure, from the
 * current and previous month-end snapshots and the period's write-offs and recoveries.
 */
import { ZERO, sum } from '../money.js';
import type { IsoDate } from '../dates.js';
import type { Snapshot } from './evaluate.js';
import { groupBy } from './totals.js';
import type { CollectionItem, CustomerMovement, Ledger, ProvisionResult } from './types.js';

export function customerMovement(current: Snapshot, prior: Snapshot | undefined, adjustments: NonNullable<ProvisionResult['periodAdjustments']>, names: Map<string, string>): CustomerMovement[] {
  const priorCustomers = prior?.byCustomer ?? [];
  // Each input indexed once by customer (byCustomer has one entry per customer).
  const closingOf = new Map(current.byCustomer.map((c) => [c.key, c]));
  const openingOf = new Map(priorCustomers.map((c) => [c.key, c]));
  const adjustmentsOf = groupBy(adjustments, (a) => a.customerId);
  const ids = new Set<string>([...current.byCustomer.map((c) => c.key), ...priorCustomers.map((c) => c.key), ...adjustments.map((a) => a.customerId)]);
  const out: CustomerMovement[] = [];
  for (const id of [...ids].sort()) {
    const mine = adjustmentsOf.get(id) ?? [];
    const writeOffs = sum(mine.filter((a) => a.kind === 'write_off').map((a) => a.amountCny));
    const recoveries = sum(mine.filter((a) => a.kind === 'recovery').map((a) => a.amountCny));
    const opening = openingOf.get(id)?.provision ?? ZERO;
    const closing = closingOf.get(id)?.provision ?? ZERO;
    const delta = closing.minus(opening.minus(writeOffs).plus(recoveries));
    const name = closingOf.get(id)?.name ?? openingOf.get(id)?.name ?? mine[0]?.customerName ?? names.get(id) ?? id;
    out.push({ customerId: id, customerName: name, opening, charge: delta.isPositive() ? delta : ZERO, reversal: delta.isNegative() ? delta.negated() : ZERO, writeOffs, recoveries, closing });
  }
  return out;
}

export function collectionList(current: Snapshot, ledger: Ledger): CollectionItem[] {
  const customerOf = new Map(ledger.invoices.map((i) => [i.invoiceNo, i.customerId]));
  const lastPayment = new Map<string, IsoDate>();
  for (const p of ledger.payments) {
    const id = p.invoiceNo !== undefined ? customerOf.get(p.invoiceNo) ?? p.customerId : p.customerId;
    if (!id || p.date > current.asOf) continue;
    const cur = lastPayment.get(id);
    if (!cur || p.date > cur) lastPayment.set(id, p.date);
  }
  const linesOf = groupBy(current.lines, (l) => l.invoice.customerId);
  const items: CollectionItem[] = [];
  for (const c of current.byCustomer) {
    if (!c.overdue.isPositive() || c.overdue.isZero()) continue;
    const overdueLines = (linesOf.get(c.key) ?? []).filter((l) => l.daysOverdue > 0);
    const last = lastPayment.get(c.key);
    items.push({
      customerId: c.key,
      customerName: c.name,
      reps: [...new Set(overdueLines.map((l) => l.invoice.rep))].sort(),
      daysOverdue: Math.max(...overdueLines.map((l) => l.daysOverdue)),
      ...(last ? { lastPayment: last } : {}),
      overdue: c.overdue,
      balance: c.balance,
      provision: c.provision,
    });
  }
  return items.sort((a, b) => b.provision.comparedTo(a.provision) || b.overdue.comparedTo(a.overdue) || (a.customerId < b.customerId ? -1 : a.customerId > b.customerId ? 1 : 0));
}
