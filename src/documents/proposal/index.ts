/**
 * The need-oriented proposal (customer-facing). Its view is built field by field from the
 * customer-facing parts of the deal — contacts' personal information, styles, attitudes,
 * competitors, qualification answers and internal notes never enter it, so no template
 * (ours or a user's override) can print them.
 */
import type { Paragraph, RootContent } from 'mdast';
import type { CompanyProfile } from '../../config/schema.js';
import { resolveQuoteItems, type Catalog, type PricedItem } from '../../data/catalog.js';
import { criterionText, STAGES, type Deal } from '../../data/deal-schema.js';
import { namedCriteria, offerFor } from '../../domain/method/index.js';
import { formatDateLong, type IsoDate } from '../../domain/dates.js';
import { formatMoney, formatPercent, rmbUppercase } from '../../domain/money.js';
import { computeQuote } from '../../domain/quote.js';
import type { Callout, Cover, DataTable, NeedTree } from '../../tree/nodes.js';
import type { DocumentPlan } from '../types.js';
import { proposalLabels } from './labels.js';
import type { ProposalDeal, ProposalView } from './view.js';

export { proposalDeal, PROPOSAL_VIEW_KEYS, type ProposalDeal, type ProposalView } from './view.js';

export interface ProposalContext {
  company: CompanyProfile;
  brandColor: string;
  created: Date;
  /** The date printed on the proposal. */
  date: IsoDate;
  /** Absolute path of the logo, already resolved inside the assets folder. */
  logo?: string;
  /** The rep's narrative, parsed and checked (images resolved). */
  narrative: RootContent[];
  /** The product catalogue: names and prices for SKU-only lines, specifications per criterion. */
  catalog?: Catalog;
}

/** A proposal before the customer evaluates offers is a draft, unless the deal says it is final. */
export function isDraft(deal: Pick<Deal, 'proposal' | 'stage'>): boolean {
  return !deal.proposal.final && STAGES.indexOf(deal.stage) < STAGES.indexOf('evaluation');
}

export function companyName(company: CompanyProfile, locale: Deal['locale']): string {
  return locale === 'en' ? (company.name_en ?? company.name) : company.name;
}

/** Product references in the need tree are SKUs when they match a quote line; show the line's name. */
function productName(deal: ProposalDeal, items: readonly PricedItem[], ref: string): string {
  const item = items.find((i) => i.sku === ref);
  return item ? `${item.name}（${ref}）`.replace('（', deal.locale === 'en' ? ' (' : '（').replace('）', deal.locale === 'en' ? ')' : '）') : ref;
}

