/**
 * ProvisionResult → DocumentPlan for the monthly receivables provisioning report (PDF/DOCX).
 * Tables and the aging chart go into slots as custom nodes of literal strings; the policy,
 * FX rates, framework note and prose are view values the template prints (escaped).
 */
import type { BlockContent, RootContent } from 'mdast';
import { Decimal, fixed } from '../../domain/money.js';
import type { ProvisionResult } from '../../domain/receivables/types.js';
import type { BarChart, Callout, DocMeta } from '../../tree/nodes.js';
import type { DocumentPlan } from '../types.js';
import type { ProvisionReportContext } from './context.js';
import { money, percent, sheetToDataTable } from './format.js';
import { buildReport, type ReportModel } from './report.js';

export const PROVISION_REPORT_TEMPLATE = 'provision-report';

export function planProvisionReport(result: ProvisionResult, ctx: ProvisionReportContext): DocumentPlan {
  return planFromReport(buildReport(result, ctx), result, ctx);
}

/** The plan from an already built report model (buildProvisionReport shares one with the workbook). */
export function planFromReport(report: ReportModel, result: ProvisionResult, ctx: ProvisionReportContext): DocumentPlan {
  const { l, sheets } = report;
  const m = result.movement;
  const mismatch: RootContent[] = report.reconciled ? [] : [callout('danger', l.text.mismatchTitle, report.mismatches)];
  // A long detail is the report's cost in print and is read in the workbook (filters, formulas):
  // above the configured count the PDF/DOCX print it per customer and point to the XLSX.
  const limit = ctx.policy.detail_rows_in_print ?? 300;
  const detailInPrint = result.lines.length <= limit;

  const slots: Record<string, RootContent[]> = {
    alert: mismatch,
    'framework-note': report.smallFramework ? [callout('warning', l.info.framework, [report.texts.framework])] : [],
    summary: [sheetToDataTable(sheets.summary)],
    aging: [sheetToDataTable(sheets.aging, { dense: true })],
    'aging-chart': [agingChart(report)],
    movement: [sheetToDataTable(sheets.movement)],
    journal: [sheetToDataTable(sheets.journal)],
    customers: [sheetToDataTable(sheets.customers, { dense: true })],
    reps: [sheetToDataTable(sheets.reps, { dense: true, groupBy: 0 })],
    'detail-break': [{ type: 'pageBreak' }],
    detail: [sheetToDataTable(detailInPrint ? sheets.detail : report.detailByCustomer, { dense: true })],
    exceptions: sheets.exceptions.rows.length > 0 ? [sheetToDataTable(sheets.exceptions, { dense: true })] : [],
    reconciliation: report.reconciled ? [callout('success', undefined, [report.reconciliation])] : mismatch,
    comparison: [sheetToDataTable(sheets.comparison, { dense: true })],
    'customer-movement': [sheetToDataTable(sheets.customerMovement, { dense: true })],
    collection: sheets.collection.rows.length > 1 ? [sheetToDataTable(sheets.collection, { dense: true })] : [],
    signoff: [sheetToDataTable(sheets.signoff)],
  };

  const view = {
    zh: ctx.locale === 'zh-CN',
    small: report.smallFramework,
    title: report.title,
    company: report.company,
    asOf: result.asOf,
    asOfLong: report.asOfLong,
    unit: report.unit,
    h: l.headings,
    headerInfo: report.headerInfo,
    basisInfo: report.basisInfo,
    totals: result.totals,
    openingAllowance: m.opening,
    isReversal: m.reversal.gt(0),
    isCharge: m.charge.gt(0),
    change: m.reversal.gt(0) ? m.reversal : m.charge,
    overdueShare: result.totals.balance.isZero() ? undefined : percent(result.totals.overdue.dividedBy(result.totals.balance), 1),
    roundingNotes: report.roundingNotes,
    movementCheck: report.movementCheck,
    fxMemo: report.fxMemo,
    hasExceptions: sheets.exceptions.rows.length > 0,
    exceptionsNone: l.exception.none,
    customerCount: result.byCustomer.length,
    repCount: result.byRep.length,
    lineCount: result.lines.length,
    detailInWorkbook: detailInPrint ? undefined : l.more.detailInWorkbook(result.lines.length, limit, l.sheets.detail),
    priorAsOf: result.prior ? result.prior.asOf : undefined,
    top: ctx.policy.top_customers,
    hasCollection: sheets.collection.rows.length > 1,
    noOverdue: l.more.noOverdue,
  };

  return { template: PROVISION_REPORT_TEMPLATE, locale: ctx.locale, view, slots, meta: reportMeta(report, ctx) };
}

function reportMeta(report: ReportModel, ctx: ProvisionReportContext): DocMeta {
  const l = report.l;
  return {
    title: report.title,
    locale: ctx.locale,
    header: { left: report.company, right: report.title },
    footer: { confidentiality: l.confidentiality, pageLabel: l.pageLabel },
    orientation: 'landscape',
    brandColor: ctx.brandColor,
    author: report.company,
    subject: report.title,
    keywords: [l.title, report.title.split(' ').pop() ?? ''],
    created: ctx.created,
  };
}

/** Bars per aging row of the table (buckets, then 单项 when there is any), labelled with amount and share. */
function agingChart(report: ReportModel): BarChart {
  const { l, sheets } = report;
  const bars = sheets.aging.rows
    .filter((r) => (r.kind ?? 'normal') === 'normal')
    .filter((r) => r.cells[0] !== l.row.specific || !(r.cells[2] as Decimal).isZero())
    .map((r) => {
      const balance = r.cells[2] as Decimal;
      const share = r.cells[3];
      return {
        label: String(r.cells[0]),
        // Geometry only; the printed figure is `display`, formatted from the Decimal.
        value: Number(fixed(balance, 2)),
        display: l.text.chartBar(money(balance), share instanceof Decimal ? percent(share, 1) : '—'),
      };
    });
  return { type: 'barChart', title: l.text.chartTitle, unit: report.unit, bars };
}

function callout(tone: Callout['tone'], title: string | undefined, lines: string[]): Callout {
  const children: BlockContent[] = lines.map((value) => ({ type: 'paragraph', children: [{ type: 'text', value }] }));
  return { type: 'callout', tone, ...(title ? { title } : {}), children };
}
