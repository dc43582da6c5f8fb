/**
 * Bounds on ledger files (issue 10). A ledger is untrusted: a 1900 invoice date would ask for
 * 1,500 month-end reports, a 1M-row CSV or one XLSX cell at XFD1048576 would exhaust memory.
 * Each limit is checked as early and as cheaply as possible (before parsing, where it can be) and
 * ends in one diagnostic naming the file and row. Figures measured at each limit:
 * docs/architecture.md ("Limits").
 */
import { unzipSync } from 'fflate';
import { Diagnostic } from '../../diagnostics.js';
import { addDays, compareDates, dateInShanghai, parts as dateParts, makeDate, sourceDateEpoch, type IsoDate } from '../../domain/dates.js';
import { Decimal, formatMoney } from '../../domain/money.js';
import type { Ledger, SourceRef } from '../../domain/receivables/types.js';

/** Bytes per ledger file. */
const MAX_LEDGER_FILE_BYTES = 50 * 1024 * 1024;
/** Data rows per ledger table (a large company's five years of invoices fit many times over). */
export const MAX_LEDGER_ROWS = 200_000;
/** Bytes of one CSV line (a ledger row is well under 1 KB; a 40 MB line took 1.6 GB to parse). */
const MAX_LEDGER_LINE_BYTES = 64 * 1024;
/** Columns of an XLSX ledger sheet (a ledger table has about ten). */
const MAX_XLSX_COLUMNS = 256;
/** Uncompressed size of one part of an XLSX package (zip bombs). */
const MAX_XLSX_PART_BYTES = 200 * 1024 * 1024;
/** |amount| and FX rates above this are typing errors, not money. */
const MAX_LEDGER_AMOUNT = new Decimal('1e12');
/** Earliest plausible ledger date (default of provisioning.date_bounds.from). */
const MIN_LEDGER_DATE: IsoDate = '1990-01-01' as IsoDate;
/** Latest plausible date: today (or SOURCE_DATE_EPOCH) plus this many years. */
const FUTURE_YEARS = 10;

export interface DateBounds {
  from: IsoDate;
  to: IsoDate;
}

/** The configured bounds, else 1990-01-01 … today + 10 years (today from SOURCE_DATE_EPOCH when set). */
export function dateBounds(configured: Partial<DateBounds> | undefined, env: NodeJS.ProcessEnv = process.env): DateBounds {
  const today = dateInShanghai(sourceDateEpoch(env) ?? new Date());
  const { year, month, day } = dateParts(today);
  const to = makeDate(year + FUTURE_YEARS, month, day) ?? addDays(makeDate(year + FUTURE_YEARS, month, day - 1)!, 1);
  return { from: configured?.from ?? MIN_LEDGER_DATE, to: configured?.to ?? to };
}

/** Size and row count, before any parser runs. */
export function fileSizeError(size: number): string | undefined {
  return size > MAX_LEDGER_FILE_BYTES ? `file is ${(size / 1024 / 1024).toFixed(1)} MB; ledger files may be at most ${MAX_LEDGER_FILE_BYTES / 1024 / 1024} MB (split it by year)` : undefined;
}

export function precheckLedgerBytes(bytes: Uint8Array, format: 'csv' | 'json' | 'xlsx'): { error: string; line?: number } | undefined {
  const size = fileSizeError(bytes.length);
  if (size) return { error: size };
  if (format === 'xlsx') return precheckXlsx(bytes);
  // CSV: one row per line at most; JSON: one row per object at most. Both over-count, never under.
  const unit = format === 'csv' ? 0x0a : 0x7b;
  let count = 0;
  let lineStart = 0;
  const tooLong = (end: number) => format === 'csv' && end - lineStart > MAX_LEDGER_LINE_BYTES;
  const longLine = () => ({ error: `a line of more than ${MAX_LEDGER_LINE_BYTES / 1024} KB; a ledger row is far shorter (is this a ledger table?)`, line: count + 1 });
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] !== unit) continue;
    if (tooLong(i)) return longLine();
    lineStart = i + 1;
    if (++count > MAX_LEDGER_ROWS + 1) {
      const line = format === 'csv' ? MAX_LEDGER_ROWS + 2 : undefined;
      return { error: `more than ${MAX_LEDGER_ROWS.toLocaleString('en')} rows; a ledger table may have at most ${MAX_LEDGER_ROWS.toLocaleString('en')} (split it by year)`, line };
    }
  }
  if (tooLong(bytes.length)) return longLine();
  return undefined;
}

/** `XFD1048576` → [16384, 1048576]. */
function cellRef(ref: string): [number, number] | undefined {
  const m = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/.exec(ref);
  if (!m?.[1]) return undefined;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
  return [col, Number(m[2])];
}

/**
 * Look inside the package before exceljs allocates anything: every part's declared uncompressed
 * size, then each worksheet's `<dimension>` and the row and cell references it really uses.
 */