/** `deal` is the allow-listed projection (`proposalDeal`): internal fields are not even in scope. */
export function planProposal(deal: ProposalDeal, ctx: ProposalContext): DocumentPlan {
  const L = proposalLabels(deal.locale);
  const items = resolveQuoteItems(deal.quote.items, deal.quote.currency, deal.locale, ctx.catalog);
  const named = namedCriteria(deal);
  const zh = deal.locale === 'zh-CN';
  const seller = companyName(ctx.company, deal.locale);
  const customer = deal.customer.name;
  const customerShort = deal.customer.short_name ?? customer;
  const date = formatDateLong(ctx.date, deal.locale);
  const quote = computeQuote({ tax_rate: deal.quote.tax_rate, items });
  const currency = deal.quote.currency;

  const cover: Cover = {
    type: 'cover',
    kicker: L.kicker,
    title: deal.title,
    subtitle: deal.subtitle,
    preparedFor: L.preparedFor(customer),
    company: seller,
    companySecondary: zh ? ctx.company.name_en : undefined,
    lines: [
      { label: L.rep, value: [deal.rep.name, deal.rep.title].filter(Boolean).join(zh ? ' · ' : ', ') },
      ...(deal.rep.phone ? [{ label: L.phone, value: deal.rep.phone }] : []),
      ...(deal.rep.email ? [{ label: L.email, value: deal.rep.email }] : []),
      { label: L.date, value: date },
      ...(deal.doc_no ? [{ label: L.docNo, value: deal.doc_no + (deal.version ? ` · ${L.version} ${deal.version}` : '') }] : []),
    ],
    logo: ctx.logo,
  };

  const needTree: NeedTree = {
    type: 'needTree',
    labels: L.needTree,
    goal: deal.needs.goal,
    problems: deal.needs.problems.map((p) => ({
      problem: p.problem,
      solution: p.solution,
      products: p.products.map((r) => productName(deal, items, r)),
      criteria: p.criteria.map(criterionText),
    })),
  };

  const criteriaTables: Record<string, RootContent[]> = {};
  let criterionIndex = 0;
  deal.needs.problems.forEach((p, i) => {
    if (!p.criteria.length) return;
    const offers = p.criteria.map(() => offerFor(named[criterionIndex++], items, deal.locale));
    const products = p.products.map((r) => productName(deal, items, r)).join(zh ? '、' : ', ');
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
    criteriaTables[`criteria-${i + 1}`] = [table];
  });

  const money = (d: Parameters<typeof formatMoney>[0]) => formatMoney(d);
  const quoteTable: DataTable = {
    type: 'dataTable',
    columns: [
      { label: L.quoteCols.no, align: 'center', width: 0.7 },
      { label: L.quoteCols.sku, width: 2 },
      { label: L.quoteCols.name, width: 3.6 },
      { label: L.quoteCols.qty, align: 'right', width: 0.9 },
      { label: L.quoteCols.unit, align: 'center', width: 0.8 },
      { label: L.quoteCols.price(currency), align: 'right', width: 2 },
      { label: L.quoteCols.discount, align: 'right', width: 1 },
      { label: L.quoteCols.total(currency), align: 'right', width: 2.2 },
    ],
    rows: [
      ...quote.lines.map(({ item, lineTotal }, i) => ({
        cells: [
          String(i + 1),
          item.sku ?? '—',
          item.description ? `${item.name}\n${item.description}` : item.name,
          item.qty.toString(),
          item.unit ?? '',
          money(item.unit_price),
          item.discount && !item.discount.isZero() ? formatPercent(item.discount) : '—',
          money(lineTotal),
        ],
      })),
      { kind: 'subtotal' as const, cells: [L.subtotal, '', '', '', '', '', '', money(quote.subtotal)] },
      { kind: 'subtotal' as const, cells: [L.tax(formatPercent(deal.quote.tax_rate)), '', '', '', '', '', '', money(quote.tax)] },
      { kind: 'total' as const, cells: [L.total, '', '', '', '', '', '', money(quote.total)] },
    ],
  };

  const investment = `${currency === 'CNY' ? '¥' : `${currency} `}${money(quote.total)}`;
  const summary = {
    goal: deal.needs.goal,
    // Solutions that end with their own full stop do not get a second one.
    solution: deal.proposal.summary ?? deal.needs.problems.map((p) => p.solution.replace(/[。.；;，,\s]+$/u, '')).join(zh ? '；' : '; ') + (zh ? '。' : '.'),
    // "Total (incl. tax)" → "(incl. tax)": the label brings its own parentheses.
    investment: zh ? `${investment}（含税${currency === 'CNY' ? `，${rmbUppercase(quote.total)}` : ''}）` : `${investment} ${L.total.replace(/^Total /, '')}`,
    benefit: deal.proposal.benefit,
  };
  const label = (l: string, v: string): Paragraph => ({ type: 'paragraph', children: [{ type: 'strong', children: [{ type: 'text', value: zh ? `${l}：` : `${l}:` }] }, { type: 'text', value: zh ? v : ` ${v}` }] });
  const summaryBox: Callout = {
    type: 'callout',
    tone: 'info',
    children: [
      label(L.summary.goal, summary.goal),
      label(L.summary.solution, summary.solution),
      label(L.summary.investment, summary.investment),
      ...(summary.benefit ? [label(L.summary.benefit, summary.benefit)] : []),
    ],
  };
  const acceptance: DataTable = {
    type: 'dataTable',
    columns: [
      { label: L.acceptance.columns[0], width: 1.2 },
      { label: L.acceptance.columns[1], width: 3 },
    ],
    rows: L.acceptance.rows(customer).map(([label, value]) => ({ cells: [label, value] })),
  };

  const terms = [
    deal.quote.payment_terms && { label: L.paymentTerms, value: deal.quote.payment_terms },
    deal.quote.delivery && { label: L.delivery, value: deal.quote.delivery },
    deal.quote.warranty && { label: L.warranty, value: deal.quote.warranty },
    deal.quote.valid_until && { label: L.validUntil, value: formatDateLong(deal.quote.valid_until, deal.locale) },
    deal.quote.notes && { label: L.quoteNotes, value: deal.quote.notes },
  ].filter((t): t is { label: string; value: string } => Boolean(t));

  const view: ProposalView = {
    zh,
    colon: zh ? '：' : ': ',
    // A bold label ends inside the ** and any space follows it: "**Impact:** x" (a space before
    // the closing ** would stop it from closing).
    labelEnd: zh ? '：' : ':',
    gap: zh ? '' : ' ',
    open: zh ? '（' : ' (',
    close: zh ? '）' : ')',
    L: { ...L, whyHeading: L.whyHeading((zh ? ctx.company.short_name : (ctx.company.short_name_en ?? ctx.company.name_en ?? ctx.company.short_name)) ?? seller), goalIntro: L.goalIntro(customerShort) },
    title: deal.title,
    customer: { name: customer, shortName: customerShort, industry: deal.customer.industry },
    seller: { name: seller, address: zh ? ctx.company.address : (ctx.company.address_en ?? ctx.company.address), phone: ctx.company.phone, website: ctx.company.website, email: ctx.company.email },
    goal: deal.needs.goal,
    problems: deal.needs.problems.map((p, i) => ({
      n: i + 1,
      label: L.problem(i + 1),
      problem: p.problem,
      impact: p.impact,
      solution: p.solution,
      products: p.products.map((r) => productName(deal, items, r)),
      criteriaSlot: p.criteria.length ? `criteria-${i + 1}` : undefined,
    })),
    whyUs: deal.why_us,
    quote: {
      currency,
      subtotal: money(quote.subtotal),
      tax: money(quote.tax),
      total: money(quote.total),
      uppercase: currency === 'CNY' && zh ? rmbUppercase(quote.total) : undefined,
    },
    terms,
    hasNarrative: ctx.narrative.length > 0,
    nextSteps: deal.next_steps.map((s) => ({ step: s.step, date: s.date ? formatDateLong(s.date, deal.locale) : undefined, owner: s.owner })),
    rep: deal.rep,
    date,
    summary,
  };

  return {
    template: 'proposal',
    locale: deal.locale,
    view: view as unknown as Record<string, unknown>,
    slots: { cover: [cover], 'need-tree': [needTree], quote: [quoteTable], narrative: ctx.narrative, acceptance: [acceptance], summary: [summaryBox], ...criteriaTables },
    meta: {
      title: deal.title,
      locale: deal.locale,
      header: { left: seller, right: deal.title },
      footer: { confidentiality: L.confidentiality(customer), pageLabel: L.pageLabel },
      orientation: 'portrait',
      brandColor: ctx.brandColor,
      author: `${deal.rep.name} · ${seller}`,
      subject: `${L.kicker} — ${customer}`,
      keywords: [customer, seller],
      created: ctx.created,
      ...(isDraft(deal) ? { draft: L.draft } : {}),
    },
  };
}
