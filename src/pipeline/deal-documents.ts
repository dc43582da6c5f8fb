/** Deal files → their documents (proposal, SWOT brief): each document's plan from a validated deal. */
import { relative } from 'node:path';
import type { Deal } from '../data/deal-schema.js';
import { loadCatalog } from '../data/catalog.js';
import { dealSources, readDeal } from '../data/deals/read.js';
import { positionOf } from '../data/yaml-source.js';
import { DEFAULT_CREDIT_POLICY, lintDeal, lintProposal, type CreditPolicy, type DealIssue } from '../domain/method/index.js';
import { resolveQuoteItems } from '../data/catalog.js';
import { Diagnostic } from '../diagnostics.js';
import { planProposal, proposalDeal } from '../documents/proposal/index.js';
import { planSwotBrief } from '../documents/swot-brief/index.js';
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

export interface DealDocument {
  name: string;
  /** Template the document uses (its files are build inputs). */
  template: string;
  /** Whether the document reads the customer's ledger rows. */
  readsLedger: boolean;
  plan(deal: Deal, ctx: BuildContext): Promise<PlannedDocument>;
}

/** Method and catalogue issues as diagnostics pointing into the deal file. */
export function issueDiagnostics(deal: Deal, issues: readonly DealIssue[]): Diagnostic[] {
  const source = dealSources.get(deal);
  return issues.map((i) => {
    const pos = source ? positionOf(source, i.path) : undefined;
    const field = i.path.reduce<string>((acc, k) => (typeof k === 'number' ? `${acc}[${k}]` : acc ? `${acc}.${k}` : k), '');
    return new Diagnostic({ file: deal.path, line: pos?.line, column: pos?.column, rule: i.rule, severity: i.severity, field, message: i.message });
  });
}

export function creditPolicyOf(ctx: BuildContext): CreditPolicy {
  const m = ctx.config.method;
  return m ? { overdueDays: m.overdue_days, provisionShare: m.provision_share, minPrepayment: m.min_prepayment } : DEFAULT_CREDIT_POLICY;
}

export const DEAL_DOCUMENTS: DealDocument[] = [
  {
    name: 'proposal',
    template: 'proposal',
    readsLedger: false,
    async plan(deal, ctx) {
      const { date, created } = documentDate(deal.date, ctx.config, ctx.env);
      const narrative = narrativeNodes(deal, ctx.assetsDir);
      const { catalog } = await loadCatalog(ctx.dataDir, displayPath);
      // The proposal sees only the allow-listed projection of the deal (proposalDeal); the checks
      // that stop it from going to the customer read the whole deal here, outside the view.
      const plan = planProposal(proposalDeal(deal), { company: ctx.config.company, brandColor: ctx.config.brand_color, created, date, logo: ctx.logo, narrative: narrative.nodes, catalog });
      const items = resolveQuoteItems(deal.quote.items, deal.quote.currency, deal.locale, catalog);
      const issues = [...lintDeal(deal, items).filter((i) => i.severity === 'error'), ...lintProposal(deal, items)];
      // The proposal reports what stops it from going to the customer; the brief reports the rest.
      return { plan, diagnostics: [...narrative.diagnostics, ...issueDiagnostics(deal, issues)], deps: narrative.assets.map((a) => relative(ctx.dataDir, a)) };
    },
  },
  {
    name: 'swot-brief',
    template: 'swot-brief',
    readsLedger: true,
    async plan(deal, ctx) {
      const { date, created } = documentDate(deal.date, ctx.config, ctx.env);
      // The payment record is as of the brief's date, from the same computation as the monthly report.
      const payment = await paymentRecordFor(ctx, deal.customer.id, date);
      const { catalog } = await loadCatalog(ctx.dataDir, displayPath);
      const plan = planSwotBrief(deal, { company: ctx.config.company, brandColor: ctx.config.brand_color, created, date, payment, catalog, creditPolicy: creditPolicyOf(ctx) });
      // Errors (an unknown SKU) stop the proposal, not the internal brief: here they are warnings at most.
      const hash = modelHash(payment ?? null);
      return { plan, diagnostics: issueDiagnostics(deal, plan.issues.filter((i) => i.severity === 'warning')), deps: [], asOf: date, ...(hash ? { modelHash: hash } : {}) };
    },
  },
];

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
