/** Sections 4, 6, 7 and 8: the need tree, the SWOT grid, the action plan and the qualification verdict. */
import type { RootContent } from 'mdast';
import type { SwotEntry } from '../../domain/method/index.js';
import type { Callout, NeedTree, SwotGrid } from '../../tree/nodes.js';
import { needTreeNode } from '../need-tree.js';
import type { Brief } from './context.js';
import { colon } from './format.js';
import { callout, col, DASH, paragraph, table } from './nodes.js';

/** Products in the need tree name SKUs; the quote says what each SKU is called. */
export function needTree(b: Brief): NeedTree {
  const { deal, l } = b;
  const names = new Map(b.items.filter((i) => i.sku).map((i) => [i.sku!.toLowerCase(), i.name]));
  return needTreeNode(deal.needs, l.need, (sku) => names.get(sku.toLowerCase()) ?? sku);
}

export function swotGrid(b: Brief): SwotGrid {
  const { a, t } = b;
  const items = (entries: SwotEntry[]) => entries.map((e) => (e.source ? { text: t(e.text), source: t(e.source) } : { text: t(e.text) }));
  return {
    type: 'swotGrid',
    labels: b.l.swot,
    strengths: items(a.swot.strengths),
    weaknesses: items(a.swot.weaknesses),
    opportunities: items(a.swot.opportunities),
    threats: items(a.swot.threats),
  };
}

export function actionsTable(b: Brief): RootContent {
  const { l, t } = b;
  const rows = b.a.actions.map((a, i) => [
    String(i + 1),
    t(a.action),
    a.owner ?? DASH,
    a.due ?? DASH,
    a.addresses ? t(a.addresses) : DASH,
    a.done ? l.action.done : a.origin === 'deal' ? l.action.open : l.action.suggested,
  ]);
  return table(
    [col(l.action.number, 0.55, 'center'), col(l.action.action, 3), col(l.action.owner, 0.9), col(l.action.due, 1, 'center'), col(l.action.addresses, 2), col(l.action.status, 1, 'center')],
    rows,
    { dense: true },
  );
}

const VERDICT_TONE: Record<'qualified' | 'at_risk' | 'not_qualified', Callout['tone']> = { qualified: 'success', at_risk: 'warning', not_qualified: 'danger' };

export function qualificationNodes(b: Brief): RootContent[] {
  const { l, t, a } = b;
  const rows = a.qualification.answers.map((q) => [t(q.label), q.answer ?? l.qualification.unknown]);
  const verdict = a.qualification.verdict;
  return [
    table([col(l.qualification.question, 1), col(l.qualification.answer, 3)], rows),
    callout(VERDICT_TONE[verdict], colon(b.locale, l.qualification.verdictTitle, l.verdict[verdict]), [paragraph(t(a.qualification.reason))]),
  ];
}
