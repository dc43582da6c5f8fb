/**
 * A small RFC 4180 CSV parser that remembers the line each record *starts* on, so that a
 * diagnostic points at the row a person sees in an editor even when a quoted cell spans lines.
 * (csv-parse reports the line a record ends on.) Comma-delimited; CRLF, LF and CR all end a line.
 */
export interface CsvRecord {
  /** 1-based line number of the record's first character. */
  line: number;
  cells: string[];
}

export type CsvResult = { records: CsvRecord[] } | { error: string; line: number };

export function parseCsv(text: string): CsvResult {
  const records: CsvRecord[] = [];
  let line = 1;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const start = line;
    const cells: string[] = [];
    let cell = '';
    let quotedCellStart = 0;
    let inQuotes = false;
    let endOfRecord = false;
    while (i < n && !endOfRecord) {
      const ch = text[i];
      if (inQuotes) {
        if (ch === '"') {
          if (text[i + 1] === '"') {
            cell += '"';
            i += 2;
            continue;
          }
          inQuotes = false;
        } else {
          if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) line++;
          cell += ch;
        }
        i++;
      } else if (ch === '"' && cell.trim() === '') {
        inQuotes = true;
        quotedCellStart = line;
        cell = '';
        i++;
      } else if (ch === ',') {
        cells.push(cell);
        cell = '';
        i++;
      } else if (ch === '\r' || ch === '\n') {
        i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
        line++;
        endOfRecord = true;
      } else {
        cell += ch;
        i++;
      }
    }
    if (inQuotes) return { error: 'a quoted cell is not closed', line: quotedCellStart };
    cells.push(cell);
    // Blank lines carry no record; they still count for line numbers.
    if (!(cells.length === 1 && cells[0].trim() === '')) records.push({ line: start, cells });
  }
  return { records };
}
