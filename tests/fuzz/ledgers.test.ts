/**
 * Fuzzing ledgers (CSV rows of invoices and payments, cells drawn from valid and hostile values)
 * in-process: parse → validate → compute every month end. A ledger is accepted or refused with
 * diagnostics naming file and row; the computation either succeeds or reports InputError
 * diagnostics — never a TypeError, a stack trace or thousands of periods.
 */
import fc from 'fast-check';
import { strToU8 } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { provisioningSchema } from '../../src/config/schema.js';
import { parseLedger } from '../../src/data/ledger/read-ledger.js';
import { InputError } from '../../src/diagnostics.js';
import { computeProvision, monthEnds } from '../../src/domain/receivables/index.js';
import { withLedgerDiagnostics } from '../../src/data/ledger/findings.js';
import { counter, expectDiagnostic, NASTY, params, PER_INPUT_MS } from './helpers.js';

const policy = provisioningSchema.parse({});
const env = { SOURCE_DATE_EPOCH: String(Date.UTC(2026, 10, 30) / 1000) };

const csvCell = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
const date = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 700 }).map((d) => new Date(Date.UTC(2025, 0, 1) + d * 864e5).toISOString().slice(0, 10)) },
  { weight: 2, arbitrary: fc.constantFrom('2026/1/31', '2026年1月31日', '46000', '46000.5', '2026-02-30', '1900-01-01', '1989-12-31', '2037-01-01', '9999-12-31', '', '0', '-1', '1e9', 'yesterday', '２０２６－０１－３１') },
  { weight: 1, arbitrary: fc.constantFrom(...NASTY) },
);
const amount = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: -100_000_00, max: 500_000_00 }).map((c) => (c / 100).toFixed(2)) },
  { weight: 2, arbitrary: fc.constantFrom('1,234.45', '¥1,000', '(2,000.00)', '１２３', '0', '-0', '1e5', '1000000000000.01', '999999999999', '99999999999999999999999', '0.001', '', 'abc', '1,2,3', '--1') },
  { weight: 1, arbitrary: fc.constantFrom(...NASTY) },
);
const text = fc.oneof({ weight: 4, arbitrary: fc.constantFrom('C-1', 'C-2', 'C-3') }, { weight: 1, arbitrary: fc.string({ maxLength: 12 }) }, { weight: 1, arbitrary: fc.constantFrom(...NASTY) });
const currency = fc.oneof({ weight: 6, arbitrary: fc.constant('CNY') }, { weight: 1, arbitrary: fc.constantFrom('USD', 'cny', '人民币', '', 'XXX', '€') });

const validDate = fc.integer({ min: 0, max: 700 }).map((d) => new Date(Date.UTC(2025, 0, 1) + d * 864e5).toISOString().slice(0, 10));
const validAmount = fc.integer({ min: 1_00, max: 500_000_00 }).map((c) => (c / 100).toFixed(2));
const invoiceRow = fc.tuple(fc.constantFrom('C-1', 'C-2', 'C-3'), fc.constantFrom('甲公司', 'Beta Ltd', '丙'), validDate, fc.integer({ min: 0, max: 120 }), fc.constantFrom('CNY', 'CNY', 'CNY', 'USD'), validAmount, fc.constantFrom('李明', '周涛'));
const paymentRow = fc.tuple(fc.option(fc.nat()), fc.integer({ min: 0, max: 200 }), fc.integer({ min: 1, max: 110 }));
/** A cell to overwrite (row, column) with a hostile value. */
const mutation = fc.tuple(fc.nat(), fc.nat(), fc.oneof(date, amount, text, currency));

