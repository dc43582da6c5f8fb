/**
 * The provisioning report's content, independent of output format: typed tables, header
 * facts in words, and the reconciliation checks. plan.ts turns it into a DocumentPlan,
 * workbook.ts into a Workbook — both from this one model.
 */
import { formatDateLong, dateInShanghai } from '../../domain/dates.js';
import { Decimal, fixed, sum } from '../../domain/money.js';
import type { CustomerMovement, ProvisionResult } from '../../domain/receivables/types.js';
import type { Sheet } from '../../tree/workbook.js';
import type { ProvisionReportContext } from './context.js';
import { fxDecimals, money, percent, percentDecimals } from './format.js';
import { labelsFor, type ReportLabels, type SheetKey } from './labels.js';
import { bucketLabel, bucketRoundingDiffs, buildSheets, partyLayout, type ReportSheets } from './tables.js';
import { detailByCustomerSheet } from './schedules.js';

export interface Check {
  name: string;
  ok: boolean;
  /** "what: a ≠ b (difference d)" when not ok. */
  message: string;
}

export interface ReportModel {
  l: ReportLabels;
  unit: string;
  smallFramework: boolean;
  /** "应收账款坏账准备月报 2026-10-31" */
  title: string;
  company: string;
  asOfLong: string;
  sheets: ReportSheets;
  /** The invoice detail summarised per customer (printed instead of the detail above provisioning.detail_rows_in_print). */
  detailByCustomer: Sheet;
  /** Every header fact (company, dates, currency, FX, policy, rules, sources), for the workbook. */
  info: { label: string; value: string }[];
  /** Printed under the title: period, currency, FX rates, policy, boundary rule. */
  headerInfo: { label: string; value: string }[];
  /** Printed with the reconciliation: rounding, framework, sources, generation date. */
  basisInfo: { label: string; value: string }[];
  texts: { policy: string; boundary: string; rounding: string; fx: string; framework: string };
  roundingNotes: string[];
  movementCheck: string;
  /** 汇兑损益 memo when foreign-currency lines carry a booked amount. */
  fxMemo?: string;
  checks: Check[];
  reconciled: boolean;
  /** The reconciliation line with the figures (only meaningful when reconciled). */
  reconciliation: string;
  mismatches: string[];
}

