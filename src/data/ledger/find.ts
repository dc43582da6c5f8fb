/** Which files make up the ledger: each table as .csv, .json or .xlsx (light: reads only the folder). */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Diagnostic } from '../../diagnostics.js';
import type { TableName } from './headers.js';

export type LedgerFormat = 'csv' | 'json' | 'xlsx';

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

