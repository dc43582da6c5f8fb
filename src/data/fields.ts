/**
 * zod field types for untrusted YAML/JSON parsed with the failsafe schema: every scalar
 * arrives as text, and these types decide what it means. Money and rates become Decimal,
 * dates become IsoDate — never a binary float, never a JS Date in some time zone.
 */
import { z } from 'zod';
import { Decimal, parseDecimal } from '../domain/money.js';
import type { IsoDate } from '../domain/dates.js';
import { parseAmount } from './ledger/parse-amount.js';
import { parseDateText } from './ledger/parse-date.js';

/**
 * What each field type means to an editor: `dealdoc schema` reads this registry to type a
 * field as a number, whole number, boolean or date (with the text forms the reader accepts)
 * instead of the plain string the failsafe YAML reading would suggest.
 */
export interface FieldKind {
  kind: 'text' | 'decimal' | 'integer' | 'date' | 'bool';
  min?: number;
  max?: number;
  minExclusive?: boolean;
  /** `13%` accepted (rates). */
  percent?: boolean;
}
export const fieldKinds = z.registry<FieldKind>();
const tag = <T extends z.ZodType>(schema: T, kind: FieldKind): T => {
  fieldKinds.add(schema, kind);
  return schema;
};

/**
 * Number text as in the ledger: `1234.5`, `1_000`, `12,000`, `¥12,000`, `RMB 3.5`, full-width
 * digits, `(200)` negative; with `percent`, `13%` = 0.13. One parser for deals and the ledger.
 */
function parseNumberText(s: string, percent = false): Decimal | undefined {
  const plain = parseDecimal(s.replace(/_/g, ''));
  if (plain) return plain;
  const t = s.trim();
  if (percent && /[%\uFF05]$/.test(t)) {
    const inner = parseNumberText(t.slice(0, -1), false);
    return inner?.div(100);
  }
  return parseAmount(t)?.value;
}

/** JSON numbers/booleans reach us as JS values; text reaches us as strings. Normalise to text. */
const asText = (v: unknown): unknown => (typeof v === 'number' || typeof v === 'boolean' ? String(v) : v);

/** "required field is missing" when the value is absent, else what was expected. */
const expected = (what: string) => (iss: { input?: unknown }) => (iss.input === undefined ? 'required field is missing' : `expected ${what}`);

/** Non-empty single-line-or-multi-line text, trimmed. */
export const text = () =>
  tag(
    z.preprocess(asText, z.string({ error: expected('text') }).trim().min(1, { error: 'must not be empty' }).max(20_000, { error: 'too long (20,000 characters at most)' })),
    { kind: 'text' },
  );

export const optionalText = () => text().optional();

export const decimal = (opts: { min?: number; max?: number; minExclusive?: boolean; percent?: boolean } = {}) =>
  tag(z.preprocess(asText, z.string({ error: expected('a number') })).transform((s, ctx): Decimal => {
    const d = parseNumberText(s, opts.percent);
    if (!d) {
      ctx.addIssue({ code: 'custom', message: `"${s}" is not a number` });
      return z.NEVER;
    }
    if (opts.min !== undefined && (opts.minExclusive ? d.lte(opts.min) : d.lt(opts.min))) {
      ctx.addIssue({ code: 'custom', message: `must be ${opts.minExclusive ? 'greater than' : 'at least'} ${opts.min}, got ${s}` });
      return z.NEVER;
    }
    if (opts.max !== undefined && d.gt(opts.max)) {
      ctx.addIssue({ code: 'custom', message: `must be at most ${opts.max}, got ${s}` });
      return z.NEVER;
    }
    return d;
  }), { kind: 'decimal', ...opts });

export const integer = (min = 0, max = 1_000_000) =>
  tag(z.preprocess(asText, z.string({ error: expected('a whole number') })).transform((s, ctx): number => {
    if (!/^-?\d+$/.test(s.trim())) {
      ctx.addIssue({ code: 'custom', message: `"${s}" is not a whole number` });
      return z.NEVER;
    }
    const n = Number(s);
    if (n < min || n > max) {
      ctx.addIssue({ code: 'custom', message: `must be between ${min} and ${max}, got ${s}` });
      return z.NEVER;
    }
    return n;
  }), { kind: 'integer', min, max });

/** Dates as in the ledger: `2026-12-01`, `2026/12/1`, `2026.12.1`, `2026年12月1日`, `20261201`. */
export const isoDate = () =>
  tag(z.preprocess(asText, z.string({ error: expected('a date (YYYY-MM-DD)') })).transform((s, ctx): IsoDate => {
    const d = /^\s*\d{1,6}(\.\d+)?\s*$/.test(s) && !/^\s*\d{8}\s*$/.test(s) ? undefined : parseDateText(s);
    if (!d) {
      ctx.addIssue({ code: 'custom', message: `"${s}" is not a valid date (YYYY-MM-DD)` });
      return z.NEVER;
    }
    return d;
  }), { kind: 'date' });

export const bool = () =>
  tag(z.preprocess(asText, z.string({ error: expected('true or false') })).transform((s, ctx): boolean => {
    const t = s.trim().toLowerCase();
    if (t === 'true' || t === 'yes') return true;
    if (t === 'false' || t === 'no') return false;
    ctx.addIssue({ code: 'custom', message: `"${s}" is not true or false` });
    return z.NEVER;
  }), { kind: 'bool' });

export const list = <T extends z.ZodType>(item: T, max = 500) => z.array(item).max(max, { error: `at most ${max} entries` });

/** "#1F5FAF" */
export const color = () => z.string().regex(/^#[0-9a-fA-F]{6}$/, { error: 'expected a colour like #1F5FAF' });

export const locale = () => z.enum(['zh-CN', 'en'], { error: 'expected zh-CN or en' });