export function buildReport(result: ProvisionResult, ctx: ProvisionReportContext): ReportModel {
  const l = labelsFor(ctx.locale);
  const smallFramework = ctx.policy.framework === 'small';
  const unit = l.unit(result.functionalCurrency);
  const company = ctx.locale === 'en' ? (ctx.company.name_en ?? ctx.company.name) : ctx.company.name;
  const title = `${smallFramework ? l.riskEstimateTitle : l.title} ${result.asOf}`;
  const sheetTitle = (key: SheetKey) => `${company} · ${title} · ${l.sheets[key]}`;
  const env = { result, l, unit, sheetTitle, smallFramework, top: ctx.policy.top_customers, ...(ctx.policy.signoff ? { signoff: ctx.policy.signoff } : {}), locale: ctx.locale };
  const sheets = buildSheets(env);
  const detailByCustomer = detailByCustomerSheet(env, sheets.detail);

  const steps = ctx.policy.matrix.map((b) => ({ days: b.over_days, rate: percent(b.rate, percentDecimals(ctx.policy.matrix.map((x) => x.rate))) }));
  const fxDp = fxDecimals(result.fxUsed.map((f) => f.rate));
  const texts = {
    policy: l.text.policy(steps, ctx.policy.boundary_inclusive),
    boundary: l.text.boundary(steps[0]?.days ?? 30, ctx.policy.boundary_inclusive),
    rounding: l.text.rounding,
    fx: result.fxUsed.length === 0 ? l.text.noFx : l.text.list(result.fxUsed.map((f) => l.text.fxItem(f.currency, fixed(f.rate, fxDp), f.date))),
    framework: smallFramework ? l.text.frameworkSmall : l.text.frameworkCas,
  };
  const asOfLong = formatDateLong(result.asOf, ctx.locale);
  const headerInfo = [
    { label: l.info.period, value: l.text.period(formatDateLong(result.periodStart, ctx.locale), asOfLong) },
    { label: l.info.currency, value: result.functionalCurrency },
    { label: l.info.fx, value: texts.fx },
    { label: l.info.policy, value: texts.policy },
    { label: l.info.boundary, value: texts.boundary },
  ];
  const basisInfo = [
    { label: l.info.rounding, value: texts.rounding },
    { label: l.info.framework, value: texts.framework },
    { label: l.info.sources, value: ctx.ledgerFiles.length > 0 ? l.text.list(ctx.ledgerFiles) : '—' },
    { label: l.info.created, value: formatDateLong(dateInShanghai(ctx.created), ctx.locale) },
  ];
  const info = [{ label: l.info.company, value: company }, { label: l.info.asOf, value: asOfLong }, ...headerInfo, ...basisInfo];

  const roundingNotes = bucketRoundingDiffs(result).map((d) => l.text.roundingCheck(bucketLabel(d.bucket, l), money(d.product), money(d.bucket.provision)));
  const m = result.movement;
  const arithmetic = m.opening.plus(m.charge).minus(m.reversal).minus(m.writeOffs).plus(m.recoveries);
  const movementOk = m.balanced && arithmetic.eq(m.closing);
  const movementCheck = l.text.movementCheck(
    { opening: money(m.opening), charge: money(m.charge), reversal: money(m.reversal), writeOffs: money(m.writeOffs), recoveries: money(m.recoveries), closing: money(m.closing) },
    movementOk,
  );

  const fxd = result.fxDifferences ?? [];
  const fxTotal = sum(fxd.map((f) => f.total));
  const fxMemo =
    fxd.length > 0
      ? l.text.fxMemo({ revaluation: money(sum(fxd.map((f) => f.revaluation))), settlement: money(sum(fxd.map((f) => f.settlement))), total: money(fxTotal.abs()) }, !fxTotal.isNegative())
      : undefined;

  const { checks, reconciliation } = reconcile(result, sheets, l, movementOk, arithmetic);
  // The per-customer summary of the detail (printed when the detail is long) adds up to the detail.
  checks.push(...pairOf(`${l.text.checks.detailBuckets} · ${l.headings.detail}`, { balance: totalOf(detailByCustomer, 4), provision: totalOf(detailByCustomer, 5) }, { balance: totalOf(sheets.detail, 10), provision: totalOf(sheets.detail, 12) }, l));
  const mismatches = checks.filter((c) => !c.ok).map((c) => c.message);
  return {
    l,
    unit,
    smallFramework,
    title,
    company,
    asOfLong,
    sheets,
    detailByCustomer,
    info,
    headerInfo,
    basisInfo,
    texts,
    roundingNotes,
    movementCheck,
    ...(fxMemo ? { fxMemo } : {}),
    checks,
    reconciled: mismatches.length === 0,
    reconciliation,
    mismatches,
  };
}

/** The printed total row of a sheet, column `i`. */
function totalOf(s: Sheet, i: number): Decimal {
  const row = [...s.rows].reverse().find((r) => r.kind === 'total');
  const v = row?.cells[i];
  if (!(v instanceof Decimal)) throw new Error(`sheet "${s.name}" has no total in column ${i}`);
  return v;
}

function reconcile(r: ProvisionResult, s: ReportSheets, l: ReportLabels, movementOk: boolean, arithmetic: Decimal): { checks: Check[]; reconciliation: string } {
  const c = l.text.checks;
  const partyCols = partyLayout(r, 2);
  const detail = { balance: totalOf(s.detail, 10), provision: totalOf(s.detail, 12) };
  const aging = { balance: totalOf(s.aging, 2), provision: totalOf(s.aging, 5) };
  const summary = { balance: r.totals.balance, provision: r.totals.provision };
  const customers = { balance: totalOf(s.customers, partyCols.balance), provision: totalOf(s.customers, partyCols.provision) };
  const reps = { balance: totalOf(s.reps, partyCols.balance), provision: totalOf(s.reps, partyCols.provision) };
  const pair = (name: string, a: { balance: Decimal; provision: Decimal }, b: { balance: Decimal; provision: Decimal }): Check[] => [
    equal(`${name} · ${l.col.balance}`, a.balance, b.balance, l),
    equal(`${name} · ${l.col.provision}`, a.provision, b.provision, l),
  ];
  const checks: Check[] = [
    ...pair(c.detailBuckets, detail, aging),
    ...pair(c.bucketsSummary, aging, summary),
    ...pair(c.customers, customers, summary),
    ...pair(c.reps, reps, summary),
    movementOk ? { name: c.movement, ok: true, message: '' } : { ...equal(c.movement, arithmetic, r.movement.closing, l), ok: false },
    equal(c.closing, r.movement.closing, r.totals.provision, l),
    equal(c.net, r.totals.net, r.totals.balance.minus(r.totals.provision), l),
    ...repSubtotalChecks(r, s, l, partyCols),
    ...customerBucketChecks(r, s, l, partyCols),
    ...adjustmentChecks(r, s, l),
    ...customerMovementChecks(r, l),
  ];
  const reconciliation = l.text.reconciliation(
    [money(detail.balance), money(aging.balance), money(summary.balance)],
    [money(detail.provision), money(aging.provision), money(summary.provision)],
  );
  return { checks, reconciliation };
}

