/**
 * The one date type: a calendar date as ISO text `YYYY-MM-DD` (no time, no zone).
 * Arithmetic goes through whole days since the epoch, so no time zone can shift a date.
 */
export type IsoDate = string & { readonly __isoDate: unique symbol };

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

function isValidYmd(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= daysInMonth(y, m);
}

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function makeDate(y: number, m: number, d: number): IsoDate | undefined {
  if (!isValidYmd(y, m, d) || y < 1900 || y > 2999) return undefined;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` as IsoDate;
}

export function parseIsoDate(text: string): IsoDate | undefined {
  const m = ISO.exec(text.trim());
  if (!m) return undefined;
  return makeDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

export function parts(d: IsoDate): { year: number; month: number; day: number } {
  return { year: Number(d.slice(0, 4)), month: Number(d.slice(5, 7)), day: Number(d.slice(8, 10)) };
}

export function toEpochDay(d: IsoDate): number {
  const { year, month, day } = parts(d);
  return Date.UTC(year, month - 1, day) / 86_400_000;
}

export function fromEpochDay(n: number): IsoDate {
  const dt = new Date(n * 86_400_000);
  return makeDate(dt.getUTCFullYear(), dt.getUTCMonth() + 1, dt.getUTCDate())!;
}

/** Calendar days from `a` to `b` (b − a). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return toEpochDay(b) - toEpochDay(a);
}

export function addDays(d: IsoDate, n: number): IsoDate {
  return fromEpochDay(toEpochDay(d) + n);
}

/** Calendar-month addition from the original date, clamped to month end (民法典 202): 01-31 + 1 → 02-28/29. */
export function addMonths(d: IsoDate, n: number): IsoDate {
  const { year, month, day } = parts(d);
  const total = year * 12 + (month - 1) + n;
  const y = Math.floor(total / 12);
  const m = (total % 12) + 1;
  return makeDate(y, m, Math.min(day, daysInMonth(y, m)))!;
}

export function monthEnd(d: IsoDate): IsoDate {
  const { year, month } = parts(d);
  return makeDate(year, month, daysInMonth(year, month))!;
}

export function isMonthEnd(d: IsoDate): boolean {
  return monthEnd(d) === d;
}

export function compareDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The date a deterministic build stamps documents with: SOURCE_DATE_EPOCH when set. */
export function sourceDateEpoch(env: NodeJS.ProcessEnv = process.env): Date | undefined {
  const raw = env.SOURCE_DATE_EPOCH;
  if (!raw || !/^\d+$/.test(raw.trim())) return undefined;
  return new Date(Number(raw.trim()) * 1000);
}

/** A JS Date → calendar date in Asia/Shanghai (the company's zone). */
export function dateInShanghai(dt: Date): IsoDate {
  const shifted = new Date(dt.getTime() + 8 * 3_600_000);
  return makeDate(shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, shifted.getUTCDate())!;
}

/** Midnight UTC of a calendar date, used for document metadata. */
export function toUtcDate(d: IsoDate): Date {
  return new Date(toEpochDay(d) * 86_400_000);
}

const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** 2026年11月27日 / 27 November 2026 */
export function formatDateLong(d: IsoDate, locale: 'zh-CN' | 'en'): string {
  const { year, month, day } = parts(d);
  return locale === 'zh-CN' ? `${year}年${month}月${day}日` : `${day} ${EN_MONTHS[month - 1]} ${year}`;
}
