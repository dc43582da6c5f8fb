/**
 * Deal (+ the customer's payment record) → DocumentPlan for the internal SWOT brief.
 * The method (domain/method) decides what the deal means; this module only arranges it into
 * nine sections: values for the template, drawn nodes and tables for its slots.
 */
import type { RootContent } from 'mdast';
import type { Deal } from '../../data/deal-schema.js';
import { formatDateLong } from '../../domain/dates.js';
import { resolveQuoteItems } from '../../data/catalog.js';
import { assessCredit, assessDeal, lintDeal, type DealIssue } from '../../domain/method/index.js';
import { computeQuote } from '../../domain/quote.js';
import type { DocMeta } from '../../tree/nodes.js';
import type { DocumentPlan } from '../types.js';
import { actionsTable, needTree, qualificationNodes, swotGrid } from './analysis.js';
import { competitorViews } from './competition.js';
import { completenessTable, gapsCallout } from './completeness.js';
import type { Brief, SwotBriefContext } from './context.js';
import { decisionLabels, decisionNodes, offerTable } from './decision.js';
import { detailNodes, glanceNodes, processNodes } from './glance.js';
import { briefLabels } from './labels.js';
import { paymentNodes } from './payment.js';
import { contactsTable, peopleMap, styleViews } from './people.js';

export const SWOT_BRIEF_TEMPLATE = 'swot-brief';

export function planSwotBrief(deal: Deal, ctx: SwotBriefContext): DocumentPlan & { issues: DealIssue[] } {
  const locale = deal.locale;
  const l = briefLabels(locale);
  const items = resolveQuoteItems(deal.quote.items, deal.quote.currency, locale, ctx.catalog);
  const total = computeQuote({ tax_rate: deal.quote.tax_rate, items }).total;
  const credit = assessCredit(ctx.payment, total, ctx.creditPolicy);
  const a = assessDeal(deal, ctx.date, credit, items);
  const b: Brief = { deal, ctx, locale, l, a, items, issues: lintDeal(deal, items, credit), t: (text) => text[locale] };
  const customer = deal.customer.short_name ?? deal.customer.name;
  const competition = competitorViews(b);
  const styles = styleViews(b);

  const slots: Record<string, RootContent[]> = {
    decision: decisionNodes(b),
    glance: [...glanceNodes(b), ...detailNodes(b)],
    offer: [offerTable(b)],
    process: processNodes(b),
    gaps: [gapsCallout(b)],
    completeness: [completenessTable(b)],
    'people-map': [peopleMap(b)],
    contacts: deal.contacts.length ? [contactsTable(b)] : [],
    'need-tree': [needTree(b)],
    ...styles.slots,
    ...competition.slots,
    swot: [swotGrid(b)],
    actions: [actionsTable(b)],
    qualification: qualificationNodes(b),
    payment: ctx.payment ? paymentNodes(b, ctx.payment) : [],
  };

  const view = {
    l,
    decisionHeading: decisionLabels(b).section,
    title: l.title(customer),
    kicker: l.kicker,
    intro: l.intro(deal.rep.name, formatDateLong(ctx.date, locale)),
    hasContacts: deal.contacts.length > 0,
    styles: styles.views,
    competitors: competition.views,
    hasPayment: ctx.payment !== undefined,
  };

  return { template: SWOT_BRIEF_TEMPLATE, locale, view, slots, meta: briefMeta(deal, ctx, customer), issues: b.issues };
}

function briefMeta(deal: Deal, ctx: SwotBriefContext, customer: string): DocMeta {
  const l = briefLabels(deal.locale);
  const company = deal.locale === 'en' ? (ctx.company.name_en ?? ctx.company.name) : ctx.company.name;
  return {
    title: l.title(customer),
    locale: deal.locale,
    header: { left: company, right: l.headerRight(customer) },
    footer: { confidentiality: l.confidentiality, pageLabel: l.pageLabel },
    banner: l.banner,
    orientation: 'portrait',
    brandColor: ctx.brandColor,
    author: deal.rep.name,
    subject: l.title(customer),
    keywords: [l.kicker, customer, 'SWOT'],
    created: ctx.created,
  };
}
