/** The executive summary: goal, our solution in one paragraph, the investment and the benefit — as view fields and as the boxed callout (slot `summary`). */
import type { Paragraph } from 'mdast';
import { formatMoney, rmbUppercase } from '../../domain/money.js';
import type { Callout } from '../../tree/nodes.js';
import type { ProposalEnv } from './env.js';
import type { ProposalView } from './view.js';

export function summaryOf({ deal, L, zh, quote, currency }: ProposalEnv): ProposalView['summary'] {
  const investment = `${currency === 'CNY' ? '¥' : `${currency} `}${formatMoney(quote.total)}`;
  return {
    goal: deal.needs.goal,
    // Solutions that end with their own full stop do not get a second one.
    solution: deal.proposal.summary ?? deal.needs.problems.map((p) => p.solution.replace(/[。.；;，,\s]+$/u, '')).join(zh ? '；' : '; ') + (zh ? '。' : '.'),
    // "Total (incl. tax)" → "(incl. tax)": the label brings its own parentheses.
    investment: zh ? `${investment}（含税${currency === 'CNY' ? `，${rmbUppercase(quote.total)}` : ''}）` : `${investment} ${L.total.replace(/^Total /, '')}`,
    benefit: deal.proposal.benefit,
  };
}

export function summaryBoxOf({ L, zh }: ProposalEnv, summary: ProposalView['summary']): Callout {
  const label = (l: string, v: string): Paragraph => ({ type: 'paragraph', children: [{ type: 'strong', children: [{ type: 'text', value: zh ? `${l}：` : `${l}:` }] }, { type: 'text', value: zh ? v : ` ${v}` }] });
  return {
    type: 'callout',
    tone: 'info',
    children: [
      label(L.summary.goal, summary.goal),
      label(L.summary.solution, summary.solution),
      label(L.summary.investment, summary.investment),
      ...(summary.benefit ? [label(L.summary.benefit, summary.benefit)] : []),
    ],
  };
}
