/**
 * Date cells → IsoDate. Text: `2026-10-31`, `2026/10/31`, `2026/1/5`, `2026.1.5`, `2026年10月31日`,
 * `20261031`, an Excel serial number, or a timestamp (`2026-03-31 16:30`, `2026-03-31T16:30:00Z`,
 * `…+08:00`). A timestamp with a zone is converted to Asia/Shanghai before the date is taken;
 * one without a zone is read as Shanghai local time. XLSX numeric cells are Excel serials
 * (1900 date system); XLSX date cells are already calendar dates.
 * Impossible dates (2026-02-30) are rejected, never rolled over.
 */
import { dateInShanghai, makeDate, type IsoDate } from '../../domain/dates.js';
import { toHalfWidth } from './normalize.js';
import type { Cell } from './table.js';

const YMD = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i;
const CN = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const SERIAL = /^\d{1,6}(?:\.\d+)?$/;

/** Serials below 1950-01-01 are far more likely a typo (or "30" meant as terms) than a real ledger date. */
const MIN_SERIAL = 18264;

export function parseDateCell(cell: Cell): IsoDate | undefined {
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return undefined;
    return makeDate(cell.getUTCFullYear(), cell.getUTCMonth() + 1, cell.getUTCDate());
  }
  if (typeof cell === 'number') return fromExcelSerial(cell);
  if (typeof cell === 'string') return parseDateText(cell);
  return undefined;
}

export function parseDateText(raw: string): IsoDate | undefined {
  const s = toHalfWidth(raw).trim();
  let m = YMD.exec(s);
  if (m) {
    const [, y, mo, d, hh, mm, ss, zone] = m;
    if (!zone) return makeDate(Number(y), Number(mo), Number(d));
    // Validate the calendar date before Date.UTC can roll 02-30 into March.
    if (!makeDate(Number(y), Number(mo), Number(d)) || Number(hh) > 23 || Number(mm) > 59 || Number(ss ?? 0) > 59) return undefined;
    const offsetMin = zoneOffsetMinutes(zone);
    const utcMs = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(hh), Number(mm), Number(ss ?? 0)) - offsetMin * 60_000;
    return dateInShanghai(new Date(utcMs));
  }
  if ((m = CN.exec(s))) return makeDate(Number(m[1]), Number(m[2]), Number(m[3]));
  if ((m = COMPACT.exec(s))) return makeDate(Number(m[1]), Number(m[2]), Number(m[3]));
  if (SERIAL.test(s)) return fromExcelSerial(Number(s));
  return undefined;
}

function zoneOffsetMinutes(zone: string): number {
  if (zone.toUpperCase() === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4)));
}

/**
 * Excel 1900 system: serial 1 = 1900-01-01, and Excel counts a 1900-02-29 that never existed
 * (serial 60), so from serial 61 on the day is 1899-12-30 + serial. The fraction is a time of day.
 */
export function fromExcelSerial(serial: number): IsoDate | undefined {
  if (!Number.isFinite(serial) || serial < MIN_SERIAL) return undefined;
  const days = Math.floor(serial);
  const dt = new Date(Date.UTC(1899, 11, 30) + days * 86_400_000);
  return makeDate(dt.getUTCFullYear(), dt.getUTCMonth() + 1, dt.getUTCDate());
}
