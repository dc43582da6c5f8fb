/** data/receivables/ — the example ledger finance runs the report on — reads cleanly and covers every case. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLedger, readLedger } from '../../src/data/ledger/index.js';
import { parseCsv } from '../../src/data/ledger/csv.js';
import { computePeriods, customerPaymentRecord, monthEnds } from '../../src/domain/receivables/index.js';
import type { IsoDate } from '../../src/domain/dates.js';
import { canon, policy } from './helpers.js';

const dir = join(import.meta.dirname, '../../data/receivables');

describe('example ledger', async () => {
  const { ledger, diagnostics } = await readLedger(dir);

  it('reads without any diagnostic', () => {
    expect(diagnostics.map((d) => d.format())).toEqual([]);
    expect(ledger).toBeDefined();
  });

  const l = ledger!;
  const months = monthEnds(l, policy());
  const results = computePeriods(l, policy(), months);
  const last = results[results.length - 1];

  it('covers 2025-11 through 2026-10 and every month end computes and balances', () => {
    expect(months).toHaveLength(12);
    expect([months[0], months[11]]).toEqual(['2025-11-30', '2026-10-31']);
    for (const r of results) {
      expect(r.movement.balanced).toBe(true);
      expect(r.totals.balance.eq(r.buckets.reduce((s, b) => s.plus(b.balance), r.specificTotal.balance))).toBe(true);
    }
  });

  it('has every bucket non-empty at 2026-10-31', () => {
    expect(last.asOf).toBe('2026-10-31');
    expect(last.buckets.map((b) => [b.bucket, b.count > 0])).toEqual([
      ['not_due', true],
      ['d1_30', true],
      ['d31_60', true],
      ['d61_90', true],
      ['over_90', true],
    ]);
  });

  it('has the customers of the example deals, two currencies, write-offs, a recovery, a credit note, a dispute and unapplied cash', () => {
    const customers = new Map(l.invoices.map((i) => [i.customerId, `${i.customerName}/${i.rep}`]));
    expect(customers.get('C-1001')).toBe('华新精密制造有限公司/李明');
    expect(customers.get('C-1002')).toBe('东莞瑞声汽车电子有限公司/陈静');
    expect(customers.get('C-1003')).toBe('Penang Circuit Assembly Sdn. Bhd./周涛');
    expect(customers.get('C-1004')).toBe('苏州启辰智能科技有限公司/陈静');
    expect(customers.size).toBeGreaterThanOrEqual(8);
    expect(new Set(l.invoices.map((i) => i.currency))).toEqual(new Set(['CNY', 'USD']));
    expect(l.adjustments.filter((a) => a.kind === 'write_off')).toHaveLength(2);
    expect(l.adjustments.filter((a) => a.kind === 'recovery')).toHaveLength(1);
    expect(l.adjustments.filter((a) => a.kind === 'credit_note').length).toBeGreaterThanOrEqual(1);
    expect(l.specific).toHaveLength(1);
    expect(l.payments.filter((p) => p.invoiceNo === undefined).length).toBeGreaterThanOrEqual(2);
    expect(l.invoices.some((i) => i.terms !== undefined)).toBe(true);
    expect(l.invoices.length).toBeLessThanOrEqual(200);
    expect(last.credits.length).toBeGreaterThan(0);
    expect(results.some((r) => r.movement.reversal.isPositive() && !r.movement.reversal.isZero())).toBe(true);
  });

  it('uses English headers in invoices.csv and Chinese headers in payments.csv', async () => {
    const head = async (f: string) => (await readFile(join(dir, f), 'utf8')).split('\n')[0];
    expect(await head('invoices.csv')).toBe('invoice_no,customer_id,customer_name,invoice_date,due_date,terms,currency,amount,rep');
    expect(await head('payments.csv')).toMatch(/^收款单号,/);
  });

  it('gives the same figures for every month when the same tables come as JSON', async () => {
    const sources = await Promise.all(
      ['invoices', 'payments', 'adjustments', 'fx', 'specific'].map(async (table) => {
        const parsed = parseCsv(await readFile(join(dir, `${table}.csv`), 'utf8'));
        if (!('records' in parsed)) throw new Error(parsed.error);
        const [header, ...body] = parsed.records;
        const objects = body.map((r) => Object.fromEntries(header.cells.map((h, i) => [h, r.cells[i]])));
        return { table: table as 'invoices', file: `${table}.json`, format: 'json' as const, bytes: new TextEncoder().encode(JSON.stringify(objects, null, 1)) };
      }),
    );
    const fromJson = await parseLedger(sources);
    expect(fromJson.diagnostics.map((d) => d.format())).toEqual([]);
    const again = computePeriods(fromJson.ledger!, policy(), months);
    const strip = (s: string) => s.replace(/"file":"[^"]*"|"line":\d+/g, '');
    expect(again.map((r) => strip(canon(r)))).toEqual(results.map((r) => strip(canon(r))));
  });

  it('gives a payment record per customer from the same computation', () => {
    const rec = customerPaymentRecord(l, policy(), 'C-1004', '2026-10-31' as IsoDate);
    const fromReport = last.byCustomer.find((c) => c.key === 'C-1004')!;
    expect(rec.outstanding.toFixed(2)).toBe(fromReport.balance.toFixed(2));
    expect(rec.provision.toFixed(2)).toBe(fromReport.provision.toFixed(2));
    expect(rec.averageDaysLate).toBeGreaterThan(30);
  });
});
