/**
 * The customer's needs: the need tree (goal → problems → solutions, products, criteria) and,
 * per problem with purchase criteria, the table of how our offer meets each one
 * (slot `criteria-<n>`).
 */
import type { RootContent } from 'mdast';
import { criterionText } from '../../domain/deal.js';
import { namedCriteria, offerFor } from '../../domain/method/index.js';
import type { DataTable, NeedTree } from '../../tree/nodes.js';
import { needTreeNode } from '../need-tree.js';
import { productName, type ProposalEnv } from './env.js';

export function needTreeOf(env: ProposalEnv): NeedTree {
  return needTreeNode(env.deal.needs, env.L.needTree, (ref) => productName(env, ref));
}

/** Slot name → the criteria table of that problem (problems without criteria have none). */
export function criteriaTablesOf(env: ProposalEnv): Record<string, RootContent[]> {
  const { deal, L, zh, items } = env;
  const named = namedCriteria(deal);
  const tables: Record<string, RootContent[]> = {};
  let criterionIndex = 0;
  deal.needs.problems.forEach((p, i) => {
    if (!p.criteria.length) return;
    const offers = p.criteria.map(() => {
      const criterion = named[criterionIndex++];
      return criterion ? offerFor(criterion, items, deal.locale) : undefined;
    });
    const products = p.products.map((r) => productName(env, r)).join(zh ? '、' : ', ');
    const table: DataTable = {
      type: 'dataTable',
      columns: [
        { label: L.criteriaTable.criterion, width: 3 },
        { label: L.criteriaTable.products, width: 3 },
        { label: L.criteriaTable.response, width: 4 },
      ],
      // No filler: a criterion nobody answers prints alone (and `validate` warns).
      rows: p.criteria.map((c, j) => ({
        cells: [criterionText(c), products || '—', offers[j]?.text ?? ''],
      })),
    };
    tables[`criteria-${i + 1}`] = [table];
  });
  return tables;
}
