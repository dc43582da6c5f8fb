/**
 * The report's tables as typed sheets (Decimal money, IsoDate dates), built once from the
 * ProvisionResult. The PDF/DOCX tables and the XLSX sheets are both made from these rows.
 * Rule: every subtotal/total row is the sum of the printed rows above it, from the result's
 * Decimal values (already rounded per line) — nothing is rounded again.
 */
import type { Sheet } from '../../tree/workbook.js';
import type { SheetKey } from './labels.js';
import { customersSheet, detailSheet, exceptionsSheet, repsSheet } from './schedules.js';
import { agingSheet, journalSheet, movementSheet, summarySheet } from './summary-tables.js';
import type { TableEnv } from './table-kit.js';
import { collectionSheet, comparisonSheet, customerMovementSheet, signoffSheet } from './controller-tables.js';

export { bucketLabel, columnSum, type TableEnv } from './table-kit.js';
export { partyLayout, SPECIFIC_KEY } from './schedules.js';
export { bucketRoundingDiffs } from './summary-tables.js';

export type ReportSheets = Record<SheetKey, Sheet>;

export function buildSheets(env: TableEnv): ReportSheets {
  return {
    summary: summarySheet(env),
    aging: agingSheet(env),
    movement: movementSheet(env),
    journal: journalSheet(env),
    customers: customersSheet(env),
    reps: repsSheet(env),
    detail: detailSheet(env),
    exceptions: exceptionsSheet(env),
    comparison: comparisonSheet(env),
    customerMovement: customerMovementSheet(env),
    collection: collectionSheet(env),
    signoff: signoffSheet(env),
  };
}
