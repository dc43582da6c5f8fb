/**
 * Which files make up the ledger: each table as .csv, .json or .xlsx (light: reads only the folder).
 * By default a table is the file named after it (invoices.csv …). The config's `ledger.files` maps
 * file-name globs to tables instead (`应收单据明细_*.csv` → invoices), for ERP exports as they are
 * named; every file a glob matches is read (sorted by name). A file that matches no table is a warning:
 * data in the folder is never silently ignored.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Diagnostic } from '../../diagnostics.js';
import { TABLE_FIELDS, type TableName } from './headers.js';

export type LedgerFormat = 'csv' | 'json' | 'xlsx';

/** config `ledger:` — file-name globs and column names per table. */
export interface LedgerMapping {
  files?: Partial<Record<TableName, string[]>>;
  /** Column header as written in the file → canonical field (invoice_no, amount, …). */
  columns?: Partial<Record<TableName, Record<string, string>>>;
}

const TABLES = Object.keys(TABLE_FIELDS) as TableName[];
const REQUIRED: TableName[] = ['invoices', 'payments'];
const FORMATS: LedgerFormat[] = ['csv', 'json', 'xlsx'];
/** Files that are not data: notes for people, and the operating system's and editors' droppings. */
const NOT_DATA = /^(\.|~\$|readme)|\.(md|txt\.bak|tmp)$/i;

/** `*` any run of characters, `?` one character; matched against the whole file name, case-insensitively. */
function globToRegExp(glob: string): RegExp {
  const body = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${body}$`, 'i');
}

function formatOf(name: string): LedgerFormat | undefined {
  const ext = /\.([^.]+)$/.exec(name)?.[1]?.toLowerCase();
  if (ext === 'csv' || ext === 'txt' || ext === 'tsv') return 'csv';
  return ext === 'json' || ext === 'xlsx' ? ext : undefined;
}

/** Which files in `dir` make up the ledger (or diagnostics when a table is missing or given twice). */
export async function findLedgerFiles(dir: string, mapping?: LedgerMapping): Promise<{ files: { table: TableName; file: string; format: LedgerFormat }[]; diagnostics: Diagnostic[] }> {
  let names: string[];
  try {
    names = readdirSync(dir, { withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name);
  } catch (e) {
    return { files: [], diagnostics: [new Diagnostic({ file: dir, message: `cannot read the ledger folder: ${(e as Error).message}`, rule: 'ledger/folder' })] };
  }
  names.sort();
  const files: { table: TableName; file: string; format: LedgerFormat }[] = [];
  const diagnostics: Diagnostic[] = [];
  const used = new Set<string>();
  for (const table of TABLES) {
    const globs = mapping?.files?.[table];
    if (globs && globs.length > 0) {
      const res = globs.map(globToRegExp);
      const matched = names.filter((n) => !used.has(n) && res.some((re) => re.test(n)));
      for (const n of matched) {
        const format = formatOf(n);
        used.add(n);
        if (!format) diagnostics.push(new Diagnostic({ file: join(dir, n), message: `matches ledger.files.${table} but is not .csv, .txt, .json or .xlsx`, rule: 'ledger/file-type' }));
        else files.push({ table, file: join(dir, n), format });
      }
      if (matched.length === 0 && REQUIRED.includes(table)) {
        diagnostics.push(new Diagnostic({ file: dir, message: `no file matches ledger.files.${table} (${globs.join(', ')})`, rule: 'ledger/missing-file' }));
      }
      continue;
    }
    const found = FORMATS.filter((f) => names.includes(`${table}.${f}`));
    for (const f of found) used.add(`${table}.${f}`);
    if (found.length > 1) {
      diagnostics.push(new Diagnostic({ file: join(dir, `${table}.${found[0]}`), message: `${found.map((f) => `${table}.${f}`).join(' and ')} both exist; keep one`, rule: 'ledger/ambiguous-file' }));
    } else if (found.length === 1 && found[0]) files.push({ table, file: join(dir, `${table}.${found[0]}`), format: found[0] });
    else if (REQUIRED.includes(table)) {
      diagnostics.push(new Diagnostic({ file: join(dir, `${table}.csv`), message: `missing ${table}.csv (or .json / .xlsx)`, rule: 'ledger/missing-file' }));
    }
  }
  for (const n of names) {
    if (used.has(n) || NOT_DATA.test(n)) continue;
    diagnostics.push(
      new Diagnostic({
        file: join(dir, n),
        severity: 'warning',
        message: 'matches no ledger table and was not read (name it invoices/payments/adjustments/fx/specific, or map it with ledger.files in the config)',
        rule: 'ledger/unmatched-file',
      }),
    );
  }
  return { files, diagnostics };
}
