import { describe, expect, it } from 'vitest';
import { cents, Decimal, formatMoney, formatPercent, rmbUppercase } from '../../src/domain/money.js';
import { computeQuote } from '../../src/domain/quote.js';

describe('人民币大写', () => {
  // Worked cases from the rules for filling in bills and settlement vouchers (DOCUMENT-DESIGN.md).
  it.each([
    ['1409.50', '人民币壹仟肆佰零玖元伍角'],
    ['6007.14', '人民币陆仟零柒元壹角肆分'],
    ['1680.32', '人民币壹仟陆佰捌拾元零叁角贰分'],
    ['107000.53', '人民币壹拾万柒仟元零伍角叁分'],
    ['16409.02', '人民币壹万陆仟肆佰零玖元零贰分'],
    ['385000.00', '人民币叁拾捌万伍仟元整'],
    ['100010001.01', '人民币壹亿零壹万零壹元零壹分'],
    ['0.05', '人民币伍分'],
    ['0', '人民币零元整'],
  ])('%s → %s', (amount, words) => {
    expect(rmbUppercase(new Decimal(amount))).toBe(words);
  });
});

describe('money', () => {
  it('rounds half-up to the cent where float and banker’s rounding would not', () => {
    expect(cents(new Decimal('1666.665')).toFixed(2)).toBe('1666.67');
    expect(cents(new Decimal('123.445')).toFixed(2)).toBe('123.45');
    expect(cents(new Decimal('3000.005')).toFixed(2)).toBe('3000.01');
    expect(cents(new Decimal('2.675')).toFixed(2)).toBe('2.68'); // 2.675 in binary float rounds to 2.67
  });
  it('formats with separators, parens for negatives, and percentages at their precision', () => {
    expect(formatMoney(new Decimal('1234567.8'))).toBe('1,234,567.80');
    expect(formatMoney(new Decimal('-2000'), { parens: true })).toBe('(2,000.00)');
    expect(formatPercent(new Decimal('0.13'))).toBe('13%');
    expect(formatPercent(new Decimal('0.055'))).toBe('5.5%');
  });
});

describe('quote arithmetic', () => {
  it('line = qty × price × (1 − discount) rounded per line; tax on the subtotal; total = subtotal + tax', () => {
    const q = computeQuote({
      tax_rate: new Decimal('0.13'),
      items: [
        { qty: new Decimal(3), unit_price: new Decimal('385000.00'), discount: new Decimal('0.05') },
        { qty: new Decimal(1), unit_price: new Decimal('28000.00') },
        { qty: new Decimal(3), unit_price: new Decimal('33.335') },
      ],
    });
    expect(q.lines.map((l) => l.lineTotal.toFixed(2))).toEqual(['1097250.00', '28000.00', '100.01']);
    expect(q.subtotal.toFixed(2)).toBe('1125350.01');
    expect(q.tax.toFixed(2)).toBe('146295.50'); // 146295.5013 → .50
    expect(q.total.toFixed(2)).toBe('1271645.51');
  });
});
