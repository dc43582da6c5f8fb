/**
 * One report, every output: the report model (typed tables, texts, checks) is built once and
 * the reconciliation, the PDF/DOCX plan and the XLSX workbook all come from it.
 */
import type { ProvisionResult } from '../../domain/receivables/types.js';
import type { Workbook } from '../../tree/workbook.js';
import type { DocumentPlan } from '../types.js';
import type { ProvisionReportContext } from './context.js';
import { planFromReport } from './plan.js';
import { buildReport } from './report.js';
import { workbookFromReport } from './workbook.js';

export interface ProvisionReport {
  /** Whether detail = buckets = summary, the schedules and the movement all agree (as provisionReportChecks). */
  reconciled: boolean;
  mismatches: string[];
  /** The PDF/DOCX plan (as planProvisionReport), made on the first call; later calls return the same object. */
  plan(): DocumentPlan;
  /** The XLSX workbook (as workbookForProvisionReport), made on the first call; later calls return the same object. */
  workbook(): Workbook;
}

export function buildProvisionReport(result: ProvisionResult, ctx: ProvisionReportContext): ProvisionReport {
  const report = buildReport(result, ctx);
  let plan: DocumentPlan | undefined;
  let workbook: Workbook | undefined;
  return {
    reconciled: report.reconciled,
    mismatches: report.mismatches,
    plan: () => (plan ??= planFromReport(report, result, ctx)),
    workbook: () => (workbook ??= workbookFromReport(report, ctx)),
  };
}
