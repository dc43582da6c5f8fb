/**
 * Customer, rep, invoice-detail and exception schedules of the report as typed sheets.
 * Subtotals and totals are sums of the printed rows above them (Decimal, never re-rounded).
 */
import { Decimal, ZERO } from '../../domain/money.js';
import { SPECIFIC_KEY } from '../../domain/receivables/totals.js';
import type { InvoiceLine, PartyTotals, ProvisionResult } from '../../domain/receivables/types.js';
import type { Column, Row, Sheet } from '../../tree/workbook.js';
import { fxDecimals, money, percent, percentDecimals } from './format.js';
import { bucketLabel, columnSum, inUnit, range, sheet, type TableEnv } from './table-kit.js';

// The 单项 key of PartyTotals.byBucket, from the domain that fills it.
export { SPECIFIC_KEY };

/** Whether the party schedules carry a 单项计提 column (any 单项 line, or the key present). */
function hasSpecificColumn(r: ProvisionResult): boolean {
  return !r.specificTotal.balance.isZero() || r.byCustomer.some((c) => SPECIFIC_KEY in c.byBucket);
}

/** Column layout of the customer and rep schedules after their lead columns. */
export function partyLayout(r: ProvisionResult, lead: number): { balance: number; buckets: number[]; specific?: number; overdue: number; provision: number } {
  const buckets = r.buckets.map((_b, i) => lead + 1 + i);
  const after = lead + 1 + r.buckets.length;
  const specific = hasSpecificColumn(r) ? after : undefined;
  const overdue = after + (specific === undefined ? 0 : 1);
  return { balance: lead, buckets, ...(specific === undefined ? {} : { specific }), overdue, provision: overdue + 1 };
}

function partyColumns(env: TableEnv, lead: Column[]): Column[] {
  const { l, result: r } = env;
  return [
    ...lead,
    { header: inUnit(env, l.col.balance), kind: 'money', width: 16 },
    ...r.buckets.map((b): Column => ({ header: inUnit(env, bucketLabel(b, l)), kind: 'money', width: 16 })),
    ...(hasSpecificColumn(r) ? [{ header: inUnit(env, l.row.specific), kind: 'money', width: 14 } as Column] : []),
    { header: inUnit(env, l.col.overdue), kind: 'money', width: 16 },
    { header: inUnit(env, l.col.provision), kind: 'money', width: 15 },
  ];
}

function partyCells(env: TableEnv, p: PartyTotals): Decimal[] {
  const r = env.result;
  return [
    p.balance,
    ...r.buckets.map((b) => p.byBucket[b.bucket] ?? ZERO),
    ...(hasSpecificColumn(r) ? [p.byBucket[SPECIFIC_KEY] ?? ZERO] : []),
    p.overdue,
    p.provision,
  ];
}

/** SUBTOTAL(9, …) over the filterable rows for every figure column from 2 (so a filter keeps the total right). */
export function subtotalFormulas(columns: number): Record<number, string> {
  return Object.fromEntries(range(2, columns).map((i) => [i, `SUBTOTAL(9,{rows ${i}})`]));
}

/** A (sub)total row under two label columns: each figure column is the sum of the rows printed above. */
function footing(kind: 'total' | 'subtotal', labels: [string, string], above: Row[], columns: number): Row {
  return { kind, cells: [...labels, ...range(2, columns).map((i) => columnSum(above, i))] };
}

export function customersSheet(env: TableEnv): Sheet {
  const { result: r, l } = env;
  const rows: Row[] = r.byCustomer.map((c) => ({ cells: [c.key, c.name, ...partyCells(env, c)] }));
  const n = partyLayout(r, 2).provision + 1;
  rows.push({ ...footing('total', ['', l.row.total], rows, n), formulas: subtotalFormulas(n) });
  const lead: Column[] = [
    { header: l.col.customerId, kind: 'text', width: 11 },
    { header: l.col.customer, kind: 'text', width: 26 },
  ];
  return sheet(env, 'customers', partyColumns(env, lead), rows, { autoFilter: true });
}

