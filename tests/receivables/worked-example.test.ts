/** RECEIVABLES-NOTES §6, hand-computed: every line, every bucket, the totals and the movement, to the cent. */
import { describe, expect, it } from 'vitest';
import { computeMovement, computeProvision } from '../../src/domain/receivables/index.js';
import type { IsoDate } from '../../src/domain/dates.js';
import { workedExample } from './fixtures/worked-example.js';
import { D, bucket, line, m, policy, readOk } from './helpers.js';

const asOf = '2024-03-31' as IsoDate;

describe('worked example (notes §6), as of 2024-03-31', async () => {
  const ledger = await readOk(workedExample);
  const r = computeProvision(ledger, policy(), asOf);

  it.each([
    ['INV-001', '100000.00', 30, 'd1_30', '0', '0.00'],
    ['INV-002', '1234.45', 31, 'd31_60', '0.1', '123.45'],
    ['INV-003', '30000.05', 60, 'd31_60', '0.1', '3000.01'],
    ['INV-004', '8888.88', 61, 'd61_90', '0.2', '1777.78'],
    ['INV-005', '40000.00', 90, 'd61_90', '0.2', '8000.00'],
    ['INV-006', '3333.33', 91, 'over_90', '0.5', '1666.67'],
    ['INV-007', '70950.00', 46, 'd31_60', '0.1', '7095.00'],
    ['INV-008', '55000.00', -19, 'not_due', '0', '0.00'],
    ['INV-010', '12000.00', 152, 'over_90', '1', '12000.00'],
  ])('%s: balance %s, %i days, %s, rate %s, provision %s', (no, balance, days, b, rate, provision) => {
    const l = line(r, no);
    expect(m(l.balanceCny)).toBe(balance);
    expect(l.daysOverdue).toBe(days);
    expect(l.bucket).toBe(b);
    expect(l.provisionRate.toString()).toBe(rate);
    expect(m(l.provision)).toBe(provision);
  });

  it('leaves out the invoice posted after the as-of date and the fully paid / written-off ones', () => {
    expect(r.lines.map((l) => l.invoice.invoiceNo).sort()).toEqual(['INV-001', 'INV-002', 'INV-003', 'INV-004', 'INV-005', 'INV-006', 'INV-007', 'INV-008', 'INV-010']);
  });

  it('revalues USD at the closing rate and shows the FX memo against the booked rate', () => {
    const l = line(r, 'INV-007');
    expect(l.fxRate.toString()).toBe('7.095');
    expect(m(l.bookedCny!)).toBe('71000.00');
    expect(m(l.fxDifference!)).toBe('-50.00');
    expect(r.fxUsed.map((f) => [f.currency, f.rate.toString(), f.date])).toEqual([['USD', '7.095', '2024-03-31']]);
  });

  it('derives INV-008 due date from 30天 terms', () => {
    expect(line(r, 'INV-008').invoice.dueDate).toBe('2024-04-19');
  });

  it('has the bucket figures of the notes', () => {
    expect([m(bucket(r, 'not_due').balance), m(bucket(r, 'not_due').provision)]).toEqual(['55000.00', '0.00']);
    expect([m(bucket(r, 'd1_30').balance), m(bucket(r, 'd1_30').provision)]).toEqual(['100000.00', '0.00']);
    expect([m(bucket(r, 'd31_60').balance), m(bucket(r, 'd31_60').provision)]).toEqual(['102184.50', '10218.46']);
    expect([m(bucket(r, 'd61_90').balance), m(bucket(r, 'd61_90').provision)]).toEqual(['48888.88', '9777.78']);
    expect([m(bucket(r, 'over_90').balance), m(bucket(r, 'over_90').provision)]).toEqual(['3333.33', '1666.67']);
  });

  it('sums rounded lines: 31–60 is 10,218.46, not bucket × 10% = 10,218.45', () => {
    expect(m(bucket(r, 'd31_60').balance.times('0.1').toDecimalPlaces(2))).toBe('10218.45');
    expect(m(bucket(r, 'd31_60').provision)).toBe('10218.46');
  });

  it('has the matrix subtotal, 单项, total and net carrying amount', () => {
    const matrixBalance = r.buckets.reduce((s, b) => s.plus(b.balance), D(0));
    const matrixProvision = r.buckets.reduce((s, b) => s.plus(b.provision), D(0));
    expect([m(matrixBalance), m(matrixProvision)]).toEqual(['309406.71', '21662.91']);
    expect([m(r.specificTotal.balance), m(r.specificTotal.provision)]).toEqual(['12000.00', '12000.00']);
    expect([m(r.totals.balance), m(r.totals.provision), m(r.totals.net)]).toEqual(['321406.71', '33662.91', '287743.80']);
  });

  it('lists F’s unapplied 8,000.00 as a credit (预收) and applies E’s 5,000.00 to INV-008', () => {
    expect(r.credits.map((c) => [c.customerId, m(c.amount), m(c.amountCny), c.sources])).toEqual([['F', '8000.00', '8000.00', ['RC-F01']]]);
    const e = r.unappliedCash.find((u) => u.paymentNo === 'RC-E01')!;
    expect([e.appliedTo, m(e.remaining!)]).toEqual([['INV-008'], '0.00']);
  });

  it('has the movement: opening 30,000.00, 计提 7,662.91, 核销 5,000.00, 收回 1,000.00, closing 33,662.91', () => {
    const mv = r.movement;
    expect([m(mv.opening), m(mv.charge), m(mv.reversal), m(mv.writeOffs), m(mv.recoveries), m(mv.closing)]).toEqual([
      '30000.00', '7662.91', '0.00', '5000.00', '1000.00', '33662.91',
    ]);
    expect(mv.balanced).toBe(true);
    expect(r.periodStart).toBe('2024-03-01');
    expect(r.periodAdjustments!.map((a) => [a.kind, a.invoiceNo, m(a.amountCny)])).toEqual([
      ['recovery', 'INV-J01', '1000.00'],
      ['write_off', 'INV-H01', '5000.00'],
    ]);
  });

  it('opening = the closing that the same ledger requires at 2024-02-29', () => {
    const feb = computeProvision(ledger, policy(), '2024-02-29' as IsoDate);
    expect(m(feb.totals.provision)).toBe('30000.00');
    expect(m(feb.movement.closing)).toBe('30000.00');
  });

  it('with inclusive boundaries (≥30/≥60/≥90) INV-001, -003 and -005 move up: matrix 46,662.91', () => {
    const inc = computeProvision(ledger, policy({ boundary_inclusive: 'true' }), asOf);
    const matrix = inc.buckets.reduce((s, b) => s.plus(b.provision), D(0));
    expect(m(matrix)).toBe('46662.91');
  });
});

describe('movement arithmetic (notes §6 reversal variant)', () => {
  it('required 24,000.00 after 26,000.00 → 本期转回 2,000.00', () => {
    const mv = computeMovement(D('30000.00'), D('24000.00'), D('5000.00'), D('1000.00'));
    expect([m(mv.charge), m(mv.reversal), m(mv.closing), mv.balanced]).toEqual(['0.00', '2000.00', '24000.00', true]);
  });

  it('a write-off larger than the opening allowance makes the charge larger', () => {
    const mv = computeMovement(D('1000.00'), D('500.00'), D('3000.00'), D('0'));
    expect([m(mv.charge), m(mv.reversal), mv.balanced]).toEqual(['2500.00', '0.00', true]);
  });
});
