/**
 * zod field types for untrusted YAML/JSON parsed with the failsafe schema: every scalar
 * arrives as text, and these types decide what it means. Money and rates become Decimal,
 * dates become IsoDate — never a binary float, never a JS Date in some time zone.
 */
import { z } from 'zod';
import { Decimal, parseDecimal } from '../domain/money.js';
import { parseIsoDate, type IsoDate } from '../domain/dates.js';

/** JSON numbers/booleans reach us as JS values; text reaches us as strings. Normalise to text. */
const asText = (v: unknown): unknown => (typeof v === 'number' || typeof v === 'boolean' ? String(v) : v);

/** "required field is missing" when the value is absent, else what was expected. */
const expected = (what: string) => (iss: { input?: unknown }) => (iss.input === undefined ? 'required field is missing' : `expected ${what}`);

/** Non-empty single-line-or-multi-line text, trimmed. */
export const text = () =>
  z.preprocess(asText, z.string({ error: expected('text') }).trim().min(1, { error: 'must not be empty' }).max(20_000, { error: 'too long (20,000 characters at most)' }));

export const optionalText = () => text().optional();

export const decimal = (opts: { min?: number; max?: number; minExclusive?: boolean } = {}) =>
  z.preprocess(asText, z.string({ error: expected('a number') })).transform((s, ctx): Decimal => {
    const d = parseDecimal(s.replace(/_/g, ''));
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
  });

export const integer = (min = 0, max = 1_000_000) =>
  z.preprocess(asText, z.string({ error: expected('a whole number') })).transform((s, ctx): number => {
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
  });

export const isoDate = () =>
  z.preprocess(asText, z.string({ error: expected('a date (YYYY-MM-DD)') })).transform((s, ctx): IsoDate => {
    const d = parseIsoDate(s);
    if (!d) {
      ctx.addIssue({ code: 'custom', message: `"${s}" is not a valid date (YYYY-MM-DD)` });
      return z.NEVER;
    }
    return d;
  });

export const bool = () =>
  z.preprocess(asText, z.string({ error: expected('true or false') })).transform((s, ctx): boolean => {
    const t = s.trim().toLowerCase();
    if (t === 'true' || t === 'yes') return true;
    if (t === 'false' || t === 'no') return false;
    ctx.addIssue({ code: 'custom', message: `"${s}" is not true or false` });
    return z.NEVER;
  });

export const list = <T extends z.ZodType>(item: T, max = 500) => z.array(item).max(max, { error: `at most ${max} entries` });

/** "#1F5FAF" */
export const color = () => z.string().regex(/^#[0-9a-fA-F]{6}$/, { error: 'expected a colour like #1F5FAF' });

export const locale = () => z.enum(['zh-CN', 'en'], { error: 'expected zh-CN or en' });
