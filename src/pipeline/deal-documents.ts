/**
 * Deal files → their documents: resolves what a registered deal document declares it reads
 * (documents/registry.ts: narrative, catalogue, the customer's ledger rows), calls its plan
 * function, and turns what its checks flag into diagnostics pointing into the deal file.
 * Also `validate`'s reading of every deal.
 */
import { relative } from 'node:path';
import type { Deal } from '../data/deal-schema.js';
import { loadCatalog } from '../data/catalog.js';
import { dealSources, readDeal } from '../data/deals/read.js';
import { positionOf, type YamlSource } from '../data/yaml-source.js';
import { DEFAULT_CREDIT_POLICY, lintDeal, lintProposal, type CreditPolicy, type DealIssue } from '../domain/method/index.js';
import { resolveQuoteItems } from '../data/catalog.js';
import { Diagnostic } from '../diagnostics.js';
import { dealDocumentTypes, documentType, type DealDocumentType } from '../documents/registry.js';
import type { DocumentPlan } from '../documents/types.js';
import type { BuildContext } from './context.js';
import { documentDate } from './dates.js';
import { discoverDeals, displayPath, idClashes } from './deals.js';
import { fsDiagnostic, isFsError } from './fs-errors.js';
import { modelHash } from './hash.js';
import { narrativeNodes } from './narrative.js';
import { paymentRecordFor } from './reports.js';

export interface PlannedDocument {
  plan: DocumentPlan;
  diagnostics: Diagnostic[];
  /** Files read besides the deal file (relative to the data folder), recorded for rebuilds. */
  deps: string[];
  /** As-of date of the ledger figures the document shows, if any. */
  asOf?: string;
  /** Hash of the ledger figures the document shows (the brief's payment record), if it reads the ledger. */
  modelHash?: string;
}

type Position = ReturnType<typeof positionOf>;
/** Positions already looked up in a deal's source, by field path (its documents flag the same fields). */
const positions = new WeakMap<YamlSource, Map<string, Position>>();

/** Method and catalogue issues as diagnostics pointing into the deal file. */
function issueDiagnostics(deal: Deal, issues: readonly DealIssue[]): Diagnostic[] {
  const source = dealSources.get(deal);
  let known = source ? positions.get(source) : undefined;
  if (source && !known) positions.set(source, (known = new Map()));
  return issues.map((i) => {
    const field = i.path.reduce<string>((acc, k) => (typeof k === 'number' ? `${acc}[${k}]` : acc ? `${acc}.${k}` : k), '');
    let pos: Position;
    if (source && known && !i.path.some((k) => typeof k === 'symbol')) {
      const key = JSON.stringify(i.path);
      if (known.has(key)) pos = known.get(key);
      else known.set(key, (pos = positionOf(source, i.path)));
    } else if (source) pos = positionOf(source, i.path);
    return new Diagnostic({ file: deal.path, line: pos?.line, column: pos?.column, rule: i.rule, severity: i.severity, field, message: i.message });
  });
}

function creditPolicyOf(ctx: BuildContext): CreditPolicy {
  const m = ctx.config.method;
  return m ? { overdueDays: m.overdue_days, provisionShare: m.provision_share, minPrepayment: m.min_prepayment } : DEFAULT_CREDIT_POLICY;
}

/** The registered document made from each deal with this id (`proposal`, `swot-brief`…). */
export function dealDocument(id: string): DealDocumentType {
  const doc = documentType(id);
  if (doc?.per !== 'deal') throw new RangeError(`unknown document "${id}" (${dealDocumentTypes().map((d) => d.id).join(', ')})`);
  return doc;
}

/** One deal document's plan: its declared inputs resolved, its plan function called, its issues as diagnostics. */
export async function planDealDocument(doc: DealDocumentType, deal: Deal, ctx: BuildContext): Promise<PlannedDocument> {
  const { date, created } = documentDate(deal.date, ctx.config, ctx.env);
  const reads = new Set(doc.inputs);
  const narrative = reads.has('narrative') ? narrativeNodes(deal, ctx.assetsDir) : { nodes: [], diagnostics: [], assets: [] };
  const catalog = reads.has('catalog') ? (await loadCatalog(ctx.dataDir, displayPath)).catalog : undefined;
  // The payment record is as of the document's date, from the same computation as the monthly report.
  const payment = reads.has('customer-ledger') ? await paymentRecordFor(ctx, deal.customer.id, date) : undefined;
  const planned = await doc.plan({ deal, company: ctx.config.company, brandColor: ctx.config.brand_color, logo: ctx.logo, date, created, creditPolicy: creditPolicyOf(ctx), narrative: narrative.nodes, catalog, payment });
  const result: PlannedDocument = {
    plan: planned.plan,
    diagnostics: [...narrative.diagnostics, ...issueDiagnostics(deal, planned.issues)],
    deps: narrative.assets.map((a) => relative(ctx.dataDir, a)),
  };
  if (reads.has('customer-ledger')) {
    result.asOf = date;
    const hash = modelHash(payment ?? null, ctx.dataDir);
    if (hash) result.modelHash = hash;
  }
  return result;
}

export async function loadDeals(ctx: BuildContext): Promise<{ deals: Deal[]; diagnostics: Diagnostic[] }> {
  const files = await discoverDeals(ctx.dataDir);
  const diagnostics: Diagnostic[] = [];
  const deals: Deal[] = [];
  const results = await Promise.all(
    files.map((f) => readDeal(f, displayPath(f), { defaultLocale: ctx.config.locale, fonts: ctx.fonts }).catch((e: unknown): { deal?: Deal; diagnostics: Diagnostic[] } => {
      if (!isFsError(e)) throw e;
      return { diagnostics: [fsDiagnostic(e, f)] };
    })),
  );
  const { catalog, diagnostics: catalogDiagnostics } = await loadCatalog(ctx.dataDir, displayPath);
  diagnostics.push(...catalogDiagnostics);
  const ok: { deal: Deal; path: string }[] = [];
  for (const [i, r] of results.entries()) {
    diagnostics.push(...r.diagnostics);
    if (!r.deal) continue;
    // validate: the method's and the catalogue's checks, the proposal's refusals, and credit terms.
    const items = resolveQuoteItems(r.deal.quote.items, r.deal.quote.currency, r.deal.locale, catalog);
    const { date } = documentDate(r.deal.date, ctx.config, ctx.env);
    const payment = await paymentRecordFor(ctx, r.deal.customer.id, date).catch(() => undefined);
    const { computeQuote } = await import('../domain/quote.js');
    const { assessCredit } = await import('../domain/method/index.js');
    const credit = assessCredit(payment, computeQuote({ tax_rate: r.deal.quote.tax_rate, items }).total, creditPolicyOf(ctx));
    const issues = [...lintDeal(r.deal, items, credit), ...lintProposal(r.deal, items)];
    const printed = new Set<string>();
    diagnostics.push(...issueDiagnostics(r.deal, issues).filter((d) => (printed.has(d.format()) ? false : (printed.add(d.format()), true))));
    ok.push({ deal: r.deal, path: files[i]! });
  }
  const clashes = idClashes(ok.map((o) => ({ id: o.deal.id, file: o.deal.path, path: o.path })));
  diagnostics.push(...clashes.diagnostics);
  for (const o of ok) if (!clashes.contested.has(o.deal.id)) deals.push(o.deal);
  return { deals, diagnostics };
}
