/**
 * Checks of a deal against the method and the catalogue, as issues with field paths (the
 * caller maps them to `path:line:col`): criteria nobody answers, discounts below the price
 * floor, too little prepayment from a credit-risk customer, and — for the customer-facing
 * proposal — unfilled scaffold placeholders and lines without a price.
 */
import type { PricedItem } from '../catalog.js';
import type { Deal } from '../deal.js';
import { Decimal, formatPercent } from '../money.js';
import type { CreditAssessment } from './credit.js';
import { prepaymentShare } from './credit.js';
import { offerFor } from './offer.js';
import { namedCriteria } from './swot.js';

export interface DealIssue {
  path: (string | number)[];
  message: string;
  severity: 'error' | 'warning';
  rule: string;
}

/** The catalogue discount a line gives against its list price (the deal's own price counts). */
export function effectiveDiscount(item: PricedItem): Decimal | undefined {
  const list = item.listPrice;
  if (!list || list.isZero()) return undefined;
  const net = item.unit_price.times(new Decimal(1).minus(item.discount ?? 0));
  return new Decimal(1).minus(net.div(list));
}

/** Lines whose price is below the floor a rep may give without approval. */
export function belowFloor(items: readonly PricedItem[]): { index: number; item: PricedItem; discount: Decimal; max: Decimal }[] {
  return items.flatMap((item, index) => {
    const d = effectiveDiscount(item);
    const max = item.catalogued?.max_discount;
    return d !== undefined && max !== undefined && d.gt(max) ? [{ index, item, discount: d, max }] : [];
  });
}

/** Issues every document shares (validate, brief and proposal builds). */
export function lintDeal(deal: Deal, items: readonly PricedItem[], credit?: CreditAssessment): DealIssue[] {
  const out: DealIssue[] = [];
  const named = namedCriteria(deal);
  let n = 0;
  deal.needs.problems.forEach((p, i) =>
    p.criteria.forEach((_, j) => {
      const c = named[n++]; // one named criterion per criterion, in the same order
      if (c && !offerFor(c, items, deal.locale))
        out.push({
          path: ['needs', 'problems', i, 'criteria', j],
          severity: 'warning',
          rule: 'method/no-response',
          message: c.key
            ? `purchase criterion "${c.text}" has no response, and no quoted product's catalogue entry has a specification "${c.key}": the proposal prints it alone — write how we meet it (response:) or fix the key (one of the catalogue's specs[].criterion)`
            : `purchase criterion "${c.text}" has no response and no catalogue specification: the proposal prints it alone — write how we meet it (response:) or give it a catalogue key (key:)`,
        });
    }),
  );
  for (const b of belowFloor(items))
    out.push({ path: ['quote', 'items', b.index, b.item.unit_price && deal.quote.items[b.index]?.discount ? 'discount' : 'unit_price'], severity: 'warning', rule: 'method/price-floor', message: `${b.item.sku}: ${formatPercent(b.discount, 2)} off the list price is below the floor (at most ${formatPercent(b.max)} without approval): needs approval` });
  deal.quote.items.forEach((raw, i) => {
    const item = items[i]; // `items` resolves the quote's lines one for one
    if (!item) return;
    if (raw.sku && !item.catalogued && (raw.name === undefined || raw.unit_price === undefined))
      out.push({ path: ['quote', 'items', i, 'sku'], severity: 'error', rule: 'catalog/unknown-sku', message: `SKU "${raw.sku}" is not in the catalogue: give name and unit_price in the deal, or add the SKU to data/catalog.yaml` });
    else if (raw.sku && item.catalogued && item.unresolved.includes('unit_price'))
      // The catalogue is in another currency than the quote: its list price cannot be used.
      out.push({ path: ['quote', 'items', i, 'sku'], severity: 'error', rule: 'catalog/currency', message: `SKU "${raw.sku}": the catalogue's list price is not in ${deal.quote.currency}: give unit_price in ${deal.quote.currency} in the deal` });
    else if (!raw.sku && (raw.name === undefined || raw.unit_price === undefined))
      out.push({ path: ['quote', 'items', i], severity: 'error', rule: 'schema', message: 'a quote line needs a catalogue sku, or a name and a unit_price' });
  });
  if (credit?.risk) {
    const share = prepaymentShare(deal.quote.payment_terms);
    if (share !== undefined && share.lt(credit.policy.minPrepayment))
      out.push({
        path: ['quote', 'payment_terms'],
        severity: 'warning',
        rule: 'method/credit-terms',
        message: `the customer has overdue receivables, but the payment terms ask only ${formatPercent(share)} prepayment (at least ${formatPercent(credit.policy.minPrepayment)} for a credit-risk customer)`,
      });
  }
  return out;
}

const PLACEHOLDER = /（(客户简称|客户全称|销售代表|客户的业务目标|客户面临的问题|我们的解决方案|产品名称|客户名称)）|\((customer|customer name|sales rep|the customer's business goal|a problem the customer faces|our solution|item)\)/i;

/** Errors that keep a proposal from going to a customer: unfilled scaffold text, lines without a price. */
export function lintProposal(deal: Deal, items: readonly PricedItem[]): DealIssue[] {
  const out: DealIssue[] = [];
  const check = (path: (string | number)[], value: string | undefined) => {
    if (value !== undefined && PLACEHOLDER.test(value)) out.push({ path, severity: 'error', rule: 'proposal/placeholder', message: `unfilled placeholder "${PLACEHOLDER.exec(value)![0]}" in a customer-facing document` });
  };
  check(['title'], deal.title);
  check(['subtitle'], deal.subtitle);
  check(['rep', 'name'], deal.rep.name);
  check(['customer', 'name'], deal.customer.name);
  check(['customer', 'short_name'], deal.customer.short_name);
  check(['needs', 'goal'], deal.needs.goal);
  deal.needs.problems.forEach((p, i) => {
    check(['needs', 'problems', i, 'problem'], p.problem);
    check(['needs', 'problems', i, 'solution'], p.solution);
    check(['needs', 'problems', i, 'impact'], p.impact);
    p.criteria.forEach((c, j) => {
      if (typeof c === 'string') check(['needs', 'problems', i, 'criteria', j], c);
      else {
        check(['needs', 'problems', i, 'criteria', j, 'criterion'], c.criterion);
        check(['needs', 'problems', i, 'criteria', j, 'response'], c.response);
      }
    });
  });
  deal.why_us.forEach((w, i) => {
    check(['why_us', i, 'point'], w.point);
    check(['why_us', i, 'detail'], w.detail);
  });
  deal.next_steps.forEach((n, i) => check(['next_steps', i, 'step'], n.step));
  for (const t of ['payment_terms', 'delivery', 'warranty', 'notes'] as const) check(['quote', t], deal.quote[t]);
  deal.quote.items.forEach((raw, i) => {
    check(['quote', 'items', i, 'name'], raw.name);
    const item = items[i];
    if (item && item.unit_price.isZero() && item.unresolved.length === 0)
      out.push({ path: ['quote', 'items', i, 'unit_price'], severity: 'error', rule: 'proposal/zero-price', message: `unit price 0.00 for "${item.name}" in a customer-facing quote: give the price (or leave the line out)` });
  });
  check(['proposal', 'summary'], deal.proposal.summary);
  check(['body'], deal.body);
  return out;
}