const ledgerArb = fc
  .record({
    invoices: fc.array(invoiceRow, { minLength: 1, maxLength: 25 }),
    payments: fc.array(paymentRow, { maxLength: 25 }),
    fx: fc.boolean(),
    mutations: fc.oneof({ weight: 1, arbitrary: fc.constant([]) }, { weight: 1, arbitrary: fc.array(mutation, { minLength: 1, maxLength: 3 }) }),
    bom: fc.boolean(),
    crlf: fc.boolean(),
    junk: fc.option(fc.tuple(fc.nat(), fc.constantFrom(...NASTY, '"unclosed', 'a,b', ',,,,,,,,,,,,,', '\u0000')), { freq: 8 }),
  })
  .map((l) => {
    const nl = l.crlf ? '\r\n' : '\n';
    const addDays = (d: string, n: number) => new Date(Date.parse(d) + n * 864e5).toISOString().slice(0, 10);
    const inv: string[][] = l.invoices.map(([cid, name, d, terms, cur, amt, rep], i) => [`I${i}`, cid, name, d, addDays(d, terms), cur, amt, rep]);
    const pay: string[][] = l.payments.map(([target, lag, share], j) => {
      const row = target === null ? undefined : inv[target % inv.length];
      const amt = row ? ((Number(row[6]) * share) / 100).toFixed(2) : '100.00';
      return [`P${j}`, row ? row[0] : '', row ? addDays(row[3], lag) : '2025-06-30', amt];
    });
    for (const [r, c, v] of l.mutations) {
      const table = (r + c) % 2 ? pay : inv;
      if (table.length) table[r % table.length][c % table[0].length] = v;
    }
    const invLines = ['invoice_no,customer_id,customer_name,invoice_date,due_date,currency,amount,rep', ...inv.map((r) => r.map(csvCell).join(','))];
    const payLines = ['payment_no,invoice_no,customer_id,date,amount', ...pay.map(([no, ref, d, amt]) => [no, ref, ref ? '' : 'C-1', d, amt].map(csvCell).join(','))];
    if (l.junk) invLines.splice(l.junk[0] % (invLines.length + 1), 0, l.junk[1]);
    return {
      invoices: (l.bom ? '\ufeff' : '') + invLines.join(nl) + nl,
      payments: payLines.join(nl),
      fx: l.fx ? 'date,currency,rate\n2025-01-01,USD,7.1\n2026-01-01,USD,7.2\n' : undefined,
    };
  });

let accepted = 0;
let periods = 0;
afterAll(() => process.stdout.write(`fuzz ledgers: ${counter.inputs} inputs, ${accepted} accepted, ${periods} month ends computed\n`));

describe('fuzzing ledgers', () => {
  it('CSV invoices and payments: a ledger or diagnostics, every month end computes or reports (4,000 inputs)', async () => {
    await fc.assert(
      fc.asyncProperty(ledgerArb, async (files) => {
        counter.inputs++;
        const started = performance.now();
        const r = await parseLedger(
          [
            { table: 'invoices', file: 'invoices.csv', format: 'csv', bytes: strToU8(files.invoices) },
            { table: 'payments', file: 'payments.csv', format: 'csv', bytes: strToU8(files.payments) },
            ...(files.fx ? [{ table: 'fx' as const, file: 'fx.csv', format: 'csv' as const, bytes: strToU8(files.fx) }] : []),
          ],
          { env },
        );
        for (const d of r.diagnostics) expectDiagnostic(d);
        for (const d of r.diagnostics) expect(['invoices.csv', 'payments.csv', 'fx.csv']).toContain(String(d.file));
        if (!r.ledger) expect(r.diagnostics.some((d) => d.severity === 'error')).toBe(true);
        else {
          accepted++;
          const ends = monthEnds(r.ledger, policy);
          // Dates are bounded (1990 … today + 10 years), so the periods are too.
          expect(ends.length).toBeLessThanOrEqual(12 * 48);
          for (const d of ends.slice(-3)) {
            periods++;
            try {
              withLedgerDiagnostics(computeProvision, r.ledger, policy, d);
            } catch (e) {
              expect(e).toBeInstanceOf(InputError);
              for (const diag of (e as InputError).diagnostics) expectDiagnostic(diag);
            }
          }
        }
        expect(performance.now() - started).toBeLessThan(PER_INPUT_MS);
      }),
      params(4000),
    );
  });
});
