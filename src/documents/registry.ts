/**
 * The document registry: every document dealdoc makes, declared once — its id, template, what it
 * is made from, where its outputs go, in which formats, and its plan function. The planner
 * (pipeline/plan.ts), the job specs and output names (pipeline/job-spec.ts), the worker
 * (pipeline/jobs.ts, reports.ts), the manifest check and the CLI (formats, `--document`, help
 * text) all read this list; nothing else names a document.
 *
 * Adding a document made from each deal = its folder (`src/documents/<id>/`, a plan function
 * `(DealDocumentInputs) => DocumentPlan`), its template (`templates/<id>.md.hbs`) and one line in
 * BUILTIN below (docs/architecture.md, "Adding a document type").
 *
 * Light on purpose: planning a build loads this module, so it holds data and type imports only;
 * each plan function imports its document's code when a document is actually made.
 */
import type { RootContent } from 'mdast';
import type { CompanyProfile } from '../config/schema.js';
import type { Catalog } from '../data/catalog.js';
import type { Deal } from '../data/deal-schema.js';
import type { IsoDate } from '../domain/dates.js';
import type { CreditPolicy, DealIssue } from '../domain/method/index.js';
import type { CustomerPaymentRecord, ProvisionResult } from '../domain/receivables/types.js';
import type { Format } from '../tree/nodes.js';
import type { Workbook } from '../tree/workbook.js';
import type { ProvisionReportContext } from './provision-report/context.js';
import type { DocumentPlan } from './types.js';

/**
 * What a document made from a deal file reads besides the deal itself. Each is a build input: the
 * planner hashes it (a change rebuilds the document) and the pipeline resolves it before planning.
 * - `narrative`: the deal's Markdown body, parsed and checked (its images become inputs too);
 * - `catalog`: the product catalogue (data/catalog.yaml);
 * - `customer-ledger`: the deal customer's ledger rows up to the document date (its payment record).
 */
export type DealInput = 'narrative' | 'catalog' | 'customer-ledger';

/** Everything a deal document's plan function may read; optional parts only when declared in `inputs`. */
export interface DealDocumentInputs {
  /** The whole validated deal: a customer-facing document must project it itself (see proposalDeal). */
  deal: Deal;
  company: CompanyProfile;
  brandColor: string;
  /** Absolute path of the company logo, resolved inside the assets folder. */
  logo?: string;
  /** The document date (the deal's `date`, else SOURCE_DATE_EPOCH or today) and its instant for metadata. */
  date: IsoDate;
  created: Date;
  /** Credit-risk thresholds (config `method:`), else the method's defaults. */
  creditPolicy: CreditPolicy;
  /** `narrative`: the parsed body (empty when not declared or the deal has none). */
  narrative: RootContent[];
  /** `catalog`: the product catalogue, when there is one. */
  catalog?: Catalog;
  /** `customer-ledger`: the customer's payment record as of `date`, when the ledger has the customer. */
  payment?: CustomerPaymentRecord;
}

export interface PlannedDealDocument {
  plan: DocumentPlan;
  /** What the method or the document's own checks flag: an error keeps the last good output. */
  issues: readonly DealIssue[];
}

interface DocumentBase {
  /** Names the document in job ids (`<deal>/<id>`), the manifest, `--document` and the preview. */
  id: string;
  /** `templates/<template>.md.hbs` (its files and partials are build inputs). */
  template: string;
  /** For help and listings. */
  title: { en: string; zh: string };
  /** Formats it is written in; `xlsx` only for a document that has a workbook. */
  formats: readonly Format[];
}

/** One document per valid deal file, written to `<deal id>/…`. */
export interface DealDocumentType extends DocumentBase {
  per: 'deal';
  inputs: readonly DealInput[];
  /** Output path below out/, without the extension: `{deal}` is the deal's id. */
  output: `{deal}/${string}`;
  plan(inputs: DealDocumentInputs): Promise<PlannedDealDocument>;
}

/** What a ledger document's plan function reads: the computation as of one date, and its context. */
export interface LedgerDocumentInputs {
  result: ProvisionResult;
  context: ProvisionReportContext;
}

export interface PlannedLedgerDocument {
  /** False when its figures do not agree with each other: then nothing is written. */
  reconciled: boolean;
  mismatches: string[];
  plan(): DocumentPlan;
  workbook(): Workbook;
}

