/** CSV text → RawTable (first record = header row; table-rows.ts recognises a title row above it). */
import { parseCsv, sniffDelimiter } from './csv.js';
import type { RawTable, TableResult } from './table.js';

export function tableFromCsv(text: string, file: string): TableResult {
  const parsed = parseCsv(text, sniffDelimiter(text));
  if ('error' in parsed) return parsed;
  const [header, ...rest] = parsed.records;
  if (!header) return { error: 'the file is empty (no header row)', line: 1 };
  const table: RawTable = {
    file,
    headers: header.cells,
    headerLine: header.line,
    rows: rest.map((r) => ({ line: r.line, cells: r.cells })),
  };
  return { table };
}
