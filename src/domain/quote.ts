/**
 * Quote arithmetic, the documented steps and the only rounding points:
 * line total = qty × unit price × (1 − discount), rounded half-up to the cent;
 * subtotal = Σ line totals; tax = subtotal × tax rate, rounded half-up; total = subtotal + tax.
 */
import { cents, Decimal, sum, ZERO } from './money.js';

export interface QuoteLineInput {
  qty: Decimal;
  unit_price: Decimal;
  discount?: Decimal;
}

export interface QuoteInput<L extends QuoteLineInput = QuoteLineInput> {
  tax_rate: Decimal;
  items: L[];
}

export interface ComputedQuote<L extends QuoteLineInput = QuoteLineInput> {
  lines: { item: L; lineTotal: Decimal }[];
  subtotal: Decimal;
  tax: Decimal;
  total: Decimal;
}

export function lineTotal(line: QuoteLineInput): Decimal {
  const discount = line.discount ?? ZERO;
  return cents(line.qty.times(line.unit_price).times(new Decimal(1).minus(discount)));
}

export function computeQuote<L extends QuoteLineInput>(quote: QuoteInput<L>): ComputedQuote<L> {
  const lines = quote.items.map((item) => ({ item, lineTotal: lineTotal(item) }));
  const subtotal = sum(lines.map((l) => l.lineTotal));
  const tax = cents(subtotal.times(quote.tax_rate));
  return { lines, subtotal, tax, total: subtotal.plus(tax) };
}