/** One document per report date of the ledger (each month end, or `--as-of`), in `receivables/…`. */
export interface LedgerDocumentType extends DocumentBase {
  per: 'report-date';
  inputs: readonly ['ledger'];
  /** Output path below out/, without the extension: `{period}` is `YYYY-MM` for a month end, else the date. */
  output: `receivables/{period}/${string}`;
  plan(inputs: LedgerDocumentInputs): Promise<PlannedLedgerDocument>;
}

export type DocumentType = DealDocumentType | LedgerDocumentType;

/** Every document dealdoc makes, in build order. One line each; each plan function lives in the document's folder and is loaded only when a document is planned. */
const BUILTIN = [
  { id: 'proposal', per: 'deal', template: 'proposal', inputs: ['narrative', 'catalog'], output: '{deal}/proposal', formats: ['pdf', 'docx'], title: { en: 'sales proposal', zh: '解决方案建议书' }, plan: async (i) => (await import('./proposal/document.js')).planProposalDocument(i) },
  { id: 'swot-brief', per: 'deal', template: 'swot-brief', inputs: ['catalog', 'customer-ledger'], output: '{deal}/swot-brief', formats: ['pdf', 'docx'], title: { en: 'internal SWOT brief', zh: '内部 SWOT 简报' }, plan: async (i) => (await import('./swot-brief/document.js')).planSwotBriefDocument(i) },
  { id: 'provision-report', per: 'report-date', template: 'provision-report', inputs: ['ledger'], output: 'receivables/{period}/provision-report', formats: ['pdf', 'docx', 'xlsx'], title: { en: 'receivables provisioning report', zh: '应收账款坏账准备月报' }, plan: async (i) => (await import('./provision-report/index.js')).buildProvisionReport(i.result, i.context) },
] as const satisfies readonly DocumentType[];

/** The id of a document dealdoc ships that is made from each deal. */
export type BuiltinDealDocumentId = Extract<(typeof BUILTIN)[number], { per: 'deal' }>['id'];

const registry: DocumentType[] = [...BUILTIN];

/** Every registered document, in build order. */
export function documentTypes(): readonly DocumentType[] {
  return registry;
}

/** The documents made from each deal file, in build order. */
export function dealDocumentTypes(): DealDocumentType[] {
  return registry.filter((d): d is DealDocumentType => d.per === 'deal');
}

/** The one document made per report date of the ledger (its job ids are `receivables/<period>`). */
export function ledgerDocumentType(): LedgerDocumentType {
  const found = registry.find((d): d is LedgerDocumentType => d.per === 'report-date');
  if (!found) throw new Error('no ledger document registered');
  return found;
}

export function documentType(id: string): DocumentType | undefined {
  return registry.find((d) => d.id === id);
}

/** Every format some document is written in, in registry order (pdf, docx, xlsx). */
export function registeredFormats(): Format[] {
  return [...new Set(registry.flatMap((d) => d.formats))];
}

/**
 * Add a document type at run time (a test proving one line is enough). Refuses an id already
 * taken, an id or output that would not be a plain path, and a second ledger document (its job ids
 * would clash with the provisioning report's). Returns a function that removes it again. Worker
 * threads load this module afresh, so only jobs run in this thread see it (a build of fewer than six
 * jobs, `--jobs 1`, the library from source): a shipped document is a line in BUILTIN.
 */
export function registerDocument(doc: DocumentType): () => void {
  if (!/^[a-z][a-z0-9-]{0,63}$/.test(doc.id)) throw new Error(`document id "${doc.id}" must be lower-case letters, digits and -`);
  if (documentType(doc.id)) throw new Error(`document "${doc.id}" is already registered`);
  if (!/^(\{deal\}|receivables\/\{period\})(\/[a-z0-9][a-z0-9-]*)+$/.test(doc.output)) throw new Error(`document "${doc.id}": output "${doc.output}" is not a plain path below {deal}/ or receivables/{period}/`);
  if (doc.per === 'report-date' && registry.some((d) => d.per === 'report-date')) throw new Error(`document "${doc.id}": only one document per report date is supported`);
  registry.push(doc);
  return () => {
    const at = registry.indexOf(doc);
    if (at >= 0) registry.splice(at, 1);
  };
}

/** `<deal>/…` or `receivables/<period>/…`: a document's output path below out/, without the extension. */
export function outputBase(doc: DocumentType, at: { dealId?: string; period?: string }): string {
  return doc.output.replace('{deal}', at.dealId ?? '{deal}').replace('{period}', at.period ?? '{period}');
}
