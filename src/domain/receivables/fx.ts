/** Closing rates: the latest rate dated on or before a date, per currency. Never a guess. */
import { Decimal } from '../money.js';
import type { IsoDate } from '../dates.js';
import { pushTo } from './group.js';
import type { FxRate } from './types.js';

export interface RateLookup {
  /** undefined when no rate for `currency` is dated on or before `date` */
  rateAt(currency: string, date: IsoDate): { rate: Decimal; date: IsoDate } | undefined;
}

export function rateTable(fx: readonly FxRate[], functionalCurrency: string): RateLookup {
  const byCurrency = new Map<string, FxRate[]>();
  for (const r of fx) pushTo(byCurrency, r.currency, r);
  for (const list of byCurrency.values()) list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.source.line - b.source.line));
  const one = new Decimal(1);
  return {
    rateAt(currency, date) {
      if (currency === functionalCurrency) return { rate: one, date };
      const list = byCurrency.get(currency);
      if (!list) return undefined;
      // Binary search for the last rate with r.date ≤ date.
      let lo = 0;
      let hi = list.length - 1;
      let found = -1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if ((list[mid]?.date ?? date) <= date) {
          found = mid;
          lo = mid + 1;
        } else hi = mid - 1;
      }
      const hit = list[found];
      return hit ? { rate: hit.rate, date: hit.date } : undefined;
    },
  };
}
