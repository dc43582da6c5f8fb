/**
 * A small RFC 4180 CSV parser that remembers the line each record *starts* on, so that a
 * diagnostic points at the row a person sees in an editor even when a quoted cell spans lines.
 * (csv-parse reports the line a record ends on.) Comma-, tab- or semicolon-delimited (sniffDelimiter);
 * CRLF, LF and CR all end a line.
 */
export interface CsvRecord {
  /** 1-based line number of the record's first character. */
  line: number;
  cells: string[];
}

export type CsvResult = { records: CsvRecord[] } | { error: string; line: number };

export type Delimiter = ',' | '\t' | ';';

/**
 * The delimiter of a text table from its first lines (a title row may sit above the header),
 * outside quotes: tabs (Excel's "Unicode text" export), else semicolons when they outnumber
 * commas (European Excel), else commas.
 */
export function sniffDelimiter(text: string): Delimiter {
  const counts = { ',': 0, '\t': 0, ';': 0 };
  let inQuotes = false;
  let lines = 0;
  for (const ch of text) {
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && ch === '\n' && ++lines >= 6) break;
    else if (!inQuotes && (ch === ',' || ch === '\t' || ch === ';')) counts[ch]++;
  }
  if (counts['\t'] > 0 && counts['\t'] >= counts[',']) return '\t';
  if (counts[';'] > counts[',']) return ';';
  return ',';
}

export function parseCsv(text: string, delimiter: Delimiter = ','): CsvResult {
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
      } else if (ch === delimiter) {
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
    if (!(cells.length === 1 && cells[0]?.trim() === '')) records.push({ line: start, cells });
  }
  return { records };
}
