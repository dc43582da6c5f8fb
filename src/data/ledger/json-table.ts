/**
 * JSON ledger files: an array of objects whose keys are the same headers a CSV would have.
 * Rows get the line their object starts on, found by a scan that skips strings, so diagnostics
 * still say `file:line`.
 */
import type { Cell, RawTable, TableResult } from './table.js';

export function tableFromJson(text: string, file: string): TableResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { error: `not valid JSON: ${(e as Error).message}` };
  }
  if (!Array.isArray(data)) return { error: 'expected a JSON array of objects (one per row)', line: 1 };
  const lines = elementLines(text);
  const headers: string[] = [];
  const seen = new Set<string>();
  for (const item of data) {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) continue;
    for (const key of Object.keys(item)) {
      if (seen.has(key)) continue;
      seen.add(key);
      headers.push(key);
    }
  }
  const rows: RawTable['rows'] = [];
  for (let i = 0; i < data.length; i++) {
    const item: unknown = data[i];
    const line = lines[i] ?? 1;
    if (item === null || typeof item !== 'object' || Array.isArray(item)) return { error: `row ${i + 1} is not an object`, line };
    const record = item as Record<string, unknown>;
    const cells: Cell[] = [];
    for (const h of headers) {
      const v = Object.hasOwn(record, h) ? record[h] : null;
      if (v !== null && typeof v === 'object') return { error: `"${h}" holds a nested value; expected text or a number`, line };
      cells.push(v as Cell);
    }
    rows.push({ line, cells });
  }
  return { table: { file, headers, headerLine: 1, rows } };
}

/** Line number where each top-level array element starts. */
function elementLines(text: string): number[] {
  const out: number[] = [];
  let depth = 0;
  let line = 1;
  let inString = false;
  let expectElement = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if (ch === '\n') line++;
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
      continue;
    }
    if (depth === 1 && expectElement && !/\s/.test(ch) && ch !== ']') {
      out.push(line);
      expectElement = false;
    }
    if (ch === '"') inString = true;
    else if (ch === '[' || ch === '{') {
      depth++;
      if (depth === 1) expectElement = true;
    } else if (ch === ']' || ch === '}') depth--;
    else if (ch === ',' && depth === 1) expectElement = true;
  }
  return out;
}
