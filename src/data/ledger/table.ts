/**
 * Every ledger file, whatever its format, becomes a RawTable: the header row as written and
 * data rows with the line (CSV/JSON) or row number (XLSX) a person would look for.
 * Cells keep the type the format gave them, so an XLSX date or number is never re-guessed from text.
 */
export type Cell = string | number | boolean | Date | null;

export interface RawRow {
  line: number;
  cells: Cell[];
}

export interface RawTable {
  file: string;
  headers: string[];
  /** Line of the header row (1 for CSV and XLSX; the `[` line for JSON). */
  headerLine: number;
  rows: RawRow[];
}

export type TableResult = { table: RawTable } | { error: string; line?: number };

export function isBlank(cell: Cell): boolean {
  return cell === null || (typeof cell === 'string' && cell.trim() === '');
}
