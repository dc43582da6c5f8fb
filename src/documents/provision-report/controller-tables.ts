/**
 * What a controller signs off on, as typed sheets: the comparison with the prior month end (by
 * bucket and for the largest customers), the allowance movement per customer, the collection list
 * and the sign-off block. Amounts are positive under 加/减 labels; the change columns are signed
 * (this month − prior month) under a neutral "增减"/"change" label.
 */
import { Decimal, ZERO, sum } from '../../domain/money.js';
import type { PartyTotals } from '../../domain/receivables/types.js';
import type { Column, Row, Sheet } from '../../tree/workbook.js';
import { bucketLabel, columnSum, inUnit, range, sheet, type TableEnv } from './table-kit.js';

const ZERO_TOTALS = { balance: ZERO, provision: ZERO };

export function comparisonSheet(env: TableEnv): Sheet {
  const { result: r, l } = env;
  const prior = r.prior;
  const priorBucket = new Map((prior?.buckets ?? []).map((b) => [b.bucket, b]));
  const line = (label: string, p: { balance: Decimal; provision: Decimal }, c: { balance: Decimal; provision: Decimal }): Row => ({
    cells: [label, p.balance, c.balance, c.balance.minus(p.balance), p.provision, c.provision, c.provision.minus(p.provision)],
    formulas: { 3: '{@2}-{@1}', 6: '{@5}-{@4}' },
  });
  const rows: Row[] = r.buckets.map((b) => line(bucketLabel(b, l), priorBucket.get(b.bucket) ?? ZERO_TOTALS, b));
  rows.push(line(l.row.specific, prior?.specificTotal ?? ZERO_TOTALS, r.specificTotal));
  const totalRow = (from: number, to: number): Row => ({
    kind: 'total',
    cells: [l.row.total, ...range(1, 7).map((i) => columnSum(rows.slice(from, to), i))],
    formulas: Object.fromEntries(range(1, 7).map((i) => [i, to > from ? `SUM({${from},${i}}:{${to - 1},${i}})` : '0'])),
  });
  rows.push(totalRow(0, rows.length));

  // The largest customers this month or last (so one that paid up still shows), then the rest in one row.
  const priorOf = new Map((prior?.byCustomer ?? []).map((c) => [c.key, c]));
  const currentOf = new Map(r.byCustomer.map((c) => [c.key, c]));
  const ids = [...new Set([...currentOf.keys(), ...priorOf.keys()])];
  const size = (id: string) => Decimal.max(currentOf.get(id)?.balance ?? ZERO, priorOf.get(id)?.balance ?? ZERO);
  ids.sort((a, b) => size(b).comparedTo(size(a)) || (a < b ? -1 : 1));
  const top = ids.slice(0, env.top);
  const rest = ids.slice(env.top);
  const pick = (c: PartyTotals | undefined) => (c ? { balance: c.balance, provision: c.provision } : ZERO_TOTALS);
  const start = rows.length;
  for (const id of top) rows.push(line(currentOf.get(id)?.name ?? priorOf.get(id)?.name ?? id, pick(priorOf.get(id)), pick(currentOf.get(id))));
  if (rest.length > 0) {
    const agg = (get: (id: string) => PartyTotals | undefined) => ({ balance: sum(rest.map((id) => pick(get(id)).balance)), provision: sum(rest.map((id) => pick(get(id)).provision)) });
    rows.push(line(l.more.others, agg((id) => priorOf.get(id)), agg((id) => currentOf.get(id))));
  }
  if (rows.length > start) rows.push(totalRow(start, rows.length));

  const columns: Column[] = [
    { header: l.col.item, kind: 'text', width: 24 },
    { header: inUnit(env, l.more.prior(l.col.balance)), kind: 'money', width: 16 },
    { header: inUnit(env, l.more.current(l.col.balance)), kind: 'money', width: 16 },
    { header: inUnit(env, l.more.change(l.col.balance)), kind: 'money', width: 15 },
    { header: inUnit(env, l.more.prior(l.col.provision)), kind: 'money', width: 15 },
    { header: inUnit(env, l.more.current(l.col.provision)), kind: 'money', width: 15 },
    { header: inUnit(env, l.more.change(l.col.provision)), kind: 'money', width: 15 },
  ];
  return sheet(env, 'comparison', columns, rows);
}

export function customerMovementSheet(env: TableEnv): Sheet {
  const { result: r, l } = env;
  const rows: Row[] = (r.customerMovement ?? []).map((c) => ({
    cells: [c.customerId, c.customerName, c.opening, c.charge, c.reversal, c.writeOffs, c.recoveries, c.closing],
    formulas: { 7: '{@2}+{@3}-{@4}-{@5}+{@6}' },
  }));
  rows.push({
    kind: 'total',
    cells: ['', l.row.total, ...range(2, 8).map((i) => columnSum(rows, i))],
    formulas: Object.fromEntries(range(2, 8).map((i) => [i, `SUBTOTAL(9,{rows ${i}})`])),
  });
  const m = l.movement;
  const columns: Column[] = [
    { header: l.col.customerId, kind: 'text', width: 11 },
    { header: l.col.customer, kind: 'text', width: 26 },
    ...[m.opening, m.charge, m.reversal, m.writeOffs, m.recoveries, m.closing].map((h): Column => ({ header: inUnit(env, h), kind: 'money', width: 15 })),
  ];
  return sheet(env, 'customerMovement', columns, rows, { autoFilter: true });
}

export function collectionSheet(env: TableEnv): Sheet {
  const { result: r, l } = env;
  const items = (r.collection ?? []).slice(0, env.top);
  const rows: Row[] = items.map((c) => ({ cells: [c.customerName, c.reps.join('、'), c.daysOverdue, c.lastPayment ?? null, c.overdue, c.balance, c.provision] }));
  rows.push({
    kind: 'total',
    cells: [l.row.total, '', null, null, ...range(4, 7).map((i) => columnSum(rows, i))],
    formulas: Object.fromEntries(range(4, 7).map((i) => [i, `SUBTOTAL(9,{rows ${i}})`])),
  });
  const columns: Column[] = [
    { header: l.col.customer, kind: 'text', width: 26 },
    { header: l.col.rep, kind: 'text', width: 12 },
    { header: l.more.maxDays, kind: 'int', width: 10 },
    { header: l.more.lastPayment, kind: 'date', width: 12 },
    { header: inUnit(env, l.col.overdue), kind: 'money', width: 16 },
    { header: inUnit(env, l.col.balance), kind: 'money', width: 16 },
    { header: inUnit(env, l.col.provision), kind: 'money', width: 15 },
  ];
  return sheet(env, 'collection', columns, rows, { autoFilter: items.length > 0 });
}

export function signoffSheet(env: TableEnv): Sheet {
  const { l } = env;
  const people: { role: string; name?: string; title?: string }[] = env.signoff && env.signoff.length > 0 ? env.signoff : l.more.roles.map((role) => ({ role }));
  const blank = '________________';
  const rows: Row[] = people.map((p) => ({ cells: [p.role, [p.name, p.title].filter(Boolean).join(' · ') || blank, blank, env.locale === 'en' ? '____-__-__' : '____年__月__日'] }));
  const columns: Column[] = [
    { header: l.more.role, kind: 'text', width: 14 },
    { header: l.more.name, kind: 'text', width: 24 },
    { header: l.more.signature, kind: 'text', width: 24 },
    { header: l.more.signDate, kind: 'text', width: 18 },
  ];
  return sheet(env, 'signoff', columns, rows, { orientation: 'portrait' });
}
