/** Jobs as plain data (main thread ↔ workers), and the names of their outputs. Light: no rendering code. */
import { join } from 'node:path';
import type { IsoDate } from '../domain/dates.js';
import { Diagnostic } from '../diagnostics.js';
import type { Format } from '../writers/types.js';

export type JobSpec =
  | { id: string; kind: 'deal'; doc: string; dealId: string; file: string; displayPath: string; formats: Format[]; unchangedIf?: string }
  | { id: string; kind: 'report'; asOf: IsoDate; dir: string; formats: Format[]; unchangedIf?: string };
// unchangedIf: set by the planner when only the job's ledger rows changed and its outputs are on
// disk as recorded — the model hash of the last build. A job whose computed ledger figures (the
// report's ProvisionResult, the brief's payment record) hash the same writes nothing.

export interface DiagnosticData {
  file: string;
  line?: number;
  column?: number;
  field?: string;
  rule: string;
  severity: 'error' | 'warning';
  message: string;
  zh?: string;
}

export interface JobResult {
  id: string;
  ok: boolean;
  outputs: { path: string; sha256: string; size: number }[];
  /** Inputs discovered while running (asset paths, relative to the data folder). */
  deps: string[];
  customerId?: string;
  asOf?: string;
  /** Hash of the ledger figures the document printed (see modelHash), when it reads the ledger. */
  modelHash?: string;
  /** The figures hashed as `unchangedIf`: nothing was rendered, the recorded outputs stand. */
  unchanged?: boolean;
  diagnostics: DiagnosticData[];
  ms: number;
}

export function toData(d: Diagnostic): DiagnosticData {
  return { file: String(d.file), line: d.line ?? undefined, column: d.column ?? undefined, field: d.field, rule: String(d.ruleId ?? 'error'), severity: d.severity, message: d.reason, ...(d.zh ? { zh: d.zh } : {}) };
}

export function fromData(d: DiagnosticData): Diagnostic {
  return new Diagnostic(d);
}

export function dealJobId(dealId: string, doc: string): string {
  return `${dealId}/${doc}`;
}

export function outputPaths(spec: JobSpec): string[] {
  const base = spec.kind === 'deal' ? join(spec.dealId, spec.doc) : join('receivables', spec.dir, 'provision-report');
  return spec.formats.filter((f) => spec.kind === 'report' || f !== 'xlsx').map((f) => `${base}.${f}`);
}

/** The documents made from each deal file; what planning needs to know without loading them. */
export const DEAL_DOCUMENT_KINDS = [
  { name: 'proposal', template: 'proposal', readsLedger: false },
  { name: 'swot-brief', template: 'swot-brief', readsLedger: true },
] as const;
