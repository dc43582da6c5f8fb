/**
 * Shares of a total, rounded so the printed shares add up to exactly 100%: each share is
 * floored to the step, and the steps left over go to the largest remainders (ties to the
 * earlier row). Deterministic, and the share column of a table foots like its money columns.
 */
import { Decimal, sum } from '../../domain/money.js';

/** `decimals` is in units of the fraction: 3 → steps of 0.001 (0.1%). Null when the total is zero. */
export function sharesOf(values: Decimal[], decimals = 3): (Decimal | null)[] {
  const total = sum(values);
  if (total.isZero()) return values.map(() => null);
  // Negative parts (never expected for receivables) make "largest remainder" meaningless: round each.
  if (values.some((v) => v.isNegative())) return values.map((v) => v.dividedBy(total).toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP));

  const scale = new Decimal(10).pow(decimals);
  const exact = values.map((v) => v.times(scale).dividedBy(total));
  const units = exact.map((e) => e.floor());
  let left = scale.minus(sum(units)).toNumber();
  const order = exact.map((e, i) => ({ i, rem: e.minus(units[i]) })).sort((a, b) => b.rem.comparedTo(a.rem) || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    units[i] = units[i].plus(1);
    left -= 1;
  }
  return units.map((u) => u.dividedBy(scale));
}
