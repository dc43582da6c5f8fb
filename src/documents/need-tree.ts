/**
 * The need tree both deal documents draw (proposal and SWOT brief): goal → problems → the
 * solution, the products and the purchase criteria of each. Documents differ only in how a
 * product reference is named, so that is the one thing passed in.
 */
import { criterionText, type DealData } from '../domain/deal.js';
import type { NeedTree } from '../tree/nodes.js';

export function needTreeNode(needs: DealData['needs'], labels: NeedTree['labels'], productName: (ref: string) => string): NeedTree {
  return {
    type: 'needTree',
    labels,
    goal: needs.goal,
    problems: needs.problems.map((p) => ({
      problem: p.problem,
      solution: p.solution,
      products: p.products.map(productName),
      criteria: p.criteria.map(criterionText),
    })),
  };
}
