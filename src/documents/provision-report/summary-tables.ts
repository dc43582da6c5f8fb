/**
 * Summary, aging, movement and journal tables of the report as typed sheets.
 * Every subtotal/total row is the sum of the printed rows above it (Decimal, never re-rounded).
 */
import { Decimal, ZERO, cents, sharesOf, sum } from '../../domain/money.js';
import type { BucketTotal, ProvisionResult } from '../../domain/receivables/types.js';
import type { Column, Row, Sheet } from '../../tree/workbook.js';
import { percentDecimals } from './format.js';
import { bucketLabel, inUnit, sheet, type TableEnv } from './table-kit.js';

export function summarySheet(env: TableEnv): Sheet {
  const { result: r, l } = env;
  const m = r.movement;
  const change: [string, Decimal] = m.reversal.gt(0) ? [l.summary.reversal, m.reversal] : m.charge.gt(0) ? [l.summary.charge, m.charge] : [l.summary.noCharge, ZERO];
  // Auditable: the figures point at the aging total, the detail lines and the movement table.
  const aging = l.sheets.aging;
  const detail = l.sheets.detail;
  const agingTotal = r.buckets.length + 2;
  const changeRow = m.reversal.gt(0) ? 2 : 1;
  const rows: Row[] = [
    { cells: [l.summary.balance, r.totals.balance], formulas: { 1: `{${aging}!${agingTotal},2}` } },
    { cells: [l.summary.overdue, r.totals.overdue], formulas: { 1: `SUMIF({${detail}!rows 5},">0",{${detail}!rows 10})` } },
    { cells: [l.summary.opening, m.opening], formulas: { 1: `{${l.sheets.movement}!0,1}` } },
    { cells: change, formulas: { 1: `{${l.sheets.movement}!${changeRow},1}` } },
    { cells: [l.summary.closing, r.totals.provision], formulas: { 1: `{${aging}!${agingTotal},5}` } },
    { cells: [l.summary.net, r.totals.net], formulas: { 1: '{0,1}-{4,1}' } },
  ];
  return sheet(env, 'summary', [{ header: l.col.item, kind: 'text', width: 36 }, { header: inUnit(env, l.col.amount), kind: 'money', width: 20 }], rows, {
    orientation: 'portrait',
  });
}

export function agingSheet(env: TableEnv): Sheet {
  const { result: r, l } = env;
  const specificCount = r.lines.filter((x) => x.specific).length;
  const balances = [...r.buckets.map((b) => b.balance), r.specificTotal.balance];
  const shares = sharesOf(balances);
  // Auditable: each bucket row counts and sums the detail sheet's lines of that bucket (by its label).
  const detail = l.sheets.detail;
  // SUMPRODUCT on exact equality (COUNTIF/SUMIF would read * ? ~ < > in a label as a pattern).
  const is = `--({${detail}!rows 6}={@0})`;
  const fromDetail = { 1: `SUMPRODUCT(${is})`, 2: `SUMPRODUCT(${is},{${detail}!rows 10})`, 5: `SUMPRODUCT(${is},{${detail}!rows 12})`, 6: '{@2}-{@5}' };
  const k = r.buckets.length;
  const bucketRows: Row[] = r.buckets.map((b, i) => ({
    cells: [bucketLabel(b, l), b.count, b.balance, shares[i] ?? null, b.rate, b.provision, b.balance.minus(b.provision)],
    formulas: fromDetail,
  }));
  const sumOf = (c: number) => (k > 0 ? `SUM({0,${c}}:{${k - 1},${c}})` : '0');
  const subtotal: Row = {
    kind: 'subtotal',
    cells: [l.row.matrixSubtotal, ...totalsOf(bucketRows, [1, 2, 3, 4, 5, 6], [4])],
    formulas: { 1: sumOf(1), 2: sumOf(2), 5: sumOf(5), 6: sumOf(6) },
  };
  const specific: Row = {
    cells: [l.row.specific, specificCount, r.specificTotal.balance, shares.at(-1) ?? null, null, r.specificTotal.provision, r.specificTotal.balance.minus(r.specificTotal.provision)],
    formulas: fromDetail,
  };
  const both = (c: number) => `{${k},${c}}+{${k + 1},${c}}`;
  const total: Row = { kind: 'total', cells: [l.row.total, ...totalsOf([subtotal, specific], [1, 2, 3, 4, 5, 6], [4])], formulas: { 1: both(1), 2: both(2), 5: both(5), 6: both(6) } };
  const columns: Column[] = [
    { header: l.col.bucket, kind: 'text', width: 18 },
    { header: l.col.count, kind: 'int', width: 7 },
    { header: inUnit(env, l.col.balance), kind: 'money', width: 17 },
    { header: l.col.share, kind: 'percent', decimals: 1, width: 9 },
    { header: l.col.rate, kind: 'percent', decimals: percentDecimals(r.buckets.map((b) => b.rate)), width: 9 },
    { header: inUnit(env, l.col.provision), kind: 'money', width: 16 },
    { header: inUnit(env, l.col.carrying), kind: 'money', width: 17 },
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
  rows.push({ kind: 'total', cells: [l.movement.closing, closing], formulas: { 1: '{0,1}+{1,1}-{2,1}-{3,1}+{4,1}' } });
  return sheet(env, 'movement', [{ header: l.col.item, kind: 'text', width: 26 }, { header: inUnit(env, l.col.amount), kind: 'money', width: 18 }], rows, {
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
    { header: inUnit(env, l.col.amount), kind: 'money', width: 18 },
  ];
  return sheet(env, 'journal', columns, rows, { orientation: 'portrait' });
}

/** Σ rounded lines vs "bucket balance × rate", for the rounding note under the aging table. */
export function bucketRoundingDiffs(r: ProvisionResult): { bucket: BucketTotal; product: Decimal }[] {
  return r.buckets.map((b) => ({ bucket: b, product: cents(b.balance.times(b.rate)) })).filter((d) => !d.product.eq(d.bucket.provision));
}
