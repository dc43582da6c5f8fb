/**
 * Summary, aging, movement and journal tables of the report as typed sheets.
 * Every subtotal/total row is the sum of the printed rows above it (Decimal, never re-rounded).
 */
import { Decimal, ZERO, cents, sum } from '../../domain/money.js';
import type { BucketTotal, ProvisionResult } from '../../domain/receivables/types.js';
import type { Column, Row, Sheet } from '../../writers/xlsx/model.js';
import { percentDecimals } from './format.js';
import { sharesOf } from './shares.js';
import { bucketLabel, sheet, type TableEnv } from './table-kit.js';

export function summarySheet(env: TableEnv): Sheet {
  const { result: r, l } = env;
  const m = r.movement;
  const change: [string, Decimal] = m.reversal.gt(0) ? [l.summary.reversal, m.reversal] : m.charge.gt(0) ? [l.summary.charge, m.charge] : [l.summary.noCharge, ZERO];
  const rows: Row[] = [
    { cells: [l.summary.balance, r.totals.balance] },
    { cells: [l.summary.overdue, r.totals.overdue] },
    { cells: [l.summary.opening, m.opening] },
    { cells: change },
    { cells: [l.summary.closing, r.totals.provision] },
    { cells: [l.summary.net, r.totals.net] },
  ];
  return sheet(env, 'summary', [{ header: l.col.item, kind: 'text', width: 36 }, { header: l.withUnit(l.col.amount, env.unit), kind: 'money', width: 20 }], rows, {
    orientation: 'portrait',
  });
}

export function agingSheet(env: TableEnv): Sheet {
  const { result: r, l } = env;
  const specificCount = r.lines.filter((x) => x.specific).length;
  const balances = [...r.buckets.map((b) => b.balance), r.specificTotal.balance];
  const shares = sharesOf(balances);
  const bucketRows: Row[] = r.buckets.map((b, i) => ({
    cells: [bucketLabel(b, l), b.count, b.balance, shares[i], b.rate, b.provision, b.balance.minus(b.provision)],
  }));
  const subtotal: Row = { kind: 'subtotal', cells: [l.row.matrixSubtotal, ...totalsOf(bucketRows, [1, 2, 3, 4, 5, 6], [4])] };
  const specific: Row = {
    cells: [l.row.specific, specificCount, r.specificTotal.balance, shares[shares.length - 1], null, r.specificTotal.provision, r.specificTotal.balance.minus(r.specificTotal.provision)],
  };
  const total: Row = { kind: 'total', cells: [l.row.total, ...totalsOf([subtotal, specific], [1, 2, 3, 4, 5, 6], [4])] };
  const inUnit = (label: string) => l.withUnit(label, env.unit);
  const columns: Column[] = [
    { header: l.col.bucket, kind: 'text', width: 18 },
    { header: l.col.count, kind: 'int', width: 7 },
    { header: inUnit(l.col.balance), kind: 'money', width: 17 },
    { header: l.col.share, kind: 'percent', decimals: 1, width: 9 },
    { header: l.col.rate, kind: 'percent', decimals: percentDecimals(r.buckets.map((b) => b.rate)), width: 9 },
    { header: inUnit(l.col.provision), kind: 'money', width: 16 },
    { header: inUnit(l.col.carrying), kind: 'money', width: 17 },
  ];
  return sheet(env, 'aging', columns, [...bucketRows, subtotal, specific, total]);
}

/**
 * Cells 1..n of a total row: the sum of each listed column over `rows`; `blank` columns stay
 * empty (a rate does not add up). Int columns sum as numbers, the rest as Decimals.
 */
function totalsOf(rows: Row[], columns: number[], blank: number[] = []): Row['cells'] {
  return columns.map((i) => {
    if (blank.includes(i)) return null;
    const values = rows.map((r) => r.cells[i]);
    // All empty (the shares of a month with no balance): the total is empty too, not the number 0.
    if (values.every((v) => v === null)) return null;
    if (values.every((v) => typeof v === 'number' || v === null)) return values.reduce<number>((a, v) => a + ((v as number | null) ?? 0), 0);
    return sum(values.map((v) => (v instanceof Decimal ? v : ZERO)));
  });
}

export function movementSheet(env: TableEnv): Sheet {
  const { result: r, l } = env;
  const m = r.movement;
  // One sign convention everywhere: amounts are positive; the 加/减 (add/less) label says the direction.
  const rows: Row[] = [
    { cells: [l.movement.opening, m.opening] },
    { cells: [l.movement.charge, m.charge] },
    { cells: [l.movement.reversal, m.reversal] },
    { cells: [l.movement.writeOffs, m.writeOffs] },
    { cells: [l.movement.recoveries, m.recoveries] },
  ];
  const closing = m.opening.plus(m.charge).minus(m.reversal).minus(m.writeOffs).plus(m.recoveries);
  rows.push({ kind: 'total', cells: [l.movement.closing, closing] });
  return sheet(env, 'movement', [{ header: l.col.item, kind: 'text', width: 26 }, { header: l.withUnit(l.col.amount, env.unit), kind: 'money', width: 18 }], rows, {
    orientation: 'portrait',
  });
}

export function journalSheet(env: TableEnv): Sheet {
  const { result: r, l } = env;
  const m = r.movement;
  const a = l.account;
  const rows: Row[] = [];
  const entry = (name: string, dr: string, cr: string, amount: Decimal) => {
    rows.push({ cells: [name, l.dr, dr, amount] }, { cells: ['', l.cr, cr, amount] });
  };
  if (env.smallFramework) {
    if (m.writeOffs.gt(0)) entry(l.entry.writeOff, a.nonOpExpense, a.receivables, m.writeOffs);
    if (m.recoveries.gt(0)) entry(l.entry.recoveryCash, a.bank, a.nonOpIncome, m.recoveries);
  } else {
    if (m.charge.gt(0)) entry(l.entry.provision, a.creditLoss, a.allowance, m.charge);
    else if (m.reversal.gt(0)) entry(l.entry.reversal, a.allowance, a.creditLoss, m.reversal);
    else rows.push({ cells: [l.entry.none, '', '', null] });
    if (m.writeOffs.gt(0)) entry(l.entry.writeOff, a.allowance, a.receivables, m.writeOffs);
    if (m.recoveries.gt(0)) {
      entry(l.entry.recoveryRestore, a.receivables, a.allowance, m.recoveries);
      entry(l.entry.recoveryCash, a.bank, a.receivables, m.recoveries);
    }
  }
  // Exchange differences: their own entry, never mixed into the credit-loss charge.
  const fx = sum((r.fxDifferences ?? []).map((f) => f.total));
  if (fx.gt(0)) entry(l.entry.fx, a.receivables, a.fxGainLoss, fx);
  else if (fx.lt(0)) entry(l.entry.fx, a.fxGainLoss, a.receivables, fx.neg());
  const columns: Column[] = [
    { header: l.col.entry, kind: 'text', width: 26 },
    { header: l.col.drcr, kind: 'text', width: 7 },
    { header: l.col.account, kind: 'text', width: 30 },
    { header: l.withUnit(l.col.amount, env.unit), kind: 'money', width: 18 },
  ];
  return sheet(env, 'journal', columns, rows, { orientation: 'portrait' });
}

/** Σ rounded lines vs "bucket balance × rate", for the rounding note under the aging table. */
export function bucketRoundingDiffs(r: ProvisionResult): { bucket: BucketTotal; product: Decimal }[] {
  return r.buckets.map((b) => ({ bucket: b, product: cents(b.balance.times(b.rate)) })).filter((d) => !d.product.eq(d.bucket.provision));
}
