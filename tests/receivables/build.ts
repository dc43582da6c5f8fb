/** Ledgers built directly (no files) for the rule tests: compact rows with defaults. */
import { Decimal } from '../../src/domain/money.js';
import type { IsoDate } from '../../src/domain/dates.js';
import type { Adjustment, AdjustmentKind, FxRate, Invoice, Ledger, Payment, SpecificProvision } from '../../src/domain/receivables/types.js';

let seq = 0;
const src = () => ({ file: 'test.csv', line: ++seq + 1 });
const day = (s: string) => s as IsoDate;

export interface InvoiceSpec {
  no: string;
  date: string;
  due?: string;
  amount: string;
  customer?: string;
  currency?: string;
  rep?: string;
}

export function invoice(s: InvoiceSpec): Invoice {
  return {
    invoiceNo: s.no,
    customerId: s.customer ?? 'C1',
    customerName: `客户${s.customer ?? 'C1'}`,
    invoiceDate: day(s.date),
    dueDate: day(s.due ?? s.date),
    dueDateMissing: s.due === undefined,
    currency: s.currency ?? 'CNY',
    amount: new Decimal(s.amount),
    rep: s.rep ?? '李明',
    source: src(),
  };
}

export function payment(no: string, date: string, amount: string, opts: { invoice?: string; customer?: string; currency?: string } = {}): Payment {
  return {
    paymentNo: no,
    ...(opts.invoice ? { invoiceNo: opts.invoice } : {}),
    ...(opts.customer ? { customerId: opts.customer } : {}),
    date: day(date),
    amount: new Decimal(amount),
    currency: opts.currency ?? 'CNY',
    source: src(),
  };
}

export function adjustment(kind: AdjustmentKind, invoiceNo: string, date: string, amount: string): Adjustment {
  return { kind, invoiceNo, date: day(date), amount: new Decimal(amount), source: src() };
}

export function rate(date: string, currency: string, r: string): FxRate {
  return { date: day(date), currency, rate: new Decimal(r), source: src() };
}

export function specific(invoiceNo: string, r: string, date?: string): SpecificProvision {
  return { invoiceNo, rate: new Decimal(r), reason: '争议', ...(date ? { date: day(date) } : {}), source: src() };
}

export function ledgerOf(parts: Partial<Omit<Ledger, 'files'>>): Ledger {
  return { invoices: [], payments: [], adjustments: [], fx: [], specific: [], files: [], ...parts };
}
