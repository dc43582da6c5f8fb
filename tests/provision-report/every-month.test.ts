/**
 * Every month end of generated ledgers builds a report (tree + workbook + XLSX bytes), including
 * empty months, fully collected months, fully written-off months and reversal months; and an
 * independent recomputation (below, written from the rules, not from src/) agrees to the cent on
 * balance, allowance and charge/reversal. A few months of each kind also go through PDF and DOCX.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compose, createTemplateStore } from '../../src/compose/index.js';
import { addDays, fromEpochDay, toEpochDay, type IsoDate } from '../../src/domain/dates.js';
import { Decimal } from '../../src/domain/money.js';
import { computePeriods, monthEnds } from '../../src/domain/receivables/index.js';
import type { Ledger, ProvisionResult } from '../../src/domain/receivables/types.js';
import { buildProvisionReport } from '../../src/documents/provision-report/index.js';
import { renderXlsx } from '../../src/writers/xlsx/index.js';
import { renderPdf } from '../../src/writers/pdf/index.js';
import { renderDocx } from '../../src/writers/docx/index.js';
import { docxText, pdfText } from '../helpers/extract.js';
import { adjustment, invoice, ledgerOf, payment, rate, specific } from '../receivables/build.js';
import { policy } from '../receivables/helpers.js';
import { ctx } from './fixture.js';
import { readXlsxValues as readXlsx } from './xlsx-read.js';

const START = toEpochDay('2026-01-01' as IsoDate);
const day = (n: number): IsoDate => fromEpochDay(START + n);
const D = (x: string | number) => new Decimal(x);

// ---- independent recomputation (plain loops over the rows, half-up to the cent) ----
const c2 = (x: Decimal) => x.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
function rateOn(l: Ledger, ccy: string, d: IsoDate): Decimal | undefined {
  if (ccy === 'CNY') return D(1);
  let best: { date: string; rate: Decimal } | undefined;
  for (const r of l.fx) if (r.currency === ccy && r.date <= d && (!best || r.date >= best.date)) best = r;
  return best?.rate;
}
function outstandingOn(l: Ledger, no: string, d: IsoDate): Decimal {
  const inv = l.invoices.find((i) => i.invoiceNo === no)!;
  let out = inv.amount;
  for (const p of l.payments) if (p.invoiceNo === no && p.date <= d) out = out.minus(p.amount);
  for (const a of l.adjustments) if (a.invoiceNo === no && a.date <= d && a.kind !== 'recovery') out = out.minus(a.amount);
  return out;
}
function matrixRate(days: number): Decimal {
  return days > 90 ? D('0.5') : days > 60 ? D('0.2') : days > 30 ? D('0.1') : D(0);
}
function daysBetween(a: IsoDate, b: IsoDate) {
  return toEpochDay(b) - toEpochDay(a);
}
function required(l: Ledger, d: IsoDate): { balance: Decimal; provision: Decimal; lines: number } {
  let balance = D(0);
  let provision = D(0);
  let lines = 0;
  for (const inv of l.invoices) {
    if (inv.invoiceDate > d) continue;
    const out = outstandingOn(l, inv.invoiceNo, d);
    if (out.lte(0)) continue;
    const bal = c2(out.times(rateOn(l, inv.currency, d)!));
    const sp = l.specific.find((s) => s.invoiceNo === inv.invoiceNo && (s.date === undefined || s.date <= d));
    const r = sp ? sp.rate : matrixRate(daysBetween(inv.dueDate, d));
    balance = balance.plus(bal);
    provision = provision.plus(c2(bal.times(r)));
    lines++;
  }
  return { balance, provision, lines };
}
function prevMonthEnd(d: IsoDate): IsoDate {
  return addDays(`${d.slice(0, 7)}-01` as IsoDate, -1);
}
/** Write-offs at the carrying rate (previous month end, or invoice date if booked this month); recoveries at their own date's rate. */
function movementOf(l: Ledger, d: IsoDate) {
  const prev = prevMonthEnd(d);
  let wo = D(0);
  let rec = D(0);
  for (const a of l.adjustments) {
    if (a.date <= prev || a.date > d || a.kind === 'credit_note') continue;
    const inv = l.invoices.find((i) => i.invoiceNo === a.invoiceNo)!;
    if (a.kind === 'write_off') wo = wo.plus(c2(a.amount.times(rateOn(l, inv.currency, inv.invoiceDate > prev ? inv.invoiceDate : prev)!)));
    else rec = rec.plus(c2(a.amount.times(rateOn(l, inv.currency, a.date)!)));
  }
  const opening = required(l, prev).provision;
  const closing = required(l, d);
  const delta = closing.provision.minus(opening.minus(wo).plus(rec));
  return { opening, wo, rec, delta, closing, prevLines: required(l, prev).lines };
}

