/** Shared test helpers: a policy from config text, a ledger folder written to /tmp, Decimal shorthands. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { provisioningSchema } from '../../src/config/schema.js';
import { readLedger } from '../../src/data/ledger/index.js';
import { Decimal } from '../../src/domain/money.js';
import type { Ledger, ProvisionResult } from '../../src/domain/receivables/types.js';

export type PolicyInput = Parameters<typeof provisioningSchema.parse>[0];

export function policy(overrides: Record<string, unknown> = {}): ReturnType<typeof provisioningSchema.parse> {
  return provisioningSchema.parse(overrides);
}

export const D = (s: string | number): Decimal => new Decimal(s);

/** Write files (text is written as UTF-8; bytes as given) to a fresh folder under the OS temp dir. */
export function ledgerDir(files: Record<string, string | Uint8Array>): string {
  const dir = mkdtempSync(join(tmpdir(), 'dealdoc-ledger-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

export async function readOk(files: Record<string, string | Uint8Array>): Promise<Ledger> {
  const { ledger, diagnostics } = await readLedger(ledgerDir(files));
  if (!ledger) throw new Error(diagnostics.map((d) => d.format()).join('\n'));
  return ledger;
}

/** Diagnostics of a folder that must fail, as `basename:line: message (field)` strings. */
export async function readErrors(files: Record<string, string | Uint8Array>): Promise<string[]> {
  const dir = ledgerDir(files);
  const { ledger, diagnostics } = await readLedger(dir);
  if (ledger) throw new Error('expected the ledger to be rejected');
  return diagnostics.map((d) => d.format().replace(dir + '/', ''));
}

/** Money as fixed 2-decimal text, for readable expectations. */
export const m = (d: Decimal): string => d.toFixed(2);

export function line(r: ProvisionResult, invoiceNo: string) {
  const l = r.lines.find((x) => x.invoice.invoiceNo === invoiceNo);
  if (!l) throw new Error(`no line for ${invoiceNo}`);
  return l;
}

export function bucket(r: ProvisionResult, id: string) {
  const b = r.buckets.find((x) => x.bucket === id);
  if (!b) throw new Error(`no bucket ${id}`);
  return b;
}

/** The whole result as plain text (row positions left out): for "unchanged" comparisons. */
export function canon(r: ProvisionResult): string {
  return JSON.stringify(r, (k, v: unknown) => (k === 'source' ? undefined : v));
}

/** Ledger rows without positions or file names, for twin comparisons. */
export function rows(l: Ledger): string {
  return JSON.stringify({ ...l, files: [] }, (k, v: unknown) => (k === 'source' ? undefined : v));
}

/** Minimal header line + rows → CSV text. */
export function csv(header: string, ...rows: string[]): string {
  return [header, ...rows].join('\n') + '\n';
}
