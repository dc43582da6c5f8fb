/** Rule 3: half-up (四舍五入) per line on exact decimals; totals are sums of rounded lines. */
import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../../src/domain/dates.js';
import { computeProvision } from '../../src/domain/receivables/index.js';
import { invoice, ledgerOf, rate } from './build.js';
import { line, m, policy } from './helpers.js';

const asOf = '2026-10-31' as IsoDate;

describe('half-cent rounding', () => {
  it('3,333.33 × 50% = 1,666.665 → 1,666.67 (float round and banker’s rounding give 1,666.66)', () => {
    expect((3333.33 * 0.5).toFixed(2)).toBe('1666.66'); // what float math does
    const r = computeProvision(ledgerOf({ invoices: [invoice({ no: 'H', date: '2026-01-01', due: '2026-06-01', amount: '3333.33' })] }), policy(), asOf);
    expect(m(line(r, 'H').provision)).toBe('1666.67');
  });

  it('1,234.45 × 10% = 123.445 → 123.45 (banker’s rounding gives 123.44) and 30,000.05 × 10% → 3,000.01', () => {
    const r = computeProvision(
      ledgerOf({
        invoices: [
          invoice({ no: 'A', date: '2026-08-01', due: '2026-09-15', amount: '1234.45' }),
          invoice({ no: 'B', date: '2026-08-01', due: '2026-09-15', amount: '30000.05' }),
        ],
      }),
      policy(),
      asOf,
    );
    expect([m(line(r, 'A').provision), m(line(r, 'B').provision)]).toEqual(['123.45', '3000.01']);
    // Σ rounded lines, not round(Σ balance × rate): 31,234.50 × 10% = 3,123.45.
    expect(m(r.totals.provision)).toBe('3123.46');
  });

  it('1.005 × 100 style float traps: 0.29 × 20% lines stay exact', () => {
    const r = computeProvision(ledgerOf({ invoices: [invoice({ no: 'S', date: '2026-07-01', due: '2026-08-15', amount: '0.29' })] }), policy(), asOf);
    expect(m(line(r, 'S').provision)).toBe('0.06'); // 0.058 → 0.06
  });

  it('a USD balance rounds to the cent in CNY before the rate applies: 1,000.01 × 7.1235 = 7,123.571235 → 7,123.57 → 10% = 712.36', () => {
    const r = computeProvision(
      ledgerOf({ invoices: [invoice({ no: 'U', date: '2026-08-01', due: '2026-09-15', amount: '1000.01', currency: 'USD' })], fx: [rate('2026-09-30', 'USD', '7.2'), rate('2026-10-31', 'USD', '7.1235')] }),
      policy(),
      asOf,
    );
    expect([m(line(r, 'U').balanceCny), m(line(r, 'U').provision)]).toEqual(['7123.57', '712.36']);
  });
});
