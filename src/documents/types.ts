/**
 * A document module turns validated data into a DocumentPlan (defined by its consumer,
 * compose/document-plan.ts). Documents know nothing of PDF versus DOCX; the pipeline composes
 * the plan into one tree (compose/) and hands that tree to every writer.
 */
export type { DocumentPlan } from '../compose/document-plan.js';
