/**
 * The company's consultative selling method as data and pure rules: the buying stages, the
 * roles and communication styles, information completeness, the SWOT analysis, the five
 * qualification questions and the action plan. No files, no formatting.
 */
import type { Deal } from '../deal.js';
import type { IsoDate } from '../dates.js';
import { planActions, type PlannedAction } from './actions.js';
import type { PricedItem } from '../catalog.js';
import type { CreditAssessment } from './credit.js';
import { offerFor } from './offer.js';
import { assessCompleteness, type Completeness } from './gaps.js';
import { qualify, type Qualification } from './qualification.js';
import { stageInfo, type StageInfo } from './stages.js';
import { buildSwot, type Swot } from './swot.js';

export * from './actions.js';
export * from './gaps.js';
export * from './credit.js';
export * from './known-value.js';
export * from './lint.js';
export * from './offer.js';
export * from './qualification.js';
export * from './roles.js';
export * from './stages.js';
export * from './styles.js';
export * from './swot.js';
export * from './text.js';

export interface DealAssessment {
  stage: StageInfo;
  completeness: Completeness;
  swot: Swot;
  qualification: Qualification;
  actions: PlannedAction[];
  /** The customer's receivables as the method reads them (when the ledger knows the customer). */
  credit?: CreditAssessment;
}

/** Everything the method says about a deal as of `date` (the document date). */
export function assessDeal(deal: Deal, date: IsoDate, credit?: CreditAssessment, items?: readonly PricedItem[]): DealAssessment {
  const completeness = assessCompleteness(deal, date);
  const swot = buildSwot(deal, credit, items ? (c) => offerFor(c, items, deal.locale)?.text : undefined);
  return {
    stage: stageInfo(deal.stage),
    completeness,
    swot,
    qualification: qualify(deal, credit),
    actions: planActions({ deal, date, gaps: completeness.gaps, swot, credit }),
    credit,
  };
}
