/**
 * Shared pieces of the report's typed tables: the environment every table is built from,
 * bucket names, and column sums. Sums are of the printed (already rounded) Decimal rows.
 */
import { Decimal, ZERO, sum } from '../../domain/money.js';
import type { BucketTotal, ProvisionResult } from '../../domain/receivables/types.js';
import type { Column, Row, Sheet } from '../../tree/workbook.js';
import type { ReportLabels, SheetKey } from './labels.js';

export interface TableEnv {
  result: ProvisionResult;
  l: ReportLabels;
  /** "元" / "CNY" */
  unit: string;
  /** Heading printed above each sheet's header row. */
  sheetTitle: (key: SheetKey) => string;
  smallFramework: boolean;
  /** How many customers the collection list and the comparison show. */
  top: number;
  /** Sign-off roles and names from the config (provisioning.signoff); default roles with blank names. */
  signoff?: { role: string; name?: string; title?: string }[];
  locale: 'zh-CN' | 'en';
}

export function bucketLabel(b: Pick<BucketTotal, 'minDays' | 'maxDays'>, l: ReportLabels): string {
  if (b.maxDays !== undefined && b.maxDays <= 0) return l.bucket.notDue;
  if (b.maxDays === undefined) return b.minDays >= 1 ? l.bucket.over(b.minDays - 1) : l.bucket.from(b.minDays);
  return l.bucket.range(Math.max(1, b.minDays), b.maxDays);
}

/** Sum of one column over the given rows (null cells count as zero). */
export function columnSum(rows: Row[], index: number): Decimal {
  return sum(rows.map((r) => (r.cells[index] instanceof Decimal ? (r.cells[index] as Decimal) : ZERO)));
}

export function sheet(env: TableEnv, key: SheetKey, columns: Column[], rows: Row[], extra: Partial<Sheet> = {}): Sheet {
  return { name: env.l.sheets[key], title: env.sheetTitle(key), columns, rows, ...extra };
}

/** A column header with the report's currency unit: "余额（元）" / "Balance (CNY)". */
export function inUnit(env: TableEnv, label: string): string {
  return env.l.withUnit(label, env.unit);
}

export function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_v, i) => from + i);
}

