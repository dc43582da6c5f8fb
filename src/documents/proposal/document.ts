/**
 * The proposal as a registered document (documents/registry.ts): from the whole validated deal to
 * its plan and the issues that keep it from the customer. The plan sees only the allow-listed
 * projection (`proposalDeal`); the checks that stop it read the whole deal here, outside the view.
 */
import { lintDeal, lintProposal } from '../../domain/method/index.js';
import type { DealDocumentInputs, PlannedDealDocument } from '../registry.js';
import { proposalEnv } from './env.js';
import { planFromEnv, proposalDeal } from './index.js';

/** Refused (issues with errors) while the method or the catalogue finds errors. */
export function planProposalDocument(i: DealDocumentInputs): PlannedDealDocument {
  const env = proposalEnv(proposalDeal(i.deal), { company: i.company, brandColor: i.brandColor, created: i.created, date: i.date, logo: i.logo, narrative: i.narrative, catalog: i.catalog });
  const plan = planFromEnv(env);
  // The quote lines as resolved for the plan (the projection keeps the quote whole).
  const { items } = env;
  // The proposal reports what stops it from going to the customer; the brief reports the rest.
  return { plan, issues: [...lintDeal(i.deal, items).filter((x) => x.severity === 'error'), ...lintProposal(i.deal, items)] };
}
