/**
 * The internal SWOT brief as a registered document (documents/registry.ts), with the customer's
 * payment record from the same computation as the monthly report.
 */
import type { DealDocumentInputs, PlannedDealDocument } from '../registry.js';
import { planSwotBrief } from './plan.js';

export function planSwotBriefDocument(i: DealDocumentInputs): PlannedDealDocument {
  const plan = planSwotBrief(i.deal, { company: i.company, brandColor: i.brandColor, created: i.created, date: i.date, payment: i.payment, catalog: i.catalog, creditPolicy: i.creditPolicy });
  // Errors (an unknown SKU) stop the proposal, not the internal brief: here they are warnings at most.
  return { plan, issues: plan.issues.filter((x) => x.severity === 'warning') };
}
