/**
 * ProvisionResult → Workbook (one sheet per report section) for the XLSX writer. The sheets
 * are the same typed rows the PDF/DOCX tables are formatted from, so every figure agrees to
 * the cent; the header facts, checks and notes print under the tables.
 */
import type { ProvisionResult } from '../../domain/receivables/types.js';
import type { Sheet, Workbook } from '../../tree/workbook.js';
import type { ProvisionReportContext } from './context.js';
import type { SheetKey } from './labels.js';
import { buildReport, type ReportModel } from './report.js';
import { subtotalFormulas } from './schedules.js';

/**
 * The rep schedule as a filterable sheet: every rep × customer row first (the AutoFilter range), the
 * total as SUBTOTAL(9, …) under them, and the rep subtotals below, outside the filter range, each
 * Σ of the figure column over the rows of that rep (SUMPRODUCT on the rep column) — so filtering never hides or double-counts a subtotal.
 */
function repsForWorkbook(s: Sheet): Sheet {
  const n = s.columns.length;
  const normal = s.rows.filter((r) => (r.kind ?? 'normal') === 'normal');
  const subtotals = s.rows.filter((r) => r.kind === 'subtotal');
  const total = s.rows.filter((r) => r.kind === 'total');
  // SUMPRODUCT on exact equality, not SUMIF: a rep named "A*" or ">5" would be a pattern to SUMIF.
  const sumif = Object.fromEntries(Array.from({ length: n - 2 }, (_v, j) => [j + 2, `SUMPRODUCT(--({rows 0}={@0}),{rows ${j + 2}})`]));
  return {
    ...s,
    rows: [...normal, ...total.map((r) => ({ ...r, formulas: subtotalFormulas(n) })), ...subtotals.map((r) => ({ ...r, formulas: sumif }))],
  };
}

const ORDER: SheetKey[] = ['summary', 'aging', 'movement', 'journal', 'customers', 'reps', 'detail', 'exceptions', 'comparison', 'customerMovement', 'collection', 'signoff'];

export function workbookForProvisionReport(result: ProvisionResult, ctx: ProvisionReportContext): Workbook {
  return workbookFromReport(buildReport(result, ctx), ctx);
}

/** The workbook from an already built report model (buildProvisionReport shares one with the plan). */
export function workbookFromReport(report: ReportModel, ctx: ProvisionReportContext): Workbook {
  const { l } = report;
  const sep = ctx.locale === 'en' ? ': ' : '：';
  const check = report.reconciled ? [report.reconciliation] : [l.text.mismatchTitle, ...report.mismatches];
  const notes: Partial<Record<SheetKey, string[]>> = {
    summary: [...check, ...report.info.map((i) => `${i.label}${sep}${i.value}`), l.confidentiality],
    aging: report.roundingNotes,
    movement: [report.movementCheck],
    journal: [...(report.smallFramework ? [report.texts.framework] : []), ...(report.fxMemo ? [report.fxMemo] : [])],
    exceptions: report.sheets.exceptions.rows.length === 0 ? [l.exception.none] : [],
  };
  const sheets: Sheet[] = ORDER.map((key) => {
    const s = key === 'reps' ? repsForWorkbook(report.sheets.reps) : report.sheets[key];
    const extra = notes[key] ?? [];
    return extra.length > 0 ? { ...s, notes: [...(s.notes ?? []), ...extra] } : s;
  });
  return { sheets, created: ctx.created, title: report.title, company: report.company, brandColor: ctx.brandColor };
}
