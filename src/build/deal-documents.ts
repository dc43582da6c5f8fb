/** Deal files → their documents (proposal, SWOT brief): each document's plan from a validated deal. */
import { relative } from 'node:path';
import type { Deal } from '../data/deal-schema.js';
import { readDeal } from '../data/deals/read.js';
import { Diagnostic } from '../diagnostics.js';
import { planProposal } from '../documents/proposal/index.js';
import { planSwotBrief } from '../documents/swot-brief/index.js';
import type { DocumentPlan } from '../documents/types.js';
import type { BuildContext } from './context.js';
import { documentDate } from './dates.js';
import { discoverDeals, displayPath, idClashes } from './deals.js';
import { fsDiagnostic, isFsError } from './fs-errors.js';
import { narrativeNodes } from './narrative.js';
import { paymentRecordFor } from './reports.js';

export interface PlannedDocument {
  plan: DocumentPlan;
  diagnostics: Diagnostic[];
  /** Files read besides the deal file (relative to the data folder), recorded for rebuilds. */
  deps: string[];
  /** As-of date of the ledger figures the document shows, if any. */
  asOf?: string;
}

export interface DealDocument {
  name: string;
  /** Template the document uses (its files are build inputs). */
  template: string;
  /** Whether the document reads the customer's ledger rows. */
  readsLedger: boolean;
  plan(deal: Deal, ctx: BuildContext): Promise<PlannedDocument>;
}

export const DEAL_DOCUMENTS: DealDocument[] = [
  {
    name: 'proposal',
    template: 'proposal',
    readsLedger: false,
    async plan(deal, ctx) {
      const { date, created } = documentDate(deal.date, ctx.config, ctx.env);
      const narrative = narrativeNodes(deal, ctx.assetsDir);
      const plan = planProposal(deal, { company: ctx.config.company, brandColor: ctx.config.brand_color, created, date, logo: ctx.logo, narrative: narrative.nodes });
      return { plan, diagnostics: narrative.diagnostics, deps: narrative.assets.map((a) => relative(ctx.dataDir, a)) };
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
      const plan = planSwotBrief(deal, { company: ctx.config.company, brandColor: ctx.config.brand_color, created, date, payment });
      return { plan, diagnostics: [], deps: [], asOf: date };
    },
  },
];

export async function loadDeals(ctx: BuildContext): Promise<{ deals: Deal[]; diagnostics: Diagnostic[] }> {
  const files = await discoverDeals(ctx.dataDir);
  const diagnostics: Diagnostic[] = [];
  const deals: Deal[] = [];
  const results = await Promise.all(
    files.map((f) => readDeal(f, displayPath(f), { defaultLocale: ctx.config.locale }).catch((e: unknown): { deal?: Deal; diagnostics: Diagnostic[] } => {
      if (!isFsError(e)) throw e;
      return { diagnostics: [fsDiagnostic(e, f)] };
    })),
  );
  for (const r of results) diagnostics.push(...r.diagnostics);
  const ok = results.flatMap((r, i) => (r.deal ? [{ deal: r.deal, path: files[i] }] : []));
  const clashes = idClashes(ok.map((o) => ({ id: o.deal.id, file: o.deal.path, path: o.path })));
  diagnostics.push(...clashes.diagnostics);
  for (const o of ok) if (!clashes.contested.has(o.deal.id)) deals.push(o.deal);
  return { deals, diagnostics };
}
