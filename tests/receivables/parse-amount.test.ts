/** Amounts are exact decimals read from their text; anything unclear is rejected, never guessed. */
import { describe, expect, it } from 'vitest';
import { parseAmount } from '../../src/data/ledger/index.js';

const v = (s: string) => parseAmount(s)?.value.toFixed();

describe('parseAmount', () => {
  it.each([
    ['1234.45', '1234.45'],
    ['1,234.45', '1234.45'],
    ['¥1,234.45', '1234.45'],
    ['￥1,234.45', '1234.45'],
    ['RMB 1,234.45', '1234.45'],
    ['１２３.４５', '123.45'],
    ['１，２３４．５０', '1234.5'],
    ['(2,000.00)', '-2000'],
    ['（2,000.00）', '-2000'],
    ['2,000.00-', '-2000'],
    ['-¥2,000.00', '-2000'],
    ['¥-2,000.00', '-2000'],
    ['+15', '15'],
    [' 385000 ', '385000'],
    ['.5', '0.5'],
    ['1234567890123.45', '1234567890123.45'],
  ])('%s → %s', (text, expected) => {
    expect(v(text)).toBe(expected);
  });

  it.each(['', 'abc', '12a', '1,23.45', '1.234,45', '1 234', '--5', '(-5)', '(5)-', '5e3', '¥¥5', '$5', '1,2345', 'NaN', '1..2'])('rejects %j', (text) => {
    expect(parseAmount(text)).toBeUndefined();
  });

  it('reports a CNY marker so the reader can check it against the currency column', () => {
    expect(parseAmount('¥5')?.marker).toBe('CNY');
    expect(parseAmount('5')?.marker).toBeUndefined();
  });

  it('keeps every digit: 0.1 + 0.2 style values are exact', () => {
    expect(parseAmount('0.10')!.value.plus(parseAmount('0.20')!.value).toFixed()).toBe('0.3');
  });
});