// ---- generated ledgers: random activity, then everything settled one way, a quiet gap, and a new invoice ----
const invoiceArb = fc.record({
  usd: fc.boolean(),
  customer: fc.constantFrom('A', 'B', 'C'),
  date: fc.integer({ min: 0, max: 100 }),
  terms: fc.integer({ min: 0, max: 90 }),
  cents: fc.integer({ min: 1, max: 20_000_000 }),
});
const eventArb = fc.record({
  target: fc.nat(),
  kind: fc.constantFrom('payment', 'payment', 'credit_note', 'write_off', 'recovery', 'specific'),
  lag: fc.integer({ min: 0, max: 120 }),
  share: fc.integer({ min: 1, max: 100 }),
});
type Of<A> = A extends fc.Arbitrary<infer T> ? T : never;
interface Spec {
  invs: Of<typeof invoiceArb>[];
  events: Of<typeof eventArb>[];
  settle: 'collect' | 'write_off' | 'mixed';
  settleDay: number;
  gap: number;
  rates: number[];
}
const specArb: fc.Arbitrary<Spec> = fc.record({
  invs: fc.array(invoiceArb, { minLength: 1, maxLength: 8 }),
  events: fc.array(eventArb, { maxLength: 12 }),
  settle: fc.constantFrom('collect', 'write_off', 'mixed'),
  settleDay: fc.integer({ min: 130, max: 200 }),
  gap: fc.integer({ min: 62, max: 120 }),
  // A USD rate every 10 days (rates move inside the month).
  rates: fc.array(fc.integer({ min: 68_000, max: 74_000 }), { minLength: 40, maxLength: 40 }),
});

function ledgerFrom(s: Spec): Ledger {
  const l = ledgerOf({});
  l.fx.push(rate('2025-12-31', 'USD', '7.0000'));
  s.rates.forEach((r, i) => l.fx.push(rate(day(i * 10 + 3), 'USD', D(r).div(10_000).toFixed(4))));
  s.invs.forEach((v, i) =>
    l.invoices.push(invoice({ no: `I${i}`, customer: v.customer, currency: v.usd ? 'USD' : 'CNY', date: day(v.date), due: day(v.date + v.terms), amount: D(v.cents).div(100).toFixed(2) })),
  );
  s.events.forEach((e, j) => {
    const inv = l.invoices[e.target % l.invoices.length];
    const date = addDays(inv.invoiceDate, e.lag);
    if (date >= day(s.settleDay)) return;
    const out = outstandingOn(l, inv.invoiceNo, date);
    const amt = c2(out.times(e.share).div(100));
    if (e.kind === 'specific') {
      if (!l.specific.some((x) => x.invoiceNo === inv.invoiceNo)) l.specific.push(specific(inv.invoiceNo, D(e.share).div(100).toString(), e.lag % 2 ? date : undefined));
    } else if (e.kind === 'recovery') {
      if (l.adjustments.some((a) => a.invoiceNo === inv.invoiceNo && a.kind === 'write_off' && a.date <= date)) l.adjustments.push(adjustment('recovery', inv.invoiceNo, date, amt.gt(0) ? amt.toFixed(2) : '1.00'));
    } else if (amt.gt(0)) {
      if (e.kind === 'payment') l.payments.push(payment(`P${j}`, date, amt.toFixed(2), { invoice: inv.invoiceNo, customer: inv.customerId, currency: inv.currency }));
      else l.adjustments.push(adjustment(e.kind as 'credit_note' | 'write_off', inv.invoiceNo, date, amt.toFixed(2)));
    }
  });
  // Settle everything still open on one day: a fully collected or fully written-off month.
  l.invoices.forEach((inv, k) => {
    const out = outstandingOn(l, inv.invoiceNo, day(s.settleDay));
    if (out.lte(0)) return;
    const collect = s.settle === 'collect' || (s.settle === 'mixed' && k % 2 === 0);
    if (collect) l.payments.push(payment(`S${k}`, day(s.settleDay), out.toFixed(2), { invoice: inv.invoiceNo, customer: inv.customerId, currency: inv.currency }));
    else l.adjustments.push(adjustment('write_off', inv.invoiceNo, day(s.settleDay), out.toFixed(2)));
  });
  // Quiet months, then new business (so the range of month ends covers empty months).
  const late = s.settleDay + s.gap;
  l.invoices.push(invoice({ no: 'LATE', customer: 'A', currency: 'USD', date: day(late), due: day(late + 30), amount: '1000.00' }));
  return l;
}

