/** Section 1: the deal at a glance and where it stands in the customer's buying process. */
import type { RootContent } from 'mdast';
import { formatDateLong } from '../../domain/dates.js';
import { PHASE_LABELS, ROLE_INFO, STAGE_ORDER, STAGE_INFO } from '../../domain/method/index.js';
import { formatMoney } from '../../domain/money.js';
import { computeQuote } from '../../domain/quote.js';
import type { Brief } from './context.js';
import { colon, paren, spaced } from './format.js';
import { callout, col, DASH, labelled, table } from './nodes.js';

export function glanceNodes(b: Brief): RootContent[] {
  const { deal, l, t, locale } = b;
  const q = computeQuote(deal.quote);
  const cur = deal.quote.currency;
  const stage = b.a.stage;
  const profile = [deal.customer.industry, deal.customer.scale].filter(Boolean).join(' / ');
  const next = deal.next_steps[0];
  const rows: [string, string][] = [
    [l.glance.project, deal.title],
    [l.glance.customer, deal.customer.name],
    [l.glance.industry, profile || DASH],
    [l.glance.rep, [deal.rep.name, deal.rep.title].filter(Boolean).join(locale === 'zh-CN' ? '，' : ', ')],
    [l.glance.stage, paren(locale, t(stage.label), t(PHASE_LABELS[stage.phase]))],
    [l.glance.quoteTotal, `${cur} ${formatMoney(q.total)}`],
    [l.glance.quoteSplit, `${formatMoney(q.subtotal)} / ${formatMoney(q.tax)}`],
    [l.glance.validUntil, deal.quote.valid_until ? formatDateLong(deal.quote.valid_until, locale) : DASH],
    [l.glance.documentDate, formatDateLong(b.ctx.date, locale)],
  ];
  if (next) rows.push([l.glance.nextStep, [next.step, next.date, next.owner].filter(Boolean).join(' · ')]);
  return [table([col(l.glance.field, 1), col(l.glance.value, 3)], rows)];
}

/** The six stages with the current one marked, then the current stage's sales action. */
export function processNodes(b: Brief): RootContent[] {
  const { l, t } = b;
  const current = b.a.stage;
  const rows = STAGE_ORDER.map((id) => {
    const s = STAGE_INFO[id];
    const status = s.number < current.number ? l.stage.done : s.number === current.number ? l.stage.current : l.stage.ahead;
    return [String(s.number), t(s.label), t(PHASE_LABELS[s.phase]), t(ROLE_INFO[s.leader].label), status];
  });
  const stages = table([col(l.stage.number, 0.5, 'center'), col(l.stage.stage, 1.6), col(l.stage.phase, 1.2), col(l.stage.leader, 1.2), col(l.stage.status, 0.8, 'center')], rows);
  const step = current.step;
  const loc = b.locale;
  const detail = callout('info', colon(loc, l.stage.currentTitle, `${t(current.label)} · ${t(ROLE_INFO[current.leader].label)}`), [
    labelled(l.stage.customer, spaced(loc, t(current.customer))),
    labelled(l.stage.action, spaced(loc, t(current.action))),
    labelled(l.stage.endsWhen, spaced(loc, t(current.endsWhen))),
    labelled(l.stage.step, spaced(loc, l.stepName(step.number, t(step.label)))),
    labelled(l.stage.stepStart, spaced(loc, t(step.start))),
    labelled(l.stage.stepEnd, spaced(loc, t(step.end))),
  ]);
  return [stages, detail];
}
