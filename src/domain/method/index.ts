/**
 * The company's consultative selling method as data and pure rules: the buying stages, the
 * roles and communication styles, information completeness, the SWOT analysis, the five
 * qualification questions and the action plan. No files, no formatting.
 */
import type { Deal } from '../../data/deal-schema.js';
import type { IsoDate } from '../dates.js';
import { planActions, type PlannedAction } from './actions.js';
import { assessCompleteness, type Completeness } from './gaps.js';
import { qualify, type Qualification } from './qualification.js';
import { stageInfo, type StageInfo } from './stages.js';
import { buildSwot, type Swot } from './swot.js';

export * from './actions.js';
export * from './gaps.js';
export * from './match.js';
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
}

/** Everything the method says about a deal as of `date` (the document date). */
export function assessDeal(deal: Deal, date: IsoDate): DealAssessment {
  const completeness = assessCompleteness(deal, date);
  const swot = buildSwot(deal);
  return {
    stage: stageInfo(deal.stage),
    completeness,
    swot,
    qualification: qualify(deal),
    actions: planActions(deal, completeness.gaps, swot),
  };
}
