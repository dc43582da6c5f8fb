/**
 * Money text → exact Decimal. Accepted: `1234.45`, `1,234.45`, `¥`/`￥`/`RMB` before the number,
 * full-width digits and separators, a leading `-`/`+`, `(2,000.00)` and a trailing `-` as negative.
 * Anything else (two signs, `1,23.4`, letters, `1.234,45`) is rejected: a guessed amount is a wrong one.
 */
import { Decimal } from '../../domain/money.js';
import { toHalfWidth } from './normalize.js';

export interface ParsedAmount {
  value: Decimal;
  /** Set when the text carried a CNY marker (¥, ￥, RMB), so the caller can check it against the currency column. */
  marker?: 'CNY';
}

const NUMBER = /^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$|^\.\d+$/;

export function parseAmount(raw: string): ParsedAmount | undefined {
  // ￥ (U+FFE5) is outside the FF01–FF5E block that toHalfWidth maps.
  let s = toHalfWidth(raw).replace(/\uFFE5/g, '¥').trim();
  if (s === '') return undefined;
  let negative = false;
  let marker: ParsedAmount['marker'];
  const flip = (): boolean => {
    if (negative) return false; // two negative markers: ambiguous, reject
    negative = true;
    return true;
  };
  if (s.startsWith('(') && s.endsWith(')')) {
    s = s.slice(1, -1).trim();
    flip();
  }
  const takeSymbol = (): void => {
    const m = /^(¥|RMB)/i.exec(s);
    if (m) {
      if (marker) return;
      marker = 'CNY';
      s = s.slice(m[0].length).trim();
    }
  };
  takeSymbol();
  if (s.startsWith('-')) {
    if (!flip()) return undefined;
    s = s.slice(1).trim();
  } else if (s.startsWith('+')) s = s.slice(1).trim();
  takeSymbol();
  if (s.endsWith('-')) {
    if (!flip()) return undefined;
    s = s.slice(0, -1).trim();
  }
  if (!NUMBER.test(s)) return undefined;
  const value = new Decimal(s.replace(/,/g, ''));
  return { value: negative && !value.isZero() ? value.negated() : value, marker };
}
