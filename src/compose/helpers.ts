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

/** What a helper was given, for error messages (Handlebars passes its options object when an argument is missing). */
function shown(v: unknown): string {
  if (v === undefined || (typeof v === 'object' && v !== null && 'hash' in v && 'data' in v)) return 'nothing';
  return JSON.stringify(v)?.slice(0, 80) ?? String(v);
}

function toDecimal(v: unknown, helper: string): Decimal {
  if (v instanceof Decimal) return v;
  if (typeof v === 'string' && v.trim() !== '') return new Decimal(v);
  throw new Error(`{{${helper}}} needs an amount, got ${shown(v)}`);
}

export function makeHelpers(locale: Locale, safe: (s: string) => unknown): Record<string, HelperDelegate> {
  return {
    money: (v: unknown) => formatMoney(toDecimal(v, 'money')),
    percent: (v: unknown) => formatPercent(toDecimal(v, 'percent')),
    rmb: (v: unknown) => rmbUppercase(toDecimal(v, 'rmb')),
    /** Named longDate, not date: a helper shadows a context property of the same name. */
    longDate: (v: unknown) => {
      const d = typeof v === 'string' ? parseIsoDate(v) : undefined;
      if (!d) throw new Error(`{{longDate}} needs a YYYY-MM-DD date, got ${shown(v)}`);
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
