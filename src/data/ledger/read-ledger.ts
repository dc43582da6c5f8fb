/**
 * The ledger reader: finds `invoices`, `payments` and the optional `adjustments`, `fx`, `specific`
 * as .csv, .json or .xlsx in one folder, decodes, maps headers, reads rows and checks the tables
 * against each other. Any error diagnostic → no ledger: a report from inconsistent data would be wrong.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Diagnostic, hasErrors, sortDiagnostics } from '../../diagnostics.js';
import type { Ledger } from '../../domain/receivables/types.js';
import { tableFromCsv } from './csv-table.js';
import { readTableRows } from './table-rows.js';
import type { TableName } from './headers.js';
import { tableFromJson } from './json-table.js';
import { tableFromXlsx } from './xlsx-table.js';
import { decodeText } from './decode.js';
import type { TableResult } from './table.js';
import { validateLedger } from './validate.js';

export type LedgerFormat = 'csv' | 'json' | 'xlsx';

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
}

export interface ReadLedgerResult {
  ledger?: Ledger;
  diagnostics: Diagnostic[];
}

const TABLES: TableName[] = ['invoices', 'payments', 'adjustments', 'fx', 'specific'];
const REQUIRED: TableName[] = ['invoices', 'payments'];
const FORMATS: LedgerFormat[] = ['csv', 'json', 'xlsx'];

/** Which files in `dir` make up the ledger (or diagnostics when a table is missing or given twice). */
export async function findLedgerFiles(dir: string): Promise<{ files: { table: TableName; file: string; format: LedgerFormat }[]; diagnostics: Diagnostic[] }> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (e) {
    return { files: [], diagnostics: [new Diagnostic({ file: dir, message: `cannot read the ledger folder: ${(e as Error).message}`, rule: 'ledger/folder' })] };
  }
  const files: { table: TableName; file: string; format: LedgerFormat }[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const table of TABLES) {
    const found = FORMATS.filter((f) => names.includes(`${table}.${f}`));
    if (found.length > 1) {
      diagnostics.push(new Diagnostic({ file: join(dir, `${table}.${found[0]}`), message: `${found.map((f) => `${table}.${f}`).join(' and ')} both exist; keep one`, rule: 'ledger/ambiguous-file' }));
    } else if (found.length === 1) files.push({ table, file: join(dir, `${table}.${found[0]}`), format: found[0] });
    else if (REQUIRED.includes(table)) {
      diagnostics.push(new Diagnostic({ file: join(dir, `${table}.csv`), message: `missing ${table}.csv (or .json / .xlsx)`, rule: 'ledger/missing-file' }));
    }
  }
  return { files, diagnostics };
}

export async function readLedger(dir: string, opts: ReadLedgerOptions = {}): Promise<ReadLedgerResult> {
  const found = await findLedgerFiles(dir);
  // A missing or doubled table is fundamental: say so before reporting on row contents.
  if (hasErrors(found.diagnostics)) return { diagnostics: sortDiagnostics(found.diagnostics) };
  const sources: LedgerSource[] = [];
  for (const f of found.files) sources.push({ ...f, bytes: new Uint8Array(await readFile(f.file)) });
  return parseLedger(sources, opts);
}

/** The same, from bytes already in memory (tests, build caches). */
export async function parseLedger(sources: LedgerSource[], opts: ReadLedgerOptions = {}): Promise<ReadLedgerResult> {
  const functional = opts.functionalCurrency ?? 'CNY';
  const diagnostics: Diagnostic[] = [];
  const ledger: Ledger = { invoices: [], payments: [], adjustments: [], fx: [], specific: [], files: sources.map((s) => s.file) };
  for (const src of sources) {
    const result = await toTable(src);
    if ('error' in result) {
      diagnostics.push(new Diagnostic({ file: src.file, line: result.line, message: result.error, rule: result.rule ?? 'ledger/format' }));
      continue;
    }
    readTableRows(src.table, result.table, functional, ledger, diagnostics);
  }
  if (!sources.some((s) => s.table === 'invoices')) {
    diagnostics.push(new Diagnostic({ file: 'invoices.csv', message: 'no invoices table given', rule: 'ledger/missing-file' }));
  }
  if (!hasErrors(diagnostics)) {
    const invoicesFile = sources.find((s) => s.table === 'invoices')!.file;
    diagnostics.push(...validateLedger(ledger, functional, invoicesFile));
  }
  const sorted = sortDiagnostics(diagnostics);
  return hasErrors(sorted) ? { diagnostics: sorted } : { ledger, diagnostics: sorted };
}

async function toTable(src: LedgerSource): Promise<TableResult & { rule?: string }> {
  if (src.format === 'xlsx') return tableFromXlsx(src.bytes, src.file);
  const decoded = decodeText(src.bytes);
  if ('error' in decoded) return { error: `unreadable encoding: ${decoded.error}`, rule: 'ledger/encoding' };
  return src.format === 'json' ? tableFromJson(decoded.text, src.file) : tableFromCsv(decoded.text, src.file);
}
