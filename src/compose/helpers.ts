/**
 * Template helpers: formatting of money, percentages, dates and 人民币大写, and `slot` for
 * custom nodes. Helpers that format values return plain strings (escaped by the caller);
 * only `slot` returns Markdown.
 */
import type { HelperDelegate } from 'handlebars';
import { Decimal, formatMoney, formatPercent, rmbUppercase } from '../domain/money.js';
import { formatDateLong, parseIsoDate } from '../domain/dates.js';
import type { Locale } from '../tree/nodes.js';

export const SLOT_PREFIX = 'dealdoc-slot:';

function toDecimal(v: unknown, helper: string): Decimal {
  if (v instanceof Decimal) return v;
  if (typeof v === 'string' && v.trim() !== '') return new Decimal(v);
  throw new Error(`{{${helper}}} needs an amount, got ${v === undefined ? 'nothing' : JSON.stringify(v)}`);
}

export function makeHelpers(locale: Locale, safe: (s: string) => unknown): Record<string, HelperDelegate> {
  return {
    money: (v: unknown) => formatMoney(toDecimal(v, 'money')),
    percent: (v: unknown) => formatPercent(toDecimal(v, 'percent')),
    rmb: (v: unknown) => rmbUppercase(toDecimal(v, 'rmb')),
    date: (v: unknown) => {
      const d = typeof v === 'string' ? parseIsoDate(v) : undefined;
      if (!d) throw new Error(`{{date}} needs a YYYY-MM-DD date, got ${JSON.stringify(v)}`);
      return formatDateLong(d, locale);
    },
    eq: (a: unknown, b: unknown) => a === b,
    /** `{{slot "name"}}`: a block placeholder the composer replaces with the document's nodes. */
    slot: (name: unknown) => {
      if (typeof name !== 'string' || !/^[a-z0-9-]+$/i.test(name)) throw new Error('{{slot}} needs a name');
      return safe(`\n\n<!--${SLOT_PREFIX}${name}-->\n\n`);
    },
  };
}
