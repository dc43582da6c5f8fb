/** What was read from the ledger, for `dealdoc validate`: files and rows, customers, currencies, dates, totals. */
import { formatMoney, sum } from '../money.js';
import type { Ledger } from './types.js';

export function ledgerSummary(l: Ledger, show: (file: string) => string): string[] {
  const rowsByFile = new Map<string, number>(l.files.map((f) => [f, 0]));
  const all = [...l.invoices, ...l.payments, ...l.adjustments, ...l.fx, ...l.specific];
  for (const r of all) rowsByFile.set(r.source.file, (rowsByFile.get(r.source.file) ?? 0) + 1);
  const dates = [...l.invoices.map((i) => i.invoiceDate), ...l.payments.map((p) => p.date), ...l.adjustments.map((a) => a.date)].sort();
  const currencies = [...new Set(l.invoices.map((i) => i.currency))].sort();
  const byCcy = (items: { currency: string; amount: import('../money.js').Decimal }[]) =>
    currencies
      .map((c) => ({ c, total: sum(items.filter((x) => x.currency === c).map((x) => x.amount)) }))
      .filter((x) => !x.total.isZero())
      .map((x) => `${x.c} ${formatMoney(x.total)}`)
      .join(' · ') || '—';
  const ccyOf = new Map(l.invoices.map((i) => [i.invoiceNo, i.currency]));
  const payments = l.payments.map((p) => ({ currency: p.invoiceNo ? (ccyOf.get(p.invoiceNo) ?? p.currency ?? '') : (p.currency ?? ''), amount: p.amount }));
  const adj = (kind: string) => l.adjustments.filter((a) => a.kind === kind).map((a) => ({ currency: ccyOf.get(a.invoiceNo) ?? '', amount: a.amount }));
  const width = Math.max(...[...rowsByFile.keys()].map((f) => show(f).length), 4);
  return [
    `ledger: ${l.files.length} file(s), ${all.length} row(s)`,
    ...[...rowsByFile].map(([f, n]) => `  ${show(f).padEnd(width)}  ${String(n).padStart(6)} row(s)`),
    `  customers ${new Set(l.invoices.map((i) => i.customerId)).size} · reps ${new Set(l.invoices.map((i) => i.rep).filter(Boolean)).size} · currencies ${currencies.join(', ') || '—'}`,
    `  dates ${dates[0] ?? '—'} … ${dates[dates.length - 1] ?? '—'}`,
    `  invoiced    ${byCcy(l.invoices)}`,
    `  received    ${byCcy(payments)}`,
    `  credit notes ${byCcy(adj('credit_note'))} · written off ${byCcy(adj('write_off'))} · recovered ${byCcy(adj('recovery'))}`,
  ];
}
