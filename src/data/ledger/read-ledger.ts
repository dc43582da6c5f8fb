/**
 * The ledger reader: finds `invoices`, `payments` and the optional `adjustments`, `fx`, `specific`
 * as .csv, .json or .xlsx in one folder, decodes, maps headers, reads rows and checks the tables
 * against each other. Any error diagnostic → no ledger: a report from inconsistent data would be wrong.
 */
import { readFileSync, statSync } from 'node:fs';
import { Diagnostic, hasErrors, sortDiagnostics } from '../../diagnostics.js';
import type { Ledger } from '../../domain/receivables/types.js';
import { tableFromCsv } from './csv-table.js';
import { readTableRows } from './table-rows.js';
import type { TableName } from './headers.js';
import { tableFromJson } from './json-table.js';
import { decodeText } from './decode.js';
import type { TableResult } from './table.js';
import { validateLedger } from './validate.js';
import { findLedgerFiles, type LedgerFormat, type LedgerMapping } from './find.js';
import { checkLedgerBounds, dateBounds, fileSizeError, precheckLedgerBytes, tooManyRows, type DateBounds } from './limits.js';

export { findLedgerFiles, type LedgerFormat, type LedgerMapping };


export interface LedgerSource {
  table: TableName;
  /** Path used in diagnostics. */
  file: string;
  format: LedgerFormat;
  bytes: Uint8Array;
}

export interface ReadLedgerOptions {
  /** Currency of rows without a currency column or value (default CNY). */
  functionalCurrency?: string;
  /** Plausible dates (config provisioning.date_bounds); default 1990-01-01 … today + 10 years. */
  dateBounds?: Partial<DateBounds>;
  /** For "today" (SOURCE_DATE_EPOCH). */
  env?: NodeJS.ProcessEnv;
  /** The config's `ledger:` mapping (file-name globs and column names per table). */
  mapping?: LedgerMapping;
}

export interface ReadLedgerResult {
  ledger?: Ledger;
  diagnostics: Diagnostic[];
}

export async function readLedger(dir: string, opts: ReadLedgerOptions = {}): Promise<ReadLedgerResult> {
  const found = await findLedgerFiles(dir, opts.mapping);
  // A missing or doubled table is fundamental: say so before reporting on row contents.
  if (hasErrors(found.diagnostics)) return { diagnostics: sortDiagnostics(found.diagnostics) };
  const sources: LedgerSource[] = [];
  const tooLarge: Diagnostic[] = [];
  for (const f of found.files) {
    // Refused before a byte is read (the same check runs again on the bytes in parseLedger).
    const size = fileSizeError(statSync(f.file).size);
    if (size) tooLarge.push(new Diagnostic({ file: f.file, rule: 'ledger/too-large', message: size }));
    else sources.push({ ...f, bytes: new Uint8Array(readFileSync(f.file)) });
  }
  if (tooLarge.length) return { diagnostics: sortDiagnostics(tooLarge) };
  const parsed = await parseLedger(sources, opts);
  // Warnings about the folder (files that match no table) travel with the result.
  return { ...parsed, diagnostics: sortDiagnostics([...found.diagnostics, ...parsed.diagnostics]) };
}

/** The same, from bytes already in memory (tests, build caches). */
export async function parseLedger(sources: LedgerSource[], opts: ReadLedgerOptions = {}): Promise<ReadLedgerResult> {
  const functional = opts.functionalCurrency ?? 'CNY';
  const diagnostics: Diagnostic[] = [];
  const ledger: Ledger = { invoices: [], payments: [], adjustments: [], fx: [], specific: [], files: sources.map((s) => s.file) };
  for (const src of sources) {
    const pre = precheckLedgerBytes(src.bytes, src.format);
    if (pre) {
      diagnostics.push(new Diagnostic({ file: src.file, line: pre.line, message: pre.error, rule: 'ledger/too-large' }));
      continue;
    }
    const result = await toTable(src);
    if ('error' in result) {
      diagnostics.push(new Diagnostic({ file: src.file, line: result.line, message: result.error, rule: result.rule ?? 'ledger/format' }));
      continue;
    }
    const many = tooManyRows(result.table.rows.length);
    if (many) {
      diagnostics.push(new Diagnostic({ file: src.file, message: many, rule: 'ledger/too-large' }));
      continue;
    }
    readTableRows(src.table, result.table, functional, ledger, diagnostics, opts.mapping?.columns?.[src.table]);
  }
  if (!sources.some((s) => s.table === 'invoices')) {
    diagnostics.push(new Diagnostic({ file: 'invoices.csv', message: 'no invoices table given', rule: 'ledger/missing-file' }));
  }
  if (!hasErrors(diagnostics)) diagnostics.push(...checkLedgerBounds(ledger, dateBounds(opts.dateBounds, opts.env)));
  if (!hasErrors(diagnostics)) {
    const invoicesFile = sources.find((s) => s.table === 'invoices')!.file;
    diagnostics.push(...validateLedger(ledger, functional, invoicesFile));
  }
  const sorted = sortDiagnostics(diagnostics);
  return hasErrors(sorted) ? { diagnostics: sorted } : { ledger, diagnostics: sorted };
}

async function toTable(src: LedgerSource): Promise<TableResult & { rule?: string }> {
  // exceljs is large: load it only when a ledger table really is a workbook.
  if (src.format === 'xlsx') return (await import('./xlsx-table.js')).tableFromXlsx(src.bytes, src.file);
  const decoded = decodeText(src.bytes);
  if ('error' in decoded) return { error: `unreadable encoding: ${decoded.error}`, rule: 'ledger/encoding' };
  return src.format === 'json' ? tableFromJson(decoded.text, src.file) : tableFromCsv(decoded.text, src.file);
}