export function precheckXlsx(bytes: Uint8Array): { error: string; line?: number } | undefined {
  let tooBig: string | undefined;
  let sheets: Record<string, Uint8Array>;
  try {
    sheets = unzipSync(bytes, {
      filter: (f) => {
        if (f.originalSize > MAX_XLSX_PART_BYTES) tooBig ??= f.name;
        return !tooBig && /^xl\/worksheets\/[^/]+\.xml$/.test(f.name);
      },
    });
  } catch (e) {
    return { error: `not a readable .xlsx workbook: ${(e as Error).message}` };
  }
  if (tooBig) return { error: `"${tooBig}" inside the workbook unpacks to more than ${MAX_XLSX_PART_BYTES / 1024 / 1024} MB` };
  const decoder = new TextDecoder();
  for (const [name, data] of Object.entries(sheets)) {
    const xml = decoder.decode(data);
    const refs: string[] = [];
    const dim = /<(?:\w+:)?dimension\b[^>]*\bref="([^"]+)"/.exec(xml);
    if (dim?.[1]) refs.push(...dim[1].split(':'));
    for (const m of xml.matchAll(/<(?:\w+:)?c\b[^>]*?\br="([A-Z$]+[$\d]+)"/g)) if (m[1]) refs.push(m[1]);
    let maxRow = 0;
    for (const m of xml.matchAll(/<(?:\w+:)?row\b[^>]*?\br="(\d+)"/g)) maxRow = Math.max(maxRow, Number(m[1]));
    let maxCol = 0;
    for (const ref of refs) {
      const rc = cellRef(ref);
      if (!rc) continue;
      maxCol = Math.max(maxCol, rc[0]);
      maxRow = Math.max(maxRow, rc[1]);
    }
    const sheet = name.replace(/^xl\/worksheets\//, '');
    if (maxRow > MAX_LEDGER_ROWS + 1) return { error: `worksheet ${sheet} reaches row ${maxRow.toLocaleString('en')}; a ledger table may have at most ${MAX_LEDGER_ROWS.toLocaleString('en')} rows (delete the stray cells far below the table)` };
    if (maxCol > MAX_XLSX_COLUMNS) return { error: `worksheet ${sheet} reaches column ${maxCol.toLocaleString('en')}; a ledger table may have at most ${MAX_XLSX_COLUMNS} columns (delete the stray cells far to the right)` };
  }
  return undefined;
}

/** Row counts after parsing (the precheck over-counts; this is exact). */
export function tooManyRows(rows: number): string | undefined {
  return rows > MAX_LEDGER_ROWS ? `${rows.toLocaleString('en')} rows; a ledger table may have at most ${MAX_LEDGER_ROWS.toLocaleString('en')} (split it by year)` : undefined;
}

/** Every date inside the bounds, every amount and rate within ±MAX_LEDGER_AMOUNT. */
export function checkLedgerBounds(ledger: Omit<Ledger, 'files'>, bounds: DateBounds): Diagnostic[] {
  const out: Diagnostic[] = [];
  const field = (src: SourceRef, f: string) => src.columns?.[f] ?? f;
  const date = (src: SourceRef, f: string, d: IsoDate | undefined) => {
    if (d === undefined) return;
    if (compareDates(d, bounds.from) < 0 || compareDates(d, bounds.to) > 0) {
      out.push(
        new Diagnostic({ file: src.file, line: src.line, field: field(src, f), rule: 'ledger/implausible-date', message: `date ${d} is outside ${bounds.from} … ${bounds.to} (a typing error? set provisioning.date_bounds in the config to change the range)` }),
      );
    }
  };
  const amount = (src: SourceRef, f: string, a: Decimal) => {
    if (a.abs().gt(MAX_LEDGER_AMOUNT)) {
      out.push(new Diagnostic({ file: src.file, line: src.line, field: field(src, f), rule: 'ledger/implausible-amount', message: `${formatMoney(a)} is larger than ${formatMoney(MAX_LEDGER_AMOUNT)} in absolute value (a typing error?)` }));
    }
  };
  for (const i of ledger.invoices) {
    date(i.source, 'invoice_date', i.invoiceDate);
    if (!i.dueDateMissing) date(i.source, 'due_date', i.dueDate);
    amount(i.source, 'amount', i.amount);
  }
  for (const p of ledger.payments) {
    date(p.source, 'date', p.date);
    amount(p.source, 'amount', p.amount);
  }
  for (const a of ledger.adjustments) {
    date(a.source, 'date', a.date);
    amount(a.source, 'amount', a.amount);
  }
  for (const f of ledger.fx) {
    date(f.source, 'date', f.date);
    amount(f.source, 'rate', f.rate);
  }
  for (const s of ledger.specific) date(s.source, 'date', s.date);
  return out;
}
