/**
 * The need-oriented proposal (customer-facing). Its view is built field by field from the
 * customer-facing parts of the deal — contacts' personal information, styles, attitudes,
 * competitors, qualification answers and internal notes never enter it, so no template
 * (ours or a user's override) can print them. Each part of the document is a small function
 * of one `ProposalEnv` (env.ts): cover, needs, quote, summary, terms, the view.
 */
import type { DocMeta } from '../../tree/nodes.js';
import { STAGES, type Deal } from '../../domain/deal.js';
import type { DocumentPlan } from '../types.js';
import { coverOf } from './cover.js';
import { proposalEnv, type ProposalContext, type ProposalEnv } from './env.js';
import { criteriaTablesOf, needTreeOf } from './needs.js';
import { quoteTableOf } from './quote.js';
import { summaryBoxOf, summaryOf } from './summary.js';
import { acceptanceOf } from './terms.js';
import { viewOf } from './view-model.js';
import type { ProposalDeal } from './view.js';

export { proposalDeal, PROPOSAL_VIEW_KEYS, type ProposalDeal, type ProposalView } from './view.js';
export type { ProposalContext } from './env.js';

/** A proposal before the customer evaluates offers is a draft, unless the deal says it is final. */
function isDraft(deal: Pick<Deal, 'proposal' | 'stage'>): boolean {
  return !deal.proposal.final && STAGES.indexOf(deal.stage) < STAGES.indexOf('evaluation');
}

/** `deal` is the allow-listed projection (`proposalDeal`): internal fields are not even in scope. */
export function planProposal(deal: ProposalDeal, ctx: ProposalContext): DocumentPlan {
  return planFromEnv(proposalEnv(deal, ctx));
}

/** The plan from an environment already made (proposal/document.ts also lints its resolved lines). */
export function planFromEnv(env: ProposalEnv): DocumentPlan {
  const { deal, ctx } = env;
  const summary = summaryOf(env);
  return {
    template: 'proposal',
    locale: deal.locale,
    view: viewOf(env, summary) as unknown as Record<string, unknown>,
    slots: {
      cover: [coverOf(env)],
      'need-tree': [needTreeOf(env)],
      quote: [quoteTableOf(env)],
      narrative: ctx.narrative,
      acceptance: [acceptanceOf(env)],
      summary: [summaryBoxOf(env, summary)],
      ...criteriaTablesOf(env),
    },
    meta: metaOf(env),
  };
}

/** Writer metadata: running header and footer, document properties, the draft watermark. */
function metaOf({ deal, ctx, L, seller, customer }: ProposalEnv): DocMeta {
  return {
    title: deal.title,
    locale: deal.locale,
    header: { left: seller, right: deal.title },
    footer: { confidentiality: L.confidentiality(customer), pageLabel: L.pageLabel },
    orientation: 'portrait',
    brandColor: ctx.brandColor,
    author: `${deal.rep.name} · ${seller}`,
    subject: `${L.kicker} — ${customer}`,
    keywords: [customer, seller],
    created: ctx.created,
    ...(isDraft(deal) ? { draft: L.draft } : {}),
  };
}