/** Each rep's printed subtotal against the rep totals the computation reports. */
function repSubtotalChecks(r: ProvisionResult, s: ReportSheets, l: ReportLabels, cols: { balance: number; provision: number }): Check[] {
  const subtotals = s.reps.rows.filter((row) => row.kind === 'subtotal');
  return r.byRep.flatMap((rep, i) => {
    const row = subtotals[i];
    const at = (col: number): Decimal => {
      const v = row?.cells[col];
      if (!(v instanceof Decimal)) throw new Error(`sheet "${s.reps.name}" has no subtotal for ${rep.name} in column ${col}`);
      return v;
    };
    return [
      equal(`${l.row.subtotal(rep.name)} · ${l.col.balance}`, at(cols.balance), rep.balance, l),
      equal(`${l.row.subtotal(rep.name)} · ${l.col.provision}`, at(cols.provision), rep.provision, l),
    ];
  });
}

/** Σ customers per bucket column = the aging table's bucket rows (and 单项 column = 单项 row). */
function customerBucketChecks(r: ProvisionResult, s: ReportSheets, l: ReportLabels, cols: ReturnType<typeof partyLayout>): Check[] {
  const name = l.text.checks.customerBuckets;
  const checks = r.buckets.map((b, i) => equal(`${name} · ${bucketLabel(b, l)}`, totalOf(s.customers, cols.buckets[i] ?? -1), b.balance, l));
  if (cols.specific !== undefined) checks.push(equal(`${name} · ${l.row.specific}`, totalOf(s.customers, cols.specific), r.specificTotal.balance, l));
  return checks;
}

/** The listed write-offs and recoveries add up to the movement's figures. */
function adjustmentChecks(r: ProvisionResult, _s: ReportSheets, l: ReportLabels): Check[] {
  if (!r.periodAdjustments) return [];
  const of = (kind: 'write_off' | 'recovery') => sum(r.periodAdjustments!.filter((a) => a.kind === kind).map((a) => a.amountCny));
  const name = l.text.checks.adjustments;
  return [
    equal(`${name} · ${l.exception.writeOff}`, of('write_off'), r.movement.writeOffs, l),
    equal(`${name} · ${l.exception.recovery}`, of('recovery'), r.movement.recoveries, l),
  ];
}

/** The per-customer movement adds up to the movement table (opening, write-offs, recoveries, net charge, closing). */
function customerMovementChecks(r: ProvisionResult, l: ReportLabels): Check[] {
  const cm = r.customerMovement;
  if (!cm) return [];
  const m = r.movement;
  const of = (f: (c: CustomerMovement) => Decimal) => sum(cm.map(f));
  const name = l.headings.customerMovement;
  return [
    equal(`${name} · ${l.movement.opening}`, of((c) => c.opening), m.opening, l),
    equal(`${name} · ${l.movement.writeOffs}`, of((c) => c.writeOffs), m.writeOffs, l),
    equal(`${name} · ${l.movement.recoveries}`, of((c) => c.recoveries), m.recoveries, l),
    equal(`${name} · ${l.movement.charge}/${l.movement.reversal}`, of((c) => c.charge.minus(c.reversal)), m.charge.minus(m.reversal), l),
    equal(`${name} · ${l.movement.closing}`, of((c) => c.closing), m.closing, l),
  ];
}

function pairOf(name: string, a: { balance: Decimal; provision: Decimal }, b: { balance: Decimal; provision: Decimal }, l: ReportLabels): Check[] {
  return [equal(`${name} · ${l.col.balance}`, a.balance, b.balance, l), equal(`${name} · ${l.col.provision}`, a.provision, b.provision, l)];
}

function equal(name: string, a: Decimal, b: Decimal, l: ReportLabels): Check {
  const ok = a.eq(b);
  return { name, ok, message: ok ? '' : l.text.mismatch(name, money(a), money(b), money(a.minus(b))) };
}

/**
 * The report's reconciliation without rendering: whether detail = buckets = summary, the
 * schedules and the movement all agree. A build may refuse to write a report that does not.
 */
export function provisionReportChecks(result: ProvisionResult, ctx: ProvisionReportContext): { reconciled: boolean; mismatches: string[] } {
  const report = buildReport(result, ctx);
  return { reconciled: report.reconciled, mismatches: report.mismatches };
}
