/**
 * Outstanding per invoice as of D (the ledger is already cut at D):
 *   amount − receipts − credit notes − write-offs, each by its own date.
 * A recovery changes no invoice: it stands for both entries (借 应收账款/贷 坏账准备, then
 * 借 银行存款/贷 应收账款), so only the allowance moves. Then credits:
 *   - an overpaid invoice's excess is a credit balance of its customer (预收), never netted;
 *   - unapplied receipts and negative-amount invoices (red invoices without a link) are applied,
 *     when policy.net_unapplied_credits, to the same customer's open invoices in the same
 *     currency, oldest due date first; what is left is a credit balance;
 *   - a receipt for an invoice dated after D is an advance (预收) of its customer.
 */
import { Decimal, ZERO } from '../money.js';
import type { IsoDate } from '../dates.js';
import { pushTo } from './group.js';
import type { Invoice, Ledger, SourceRef, UnappliedCash } from './types.js';

export interface Application {
  date: IsoDate;
  amount: Decimal;
  kind: 'payment' | 'credit_note' | 'unapplied';
  ref: string;
}

export interface InvoiceState {
  invoice: Invoice;
  /** After every application; never negative (an excess moved to credits). */
  outstanding: Decimal;
  writtenOff: Decimal;
  applications: Application[];
}

export interface CreditItem {
  customerId: string;
  currency: string;
  amount: Decimal;
  ref: string;
  kind: 'overpaid' | 'unapplied' | 'advance';
  source: SourceRef;
}

/** While allocating, every entry knows what is left of it and what it is. */
export type UnappliedEntry = Required<Omit<UnappliedCash, 'amountCny'>>;

export interface Allocation {
  states: InvoiceState[];
  credits: CreditItem[];
  unapplied: UnappliedEntry[];
}

interface Candidate {
  entry: UnappliedEntry;
  source: SourceRef;
}

export function allocate(l: Ledger, netUnapplied: boolean, functionalCurrency: string): Allocation {
  const byNo = new Map<string, InvoiceState>();
  for (const invoice of l.invoices) byNo.set(invoice.invoiceNo, { invoice, outstanding: invoice.amount, writtenOff: ZERO, applications: [] });
  const credits: CreditItem[] = [];
  const candidates: Candidate[] = [];

  for (const p of l.payments) {
    const state = p.invoiceNo === undefined ? undefined : byNo.get(p.invoiceNo);
    if (state) {
      state.outstanding = state.outstanding.minus(p.amount);
      state.applications.push({ date: p.date, amount: p.amount, kind: 'payment', ref: p.paymentNo });
    } else if (p.invoiceNo !== undefined) {
      credits.push({ customerId: p.customerId ?? '', currency: p.currency ?? functionalCurrency, amount: p.amount, ref: p.paymentNo, kind: 'advance', source: p.source });
    } else {
      const entry: UnappliedEntry = { paymentNo: p.paymentNo, customerId: p.customerId ?? '', date: p.date, amount: p.amount, currency: p.currency ?? functionalCurrency, appliedTo: [], remaining: p.amount, kind: 'receipt' };
      candidates.push({ entry, source: p.source });
    }
  }
  for (const a of l.adjustments) {
    const state = byNo.get(a.invoiceNo);
    if (!state) throw new Error(`adjustment on ${a.date} refers to invoice ${a.invoiceNo}, which is not in the ledger up to that date`);
    if (a.kind === 'recovery') continue;
    state.outstanding = state.outstanding.minus(a.amount);
    if (a.kind === 'write_off') state.writtenOff = state.writtenOff.plus(a.amount);
    else state.applications.push({ date: a.date, amount: a.amount, kind: 'credit_note', ref: `${a.kind}@${a.date}` });
  }
  for (const s of byNo.values()) {
    if (!s.outstanding.isNegative()) continue;
    const inv = s.invoice;
    const excess = s.outstanding.negated();
    s.outstanding = ZERO;
    if (inv.amount.isNegative()) {
      const entry: UnappliedEntry = { paymentNo: inv.invoiceNo, customerId: inv.customerId, date: inv.invoiceDate, amount: excess, currency: inv.currency, appliedTo: [], remaining: excess, kind: 'credit_invoice' };
      candidates.push({ entry, source: inv.source });
    } else {
      credits.push({ customerId: inv.customerId, currency: inv.currency, amount: excess, ref: inv.invoiceNo, kind: 'overpaid', source: inv.source });
    }
  }
  if (netUnapplied) applyFifo(candidates, [...byNo.values()]);
  for (const c of candidates) {
    if (c.entry.remaining.isZero()) continue;
    credits.push({ customerId: c.entry.customerId, currency: c.entry.currency, amount: c.entry.remaining, ref: c.entry.paymentNo, kind: 'unapplied', source: c.source });
  }
  const unapplied = candidates.map((c) => c.entry).sort((a, b) => cmp(a.customerId, b.customerId) || cmp(a.date, b.date) || cmp(a.paymentNo, b.paymentNo));
  return { states: [...byNo.values()], credits, unapplied };
}

/** Within one customer and currency: credits in date order against open invoices in due-date order. */
function applyFifo(candidates: Candidate[], states: InvoiceState[]): void {
  const key = (customer: string, currency: string): string => `${customer}\u0000${currency}`;
  const open = new Map<string, InvoiceState[]>();
  for (const s of states) {
    if (!s.outstanding.isPositive() || s.outstanding.isZero()) continue;
    const k = key(s.invoice.customerId, s.invoice.currency);
    pushTo(open, k, s);
  }
  for (const list of open.values()) {
    list.sort((a, b) => cmp(a.invoice.dueDate, b.invoice.dueDate) || cmp(a.invoice.invoiceDate, b.invoice.invoiceDate) || cmp(a.invoice.invoiceNo, b.invoice.invoiceNo));
  }
  // Same-date receipts go by number, then amount: the order of rows in the file never matters.
  const ordered = [...candidates].sort((a, b) => cmp(a.entry.date, b.entry.date) || cmp(a.entry.paymentNo, b.entry.paymentNo) || a.entry.amount.comparedTo(b.entry.amount));
  // Invoices before a group's cursor are fully covered already, so each is passed over once.
  const cursor = new Map<string, number>();
  for (const c of ordered) {
    // A negative "receipt" is not cash on account; it is left for the credit list to show.
    if (c.entry.remaining.lte(0)) continue;
    const k = key(c.entry.customerId, c.entry.currency);
    const list = open.get(k) ?? [];
    for (let i = cursor.get(k) ?? 0; i < list.length; i++) {
      const s = list[i];
      if (!s || c.entry.remaining.isZero()) break;
      cursor.set(k, i);
      if (s.outstanding.isZero()) continue;
      const applied = Decimal.min(s.outstanding, c.entry.remaining);
      s.outstanding = s.outstanding.minus(applied);
      s.applications.push({ date: c.entry.date, amount: applied, kind: 'unapplied', ref: c.entry.paymentNo });
      c.entry.remaining = c.entry.remaining.minus(applied);
      c.entry.appliedTo.push(s.invoice.invoiceNo);
    }
  }
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
