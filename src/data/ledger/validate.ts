/**
 * Cross-file consistency. Any error here means the ledger cannot produce correct figures, so the
 * caller drops the whole ledger (no report from inconsistent data). Also fills in each payment's
 * currency: the invoice's for applied receipts, the functional currency for unapplied ones.
 */
import { basename } from 'node:path';
import { Diagnostic } from '../../diagnostics.js';
import { compareDates } from '../../domain/dates.js';
import { ZERO, formatMoney } from '../../domain/money.js';
import { pushTo } from '../../domain/receivables/group.js';
import type { Adjustment, FxRate, Invoice, Ledger, Payment, SourceRef, SpecificProvision } from '../../domain/receivables/types.js';

type Parts = Omit<Ledger, 'files'>;

function diag(src: SourceRef, field: string, message: string, rule: string): Diagnostic {
  return new Diagnostic({ file: src.file, line: src.line, field: src.columns?.[field] ?? field, message, rule });
}

export function validateLedger(parts: Parts, functionalCurrency: string, invoicesFile: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const byNo = new Map<string, Invoice>();
  for (const inv of parts.invoices) {
    const first = byNo.get(inv.invoiceNo);
    if (first) out.push(diag(inv.source, 'invoice_no', `duplicate invoice number ${inv.invoiceNo} (first on line ${first.source.line})`, 'ledger/duplicate-invoice'));
    else byNo.set(inv.invoiceNo, inv);
  }
  const invName = basename(invoicesFile);
  const unknown = (src: SourceRef, no: string): Diagnostic => diag(src, 'invoice_no', `invoice ${no} is not in ${invName}`, 'ledger/unknown-invoice');

  for (const p of parts.payments) {
    if (p.invoiceNo === undefined) {
      p.currency ??= functionalCurrency;
      continue;
    }
    const inv = byNo.get(p.invoiceNo);
    if (!inv) {
      out.push(unknown(p.source, p.invoiceNo));
      continue;
    }
    if (p.customerId !== undefined && p.customerId !== inv.customerId) {
      out.push(diag(p.source, 'customer_id', `customer ${p.customerId} differs from invoice ${inv.invoiceNo}'s customer ${inv.customerId}`, 'ledger/customer-mismatch'));
    }
    if (p.currency !== undefined && p.currency !== inv.currency) {
      out.push(diag(p.source, 'currency', `currency ${p.currency} differs from invoice ${inv.invoiceNo}'s currency ${inv.currency}`, 'ledger/currency-mismatch'));
    }
    p.currency = inv.currency;
    p.customerId ??= inv.customerId;
  }

  const adjByInvoice = new Map<string, Adjustment[]>();
  for (const a of parts.adjustments) {
    const inv = byNo.get(a.invoiceNo);
    if (!inv) out.push(unknown(a.source, a.invoiceNo));
    else if (compareDates(a.date, inv.invoiceDate) < 0) {
      out.push(diag(a.source, 'date', `${a.kind} dated ${a.date} is before invoice ${inv.invoiceNo}'s date ${inv.invoiceDate}`, 'ledger/adjustment-before-invoice'));
    } else pushTo(adjByInvoice, a.invoiceNo, a);
  }
  out.push(...checkAdjustmentAmounts(byNo, parts.payments, adjByInvoice));
  out.push(...checkFx(parts.fx), ...checkSpecific(parts.specific, byNo, unknown));
  return out;
}

/**
 * A credit note or write-off may not exceed what is still owed on its date, and a recovery may not
 * exceed what was written off before it — otherwise the movement schedule would invent allowance.
 */
function checkAdjustmentAmounts(byNo: Map<string, Invoice>, payments: Payment[], adjByInvoice: Map<string, Adjustment[]>): Diagnostic[] {
  const out: Diagnostic[] = [];
  const paymentsOf = new Map<string, Payment[]>();
  for (const p of payments) if (p.invoiceNo !== undefined) pushTo(paymentsOf, p.invoiceNo, p);
  for (const [no, adjs] of adjByInvoice) {
    const inv = byNo.get(no)!;
    const paid = paymentsOf.get(no) ?? [];
    const ordered = [...adjs].sort((a, b) => compareDates(a.date, b.date) || a.source.line - b.source.line);
    let reduced = ZERO;
    let writtenOff = ZERO;
    let recovered = ZERO;
    for (const a of ordered) {
      if (a.kind === 'recovery') {
        recovered = recovered.plus(a.amount);
        if (recovered.gt(writtenOff)) {
          out.push(diag(a.source, 'amount', `recovery of ${formatMoney(a.amount)} on invoice ${no} exceeds what was written off and not yet recovered by ${a.date} (${formatMoney(writtenOff.minus(recovered).plus(a.amount))})`, 'ledger/recovery-exceeds-write-off'));
        }
        continue;
      }
      const paidToDate = paid.filter((p) => compareDates(p.date, a.date) <= 0).reduce((s, p) => s.plus(p.amount), ZERO);
      const open = inv.amount.minus(paidToDate).minus(reduced);
      if (a.amount.gt(open)) {
        out.push(diag(a.source, 'amount', `${a.kind} of ${formatMoney(a.amount)} exceeds invoice ${no}'s outstanding ${formatMoney(open)} on ${a.date}`, 'ledger/adjustment-exceeds-balance'));
      }
      reduced = reduced.plus(a.amount);
      if (a.kind === 'write_off') writtenOff = writtenOff.plus(a.amount);
    }
  }
  return out;
}

function checkFx(fx: FxRate[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Map<string, FxRate>();
  for (const r of fx) {
    const key = `${r.currency}@${r.date}`;
    const first = seen.get(key);
    if (!first) seen.set(key, r);
    else if (!first.rate.eq(r.rate)) {
      out.push(diag(r.source, 'rate', `a second ${r.currency} rate for ${r.date} (${r.rate.toString()}; line ${first.source.line} has ${first.rate.toString()})`, 'ledger/fx-conflict'));
    }
  }
  return out;
}

function checkSpecific(items: SpecificProvision[], byNo: Map<string, Invoice>, unknown: (src: SourceRef, no: string) => Diagnostic): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Map<string, SpecificProvision>();
  for (const s of items) {
    if (!byNo.has(s.invoiceNo)) out.push(unknown(s.source, s.invoiceNo));
    const first = seen.get(s.invoiceNo);
    if (first) out.push(diag(s.source, 'invoice_no', `invoice ${s.invoiceNo} is already assessed on line ${first.source.line}`, 'ledger/duplicate-specific'));
    else seen.set(s.invoiceNo, s);
  }
  return out;
}
