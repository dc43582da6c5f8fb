/** adjustments.*, fx.*, specific.* rows. */
import { Decimal } from '../../domain/money.js';
import type { Adjustment, AdjustmentKind, FxRate, SpecificProvision } from '../../domain/receivables/types.js';
import { normalizeHeader } from './headers.js';
import { parseAmount } from './parse-amount.js';
import type { RowReader } from './row-reader.js';

const KINDS: Record<string, AdjustmentKind> = {};
const KIND_NAMES: Record<AdjustmentKind, string[]> = {
  credit_note: ['credit_note', 'credit note', 'cn', '红字发票', '红冲', '贷项通知单', '退货'],
  write_off: ['write_off', 'writeoff', 'write off', '坏账核销', '核销'],
  recovery: ['recovery', '坏账收回', '核销后收回', '收回'],
};
for (const [kind, names] of Object.entries(KIND_NAMES)) for (const n of names) KINDS[normalizeHeader(n)] = kind as AdjustmentKind;

export function readAdjustmentRow(r: RowReader): Adjustment | undefined {
  const date = r.date('date', true);
  const invoiceNo = r.text('invoice_no', true);
  const kindText = r.text('kind', true);
  const kind = kindText === undefined ? undefined : KINDS[normalizeHeader(kindText)];
  if (kindText !== undefined && !kind) r.error('kind', `unknown adjustment kind "${kindText}" (expected credit_note, write_off or recovery)`, 'ledger/adjustment-kind');
  const amount = r.amount('amount', { required: true });
  if (!date || !invoiceNo || !kind || !amount) return undefined;
  // ERPs print credit notes and write-offs as negatives; the kind already says which way it goes.
  return { date, invoiceNo, kind, amount: amount.abs(), source: r.source() };
}

export function readFxRow(r: RowReader): FxRate | undefined {
  const date = r.date('date', true);
  const currency = r.blank('currency') ? r.error('currency', 'a currency is required', 'ledger/missing-value') : r.currency('currency', '');
  const rate = r.amount('rate', { required: true, maxDecimals: 10 });
  if (rate?.lte(0)) return r.error('rate', `rate ${rate.toString()} must be greater than 0`, 'ledger/fx-rate');
  if (!date || !currency || !rate) return undefined;
  return { date, currency, rate, source: r.source() };
}

export function readSpecificRow(r: RowReader): SpecificProvision | undefined {
  const invoiceNo = r.text('invoice_no', true);
  const rate = specificRate(r);
  const reason = r.text('reason') ?? '';
  const date = r.date('date');
  if (!invoiceNo || !rate || (!r.blank('date') && !date)) return undefined;
  return { invoiceNo, rate, reason, ...(date ? { date } : {}), source: r.source() };
}

/** `100%`, `50%`, `0.5`, `1` → a rate in [0, 1]. */
function specificRate(r: RowReader): Decimal | undefined {
  const cell = r.cell('rate');
  let rate: Decimal | undefined;
  if (typeof cell === 'string' && /[%％]\s*$/.test(cell)) {
    const parsed = parseAmount(cell.replace(/[%％]\s*$/, ''));
    if (!parsed) return r.error('rate', `"${cell}" is not a rate`, 'ledger/specific-rate');
    rate = parsed.value.div(100);
  } else {
    rate = r.amount('rate', { required: true, maxDecimals: 10 });
    if (!rate) return undefined;
  }
  if (rate.isNegative() || rate.gt(1)) return r.error('rate', `rate ${cell} must be between 0 and 1 (or 0% and 100%)`, 'ledger/specific-rate');
  return rate;
}
