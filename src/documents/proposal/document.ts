/**
 * The proposal as a registered document (documents/registry.ts): from the whole validated deal to
 * its plan and the issues that keep it from the customer. The plan sees only the allow-listed
 * projection (`proposalDeal`); the checks that stop it read the whole deal here, outside the view.
 */
import { resolveQuoteItems } from '../../data/catalog.js';
import { lintDeal, lintProposal } from '../../domain/method/index.js';
import type { DealDocumentInputs, PlannedDealDocument } from '../registry.js';
import { planProposal, proposalDeal } from './index.js';

/** Refused (issues with errors) while the method or the catalogue finds errors. */
export function planProposalDocument(i: DealDocumentInputs): PlannedDealDocument {
  const plan = planProposal(proposalDeal(i.deal), { company: i.company, brandColor: i.brandColor, created: i.created, date: i.date, logo: i.logo, narrative: i.narrative, catalog: i.catalog });
  const items = resolveQuoteItems(i.deal.quote.items, i.deal.quote.currency, i.deal.locale, i.catalog);
  // The proposal reports what stops it from going to the customer; the brief reports the rest.
  return { plan, issues: [...lintDeal(i.deal, items).filter((x) => x.severity === 'error'), ...lintProposal(i.deal, items)] };
}
