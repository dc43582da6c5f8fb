/** The internal SWOT brief: where the deal stands, what is missing, and what to do before the presentation. */
export type { SwotBriefContext } from './context.js';
export { planSwotBrief, SWOT_BRIEF_TEMPLATE } from './plan.js';
export { briefLabels, type BriefLabels } from './labels.js';
