/**
 * Jobs as plain data (main thread ↔ workers), and the names of their outputs (from each
 * document's declaration in documents/registry.ts). Light: no rendering code.
 */
import type { IsoDate } from '../domain/dates.js';
import { Diagnostic } from '../diagnostics.js';
import { dealDocumentTypes, documentType, ledgerDocumentType, outputBase, type DocumentType } from '../documents/registry.js';
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

/** The registered document a job makes (a deal job names it; a report job makes the ledger document). */
function documentOf(spec: JobSpec): DocumentType {
  if (spec.kind === 'report') return ledgerDocumentType();
  const doc = documentType(spec.doc);
  if (!doc) throw new Error(`unknown document ${spec.doc}`);
  return doc;
}

/** The job's output paths below out/: its document's output pattern, in each requested format it is written in. */
export function outputPaths(spec: JobSpec): string[] {
  const doc = documentOf(spec);
  const base = outputBase(doc, spec.kind === 'deal' ? { dealId: spec.dealId } : { period: spec.dir });
  return spec.formats.filter((f) => doc.formats.includes(f)).map((f) => `${base}.${f}`);
}

/**
 * Where a recorded job's outputs must be (`<base>.<ext>`), or undefined when its id does not match
 * its kind: `<deal>/<document>` for a deal document (named by its registered output pattern, or
 * after its job when the document is no longer registered), `receivables/<period>` for a report.
 */
export function recordedOutputBase(id: string, record: { kind: 'deal' | 'report'; dealId?: string }): string | undefined {
  const { dealId } = record;
  if (record.kind === 'deal') {
    if (dealId === undefined || !id.startsWith(`${dealId}/`)) return undefined;
    const doc = dealDocumentTypes().find((d) => id === dealJobId(dealId, d.id));
    // A document no longer registered: its outputs were named after its job; a complete build removes them as stale.
    if (!doc) return /^[a-z][a-z0-9-]{0,63}$/.test(id.slice(dealId.length + 1)) ? id : undefined;
    return outputBase(doc, { dealId });
  }
  const period = /^receivables\/(\d{4}-\d{2}(?:-\d{2})?)$/.exec(id)?.[1];
  return period === undefined ? undefined : outputBase(ledgerDocumentType(), { period });
}