export function repsSheet(env: TableEnv): Sheet {
  const { result: r, l } = env;
  const n = partyLayout(r, 2).provision + 1;
  const rows: Row[] = [];
  const subtotals: Row[] = [];
  for (const rep of r.byRep) {
    const own: Row[] = rep.customers.map((c) => ({ cells: [rep.name, c.name, ...partyCells(env, c)] }));
    const subtotal = footing('subtotal', [rep.name, l.row.subtotal(rep.name)], own, n);
    rows.push(...own, subtotal);
    subtotals.push(subtotal);
  }
  rows.push(footing('total', ['', l.row.total], subtotals, n));
  const lead: Column[] = [
    { header: l.col.rep, kind: 'text', width: 12 },
    { header: l.col.customer, kind: 'text', width: 26 },
  ];
  return sheet(env, 'reps', partyColumns(env, lead), rows, { autoFilter: true });
}

export function detailSheet(env: TableEnv): Sheet {
  const { result: r, l } = env;
  const flags = (x: InvoiceLine) =>
    [x.specific ? l.flag.specific(x.specific.reason) : '', x.invoice.dueDateMissing ? l.flag.missingDue : ''].filter(Boolean).join('；');
  const bucketNames = new Map(r.buckets.map((b) => [b.bucket, bucketLabel(b, l)]));
  const rows: Row[] = r.lines.map((x) => ({
    cells: [
      x.invoice.customerName,
      x.invoice.rep,
      x.invoice.invoiceNo,
      x.invoice.invoiceDate,
      x.invoice.dueDate,
      x.daysOverdue,
      x.specific ? l.row.specific : (bucketNames.get(x.bucket) ?? x.bucket),
      x.invoice.currency,
      x.outstanding,
      x.fxRate,
      x.balanceCny,
      x.provisionRate,
      x.provision,
      flags(x),
    ],
    // Auditable: balance = outstanding × rate and provision = balance × rate, each rounded to the cent as computed.
    formulas: { 10: 'ROUND({@8}*{@9},2)', 12: 'ROUND({@10}*{@11},2)' },
  }));
  rows.push({
    kind: 'total',
    cells: [l.row.total, '', '', null, null, null, '', '', null, null, columnSum(rows, 10), null, columnSum(rows, 12), ''],
    formulas: { 10: 'SUBTOTAL(9,{rows 10})', 12: 'SUBTOTAL(9,{rows 12})' },
  });
  const columns: Column[] = [
    { header: l.col.customer, kind: 'text', width: 26 },
    { header: l.col.rep, kind: 'text', width: 8 },
    { header: l.col.invoiceNo, kind: 'text', width: 12 },
    { header: l.col.invoiceDate, kind: 'date', width: 11 },
    { header: l.col.dueDate, kind: 'date', width: 11 },
    { header: l.col.days, kind: 'int', width: 9 },
    { header: l.col.bucket, kind: 'text', width: 13 },
    { header: l.col.currency, kind: 'text', width: 6 },
    { header: l.col.outstanding, kind: 'money', width: 14 },
    { header: l.col.fxRate, kind: 'number', decimals: fxDecimals(r.lines.map((x) => x.fxRate)), width: 8 },
    { header: inUnit(env, l.col.balanceCny), kind: 'money', width: 16 },
    { header: l.col.rate, kind: 'percent', decimals: percentDecimals(r.lines.map((x) => x.provisionRate)), width: 10 },
    { header: inUnit(env, l.col.provision), kind: 'money', width: 14 },
    { header: l.col.flags, kind: 'text', width: 13 },
  ];
  return sheet(env, 'detail', columns, rows, { autoFilter: true });
}

/**
 * The invoice detail summarised per customer, for print when the detail is longer than
 * provisioning.detail_rows_in_print: one row per customer (in the detail's order) with its
 * number of open invoices, the longest days overdue, and the sums of its detail rows' balance
 * and allowance; the total row is the sum of the printed rows (= the detail's totals, checked).
 */
