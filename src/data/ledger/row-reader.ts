/**
 * Typed access to one raw row by canonical field name. Every failure becomes a Diagnostic at the
 * row's line naming the column exactly as the file writes it (`金额`, `amount`, …).
 */
import { Diagnostic } from '../../diagnostics.js';
import { Decimal } from '../../domain/money.js';
import type { IsoDate } from '../../domain/dates.js';
import type { SourceRef } from '../../domain/receivables/types.js';
import type { HeaderMap } from './headers.js';
import { parseAmount } from './parse-amount.js';
import { parseDateCell } from './parse-date.js';
import { toHalfWidth } from './normalize.js';
import { isBlank, type Cell, type RawRow } from './table.js';

const CURRENCY_NAMES: Record<string, string> = { 人民币: 'CNY', RMB: 'CNY', 美元: 'USD', 港币: 'HKD', 港元: 'HKD', 欧元: 'EUR', 日元: 'JPY' };

export class RowReader {
  constructor(
    readonly file: string,
    readonly map: HeaderMap,
    readonly row: RawRow,
    private readonly diagnostics: Diagnostic[],
  ) {}

  get line(): number {
    return this.row.line;
  }

  source(): SourceRef {
    return { file: this.file, line: this.row.line, columns: this.map.written };
  }

  column(field: string): string {
    return this.map.written[field] ?? field;
  }

  error(field: string, message: string, rule: string): undefined {
    this.diagnostics.push(new Diagnostic({ file: this.file, line: this.row.line, field: this.column(field), message, rule }));
    return undefined;
  }

  /** A warning does not reject the ledger; it tells finance what the figures assume. */
  warn(field: string, message: string, rule: string): void {
    this.diagnostics.push(new Diagnostic({ file: this.file, line: this.row.line, field: this.column(field), message, rule, severity: 'warning' }));
  }

  cell(field: string): Cell {
    const i = this.map.index.get(field);
    return i === undefined ? null : (this.row.cells[i] ?? null);
  }

  blank(field: string): boolean {
    return isBlank(this.cell(field));
  }

  text(field: string, required = false): string | undefined {
    const v = this.cell(field);
    if (isBlank(v)) return required ? this.error(field, 'a value is required', 'ledger/missing-value') : undefined;
    if (v instanceof Date) return v.toISOString().slice(0, 10);
    return String(v).replace(/[\u3000\u00A0]/g, ' ').trim();
  }

  /** Exact amount; at most `maxDecimals` places (money has cents). */
  amount(field: string, opts: { required?: boolean; maxDecimals?: number; currency?: string } = {}): Decimal | undefined {
    const v = this.cell(field);
    if (isBlank(v)) return opts.required ? this.error(field, 'a value is required', 'ledger/missing-value') : undefined;
    let value: Decimal | undefined;
    if (typeof v === 'number') {
      // Excel and JSON numbers are binary doubles; 15 significant digits is what they hold exactly.
      value = Number.isFinite(v) ? new Decimal(v.toPrecision(15)) : undefined;
    } else if (typeof v === 'string') {
      const parsed = parseAmount(v);
      if (parsed?.marker && opts.currency && opts.currency !== 'CNY') {
        return this.error(field, `"${v}" is marked as CNY but the row's currency is ${opts.currency}`, 'ledger/amount');
      }
      value = parsed?.value;
    }
    if (!value) return this.error(field, `"${String(v)}" is not an amount`, 'ledger/amount');
    const maxDecimals = opts.maxDecimals ?? 2;
    if (value.decimalPlaces() > maxDecimals) {
      return this.error(field, `"${String(v)}" has more than ${maxDecimals} decimal places`, 'ledger/amount');
    }
    return value;
  }

  date(field: string, required = false): IsoDate | undefined {
    const v = this.cell(field);
    if (isBlank(v)) return required ? this.error(field, 'a date is required', 'ledger/missing-value') : undefined;
    const d = parseDateCell(v);
    if (!d) return this.error(field, `"${v instanceof Date ? v.toISOString() : String(v)}" is not a valid date`, 'ledger/date');
    return d;
  }

  /** ISO 4217 code; 人民币/美元 etc. are mapped; blank → the fallback. */
  currency(field: string, fallback: string): string | undefined {
    const t = this.text(field);
    if (t === undefined) return fallback;
    const code = CURRENCY_NAMES[t] ?? CURRENCY_NAMES[t.toUpperCase()] ?? toHalfWidth(t).toUpperCase();
    if (!/^[A-Z]{3}$/.test(code)) return this.error(field, `"${t}" is not a currency code (e.g. CNY, USD)`, 'ledger/currency');
    return code;
  }
}
