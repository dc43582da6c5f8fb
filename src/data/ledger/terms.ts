/**
 * Payment terms text → due date. Accepted: `N天`, `N日`, `N days`, `N个月`, `N months` (full-width
 * digits too). Days are calendar days; months are added to the original date and clamped to the
 * month end (民法典 202: 01-31 + 1个月 = 02-28/29), never chained.
 */
import { addDays, addMonths, type IsoDate } from '../../domain/dates.js';
import { toHalfWidth } from './normalize.js';

export type Terms = { days: number } | { months: number };

const TERMS = /^(\d{1,4})\s*(天|日|days?|个月|個月|months?)$/i;

export function parseTerms(raw: string): Terms | undefined {
  const m = TERMS.exec(toHalfWidth(raw).trim());
  if (!m) return undefined;
  const n = Number(m[1]);
  return /月|month/i.test(m[2] ?? '') ? { months: n } : { days: n };
}

export function dueFromTerms(invoiceDate: IsoDate, terms: Terms): IsoDate {
  return 'days' in terms ? addDays(invoiceDate, terms.days) : addMonths(invoiceDate, terms.months);
}