export function detailByCustomerSheet(env: TableEnv, detail: Sheet): Sheet {
  const { result: r, l } = env;
  const groups = new Map<string, { name: string; rows: Row[]; maxDays: number }>();
  r.lines.forEach((x, i) => {
    const key = x.invoice.customerId;
    const g = groups.get(key) ?? { name: x.invoice.customerName, rows: [], maxDays: x.daysOverdue };
    const row = detail.rows[i]; // one detail row per line
    if (row) g.rows.push(row);
    g.maxDays = Math.max(g.maxDays, x.daysOverdue);
    groups.set(key, g);
  });
  const rows: Row[] = [...groups.entries()].map(([key, g]) => ({ cells: [key, g.name, g.rows.length, g.maxDays, columnSum(g.rows, 10), columnSum(g.rows, 12)] }));
  const count = rows.reduce((n, row) => n + (row.cells[2] as number), 0);
  rows.push({ kind: 'total', cells: ['', l.row.total, count, null, columnSum(rows, 4), columnSum(rows, 5)] });
  const columns: Column[] = [
    { header: l.col.customerId, kind: 'text', width: 11 },
    { header: l.col.customer, kind: 'text', width: 30 },
    { header: l.col.count, kind: 'int', width: 9 },
    { header: l.more.maxDays, kind: 'int', width: 11 },
    { header: inUnit(env, l.col.balanceCny), kind: 'money', width: 18 },
    { header: inUnit(env, l.col.provision), kind: 'money', width: 16 },
  ];
  return sheet(env, 'detail', columns, rows);
}

export function exceptionsSheet(env: TableEnv): Sheet {
  const { result: r, l } = env;
  const e = l.exception;
  const names = new Map<string, string>(r.byCustomer.map((c) => [c.key, c.name]));
  for (const c of r.credits) names.set(c.customerId, c.customerName);
  const lines = new Map(r.lines.map((x) => [x.invoice.invoiceNo, x]));
  const rows: Row[] = [];
  for (const c of r.credits) {
    rows.push({ cells: [e.credit, c.customerName, c.sources.join(', '), null, c.currency, c.amount, c.amountCny, e.creditNote] });
  }
  for (const u of r.unappliedCash) {
    const cny = u.amountCny ?? (u.currency === r.functionalCurrency ? u.amount : null);
    const notes = [
      ...(u.appliedTo.length > 0 ? [e.unappliedTo(u.appliedTo.join(', '))] : []),
      ...(u.remaining && u.remaining.gt(0) && u.appliedTo.length > 0 ? [e.unappliedRemaining(money(u.remaining))] : []),
      ...(u.appliedTo.length === 0 ? [e.unappliedNone] : []),
    ];
    const kind = u.kind === 'credit_invoice' ? e.creditInvoice : e.unapplied;
    rows.push({ cells: [kind, names.get(u.customerId) ?? u.customerId, u.paymentNo, u.date, u.currency, u.amount, cny, l.text.list(notes)] });
  }
  for (const no of r.missingDueDates) {
    const x = lines.get(no);
    rows.push({
      cells: x
        ? [e.missingDue, x.invoice.customerName, no, x.invoice.invoiceDate, x.invoice.currency, x.outstanding, x.balanceCny, e.missingDueNote]
        : [e.missingDue, '', no, null, '', null, null, e.missingDueNote],
    });
  }
  const pct = percentDecimals(r.lines.filter((x) => x.specific).map((x) => x.provisionRate));
  for (const x of r.lines.filter((y) => y.specific)) {
    const note = e.specificNote(x.specific!.reason, percent(x.provisionRate, pct), money(x.provision));
    rows.push({ cells: [e.specific, x.invoice.customerName, x.invoice.invoiceNo, x.invoice.dueDate, x.invoice.currency, x.outstanding, x.balanceCny, note] });
  }
  for (const a of r.periodAdjustments ?? []) {
    const [kind, note] = a.kind === 'write_off' ? [e.writeOff, e.writeOffNote] : [e.recovery, e.recoveryNote];
    rows.push({ cells: [kind, a.customerName, a.invoiceNo, a.date, a.currency, a.amount, a.amountCny, note] });
  }
  if (r.excluded.invoicesAfterAsOf > 0 || r.excluded.paymentsAfterAsOf > 0) {
    rows.push({ cells: [e.excluded, '', '', null, '', null, null, e.excludedNote(r.excluded.invoicesAfterAsOf, r.excluded.paymentsAfterAsOf)] });
  }
  const columns: Column[] = [
    { header: l.col.kind, kind: 'text', width: 16 },
    { header: l.col.customer, kind: 'text', width: 22 },
    { header: l.col.document, kind: 'text', width: 16 },
    { header: l.col.date, kind: 'date', width: 11 },
    { header: l.col.currency, kind: 'text', width: 6 },
    { header: l.col.amountCcy, kind: 'money', width: 14 },
    { header: inUnit(env, l.col.amount), kind: 'money', width: 15 },
    { header: l.col.note, kind: 'text', width: 44 },
  ];
  return sheet(env, 'exceptions', columns, rows, { autoFilter: rows.length > 0 });
}