type Kind = 'empty' | 'collected' | 'written_off' | 'reversal' | 'charge' | 'none';
function kindOf(r: ProvisionResult, prevLines: number): Kind {
  const m = r.movement;
  if (r.lines.length === 0 && prevLines === 0 && m.writeOffs.isZero()) return 'empty';
  if (r.lines.length === 0 && m.writeOffs.gt(0)) return 'written_off';
  if (r.lines.length === 0) return 'collected';
  if (m.reversal.gt(0)) return 'reversal';
  if (m.charge.gt(0)) return 'charge';
  return 'none';
}

const stats = { ledgers: 0, months: 0, kinds: {} as Record<Kind, number> };
const samples = new Map<Kind, { r: ProvisionResult }>();
const templates = createTemplateStore();

describe('every month end builds, and agrees with an independent recomputation', () => {
  it('generated ledgers: all month ends, each kind of month', async () => {
    const t0 = Date.now();
    await fc.assert(
      fc.asyncProperty(specArb, async (s) => {
        const l = ledgerFrom(s);
        const months = monthEnds(l, policy());
        const results = computePeriods(l, policy(), months);
        stats.ledgers++;
        for (const r of results) {
          stats.months++;
          const mine = movementOf(l, r.asOf);
          const is = (a: Decimal, b: Decimal, what: string) => expect(a.toFixed(2), `${r.asOf} ${what}`).toBe(b.toFixed(2));
          is(r.totals.balance, mine.closing.balance, 'balance');
          is(r.totals.provision, mine.closing.provision, 'allowance');
          is(r.movement.opening, mine.opening, 'opening');
          is(r.movement.writeOffs, mine.wo, 'write-offs');
          is(r.movement.recoveries, mine.rec, 'recoveries');
          is(r.movement.charge.minus(r.movement.reversal), mine.delta, 'charge − reversal');
          // Per-customer movement adds up; the collection list is sorted by provision, overdue customers only.
          const cm = r.customerMovement!;
          is(cm.reduce((a, c) => a.plus(c.charge).minus(c.reversal), D(0)), mine.delta, 'Σ customer charge − reversal');
          is(cm.reduce((a, c) => a.plus(c.closing), D(0)), mine.closing.provision, 'Σ customer closing');
          const col = r.collection!;
          for (let i = 1; i < col.length; i++) expect(col[i - 1].provision.gte(col[i].provision)).toBe(true);
          for (const c of col) expect(c.overdue.gt(0) && c.daysOverdue > 0).toBe(true);
          const kind = kindOf(r, mine.prevLines);
          stats.kinds[kind] = (stats.kinds[kind] ?? 0) + 1;
          if (!samples.has(kind)) samples.set(kind, { r });

          const report = buildProvisionReport(r, ctx());
          expect(report.mismatches).toEqual([]);
          compose(report.plan(), templates);
          const xlsx = await renderXlsx(report.workbook());
          expect(xlsx.length).toBeGreaterThan(1000);
          if (kind !== 'charge' && kind !== 'none') {
            // What a reader sees: the movement sheet's closing figure and the sign convention (no negatives under 减).
            const wb = await readXlsx(xlsx);
            const mv = wb.getWorksheet('变动')!;
            const values: number[] = [];
            mv.eachRow((row) => {
              const v = row.getCell(2).value;
              if (typeof v === 'number') values.push(v);
            });
            expect(values.every((v) => v >= 0)).toBe(true);
            expect(values[values.length - 1].toFixed(2)).toBe(mine.closing.provision.toFixed(2));
          }
        }
      }),
      { numRuns: 30 },
    );
    const ms = Date.now() - t0;
    console.log(`every-month: ${stats.ledgers} ledgers, ${stats.months} month ends, kinds ${JSON.stringify(stats.kinds)}, ${ms} ms`);
    for (const k of ['empty', 'collected', 'written_off', 'reversal', 'charge'] as Kind[]) expect(stats.kinds[k] ?? 0, k).toBeGreaterThan(0);
  }, 120_000);

  it('PDF and DOCX for one month of each kind, with the reversal entry when there is one', async () => {
    for (const kind of ['empty', 'collected', 'written_off', 'reversal'] as Kind[]) {
      const s = samples.get(kind);
      expect(s, kind).toBeDefined();
      const plan = buildProvisionReport(s!.r, ctx()).plan();
      const tree = compose(plan, templates);
      const [pdf, docx] = await Promise.all([renderPdf(tree, plan.meta, { assetRoots: [] }), renderDocx(tree, plan.meta, { assetRoots: [] })]);
      const text = (await pdfText(pdf)).replace(/\s+/g, ' ');
      const dtext = docxText(docx);
      for (const t of [text, dtext]) {
        expect(t).toContain('坏账准备变动表');
        if (s!.r.movement.reversal.gt(0)) {
          expect(t).toContain('转回坏账准备');
          expect(t).not.toMatch(/减：本期转回\s*\(/);
        }
      }
    }
  }, 120_000);
});
