/**
 * The one money type: decimal.js with ROUND_HALF_UP (四舍五入). No binary floating point
 * anywhere on the money path: amounts enter as text and leave as text.
 * Every rounding of a figure a reader sees (money, rates, percentages, shares, days) happens
 * here, so there is one rule to check; writers round only geometry (points, twips, pixels).
 */
import { Decimal as DecimalBase } from 'decimal.js';

export const Decimal = DecimalBase.clone({ precision: 40, rounding: DecimalBase.ROUND_HALF_UP, toExpNeg: -30, toExpPos: 40 });
export type Decimal = InstanceType<typeof Decimal>;

export const ZERO = new Decimal(0);

const DECIMAL_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/** Parse plain decimal text ("385000.00", "-12.5"). Returns undefined when not a plain decimal. */
export function parseDecimal(text: string): Decimal | undefined {
  const t = text.trim();
  if (!DECIMAL_TEXT.test(t)) return undefined;
  return new Decimal(t);
}

/** Round half-up to the cent. The only rounding step for money. */
export function cents(d: Decimal): Decimal {
  return roundHalfUp(d, 2);
}

export function sum(values: Iterable<Decimal>): Decimal {
  let acc = ZERO;
  for (const v of values) acc = acc.plus(v);
  return acc;
}

/** 1234567.8 → "1,234,567.80"; negatives as "-1,234.00" or, with parens, "(1,234.00)". */
export function formatMoney(d: Decimal, opts: { parens?: boolean; decimals?: number } = {}): string {
  const decimals = opts.decimals ?? 2;
  const digits = fixed(d.abs(), decimals);
  const [int = '', frac] = digits.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const body = frac ? `${grouped}.${frac}` : grouped;
  const negative = d.isNegative() && !d.isZero() && !new Decimal(digits).isZero();
  if (!negative) return body;
  return opts.parens ? `(${body})` : `-${body}`;
}

/** `d` as text with exactly `decimals` places, rounded half-up (7.09505 → "7.0951" at 4). */
export function fixed(d: Decimal, decimals: number): string {
  return d.toFixed(decimals, Decimal.ROUND_HALF_UP);
}

/** Half-up to at most `decimals` places, trailing zeros dropped by the caller's toString. */
function roundHalfUp(d: Decimal, decimals: number): Decimal {
  return d.toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP);
}

/** A plain count (average days late) to `decimals` places, half-up for the positive values it is used on. */
export function roundCount(n: number, decimals: number): number {
  const k = 10 ** decimals;
  return Math.round(n * k) / k;
}

/** 0.13 → "13%", 0.055 → "5.5%", 0.1 → "10%"; at most `decimals` places of the percentage. */
export function formatPercent(rate: Decimal, decimals = 4): string {
  return `${roundHalfUp(rate.times(100), decimals).toString()}%`;
}

/** 0.178 → "17.8%" with exactly `decimals` places (as the XLSX number format shows it). */
export function formatPercentFixed(rate: Decimal, decimals = 0): string {
  return `${fixed(rate.times(100), decimals)}%`;
}

/**
 * Shares of a total, rounded so the printed shares add up to exactly 100%: each share is
 * floored to the step, and the steps left over go to the largest remainders (ties to the
 * earlier row). Deterministic, and a share column foots like its money columns.
 * `decimals` is in units of the fraction: 3 → steps of 0.001 (0.1%). Null when the total is zero.
 */
export function sharesOf(values: Decimal[], decimals = 3): (Decimal | null)[] {
  const total = sum(values);
  if (total.isZero()) return values.map(() => null);
  // Negative parts (never expected for receivables) make "largest remainder" meaningless: round each.
  if (values.some((v) => v.isNegative())) return values.map((v) => roundHalfUp(v.dividedBy(total), decimals));

  const scale = new Decimal(10).pow(decimals);
  const exact = values.map((v) => v.times(scale).dividedBy(total));
  const units = exact.map((e) => e.floor());
  let left = scale.minus(sum(units)).toNumber();
  const order = exact.map((e, i) => ({ i, rem: e.minus(e.floor()) })).sort((a, b) => b.rem.comparedTo(a.rem) || a.i - b.i);
  for (const { i } of order) {
    const unit = units[i];
    if (left <= 0 || !unit) break;
    units[i] = unit.plus(1);
    left -= 1;
  }
  return units.map((u) => u.dividedBy(scale));
}

const DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const SMALL_UNITS = ['', '拾', '佰', '仟'];
const BIG_UNITS = ['', '万', '亿', '万亿'];

/** Convert a 4-digit group (0..9999) per the bill-writing rules; `leadingZero` marks a gap before it. */
function group4(n: number): string {
  let out = '';
  let zero = false;
  for (let pos = 3; pos >= 0; pos--) {
    const digit = Math.floor(n / 10 ** pos) % 10;
    if (digit === 0) {
      if (out) zero = true;
      continue;
    }
    if (zero) {
      out += '零';
      zero = false;
    }
    out += (DIGITS[digit] ?? '') + (SMALL_UNITS[pos] ?? ''); // digit 0–9, pos 0–3
  }
  return out;
}

/**
 * 人民币大写 following the rules for filling in bills and settlement vouchers:
 * 1409.50 → 人民币壹仟肆佰零玖元伍角; 385000 → 人民币叁拾捌万伍仟元整;
 * 16409.02 → 人民币壹万陆仟肆佰零玖元零贰分; 107000.53 → 人民币壹拾万柒仟元零伍角叁分.
 */
export function rmbUppercase(amount: Decimal): string {
  const value = cents(amount);
  const negative = value.isNegative() && !value.isZero();
  const abs = value.abs();
  const fen = abs.times(100).toFixed(0);
  const intPart = fen.length > 2 ? fen.slice(0, -2) : '0';
  const jiao = Number(fen.length >= 2 ? fen[fen.length - 2] : '0');
  const fenDigit = Number(fen[fen.length - 1]);
  if (intPart.length > 16) throw new RangeError('amount too large for 人民币大写');

  // Split the integer into groups of four digits from the right.
  const groups: number[] = [];
  for (let end = intPart.length; end > 0; end -= 4) groups.unshift(Number(intPart.slice(Math.max(0, end - 4), end)));

  let yuan = '';
  let pendingZero = false;
  groups.forEach((g, i) => {
    const unitIndex = groups.length - 1 - i;
    if (g === 0) {
      if (yuan) pendingZero = true;
      return;
    }
    // A zero is needed when an inner group does not fill its thousands digit, or groups were skipped.
    if (yuan && (pendingZero || g < 1000)) yuan += '零';
    pendingZero = false;
    yuan += group4(g) + BIG_UNITS[unitIndex];
  });
  // Trailing zeros inside the integer (e.g. 107000) need a 零 before jiao per common practice.
  const intEndsInZero = yuan !== '' && intPart.endsWith('0');

  let out = '';
  if (yuan) out += yuan + '元';
  if (jiao === 0 && fenDigit === 0) {
    out += out ? '整' : '零元整';
  } else {
    if (jiao !== 0) {
      if (intEndsInZero) out += '零';
      out += DIGITS[jiao] + '角';
    } else if (yuan) {
      out += '零';
    }
    if (fenDigit !== 0) out += DIGITS[fenDigit] + '分';
    // "…角" with no 分 may end without 整 (both forms are accepted); we use the shorter one.
  }
  return (negative ? '负' : '') + '人民币' + out;
}
