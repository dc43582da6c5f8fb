/**
 * What every part of a proposal reads: the allow-listed deal, the build's context, the labels
 * in the deal's language, the priced quote lines and the names printed everywhere. Built once
 * per proposal by `proposalEnv`; each part (cover.ts, needs.ts, quote.ts, summary.ts, terms.ts,
 * view-model.ts) is a small function of it.
 */
import type { RootContent } from 'mdast';
import type { CompanyProfile } from '../../config/schema.js';
import { resolveQuoteItems, type Catalog } from '../../data/catalog.js';
import type { PricedItem } from '../../domain/catalog.js';
import { formatDateLong, type IsoDate } from '../../domain/dates.js';
import type { Locale } from '../../domain/locale.js';
import { computeQuote, type ComputedQuote } from '../../domain/quote.js';
import { proposalLabels, type ProposalLabels } from './labels.js';
import type { ProposalDeal } from './view.js';

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

export interface ProposalEnv {
  deal: ProposalDeal;
  ctx: ProposalContext;
  L: ProposalLabels;
  zh: boolean;
  items: PricedItem[];
  quote: ComputedQuote<PricedItem>;
  currency: string;
  seller: string;
  customer: string;
  customerShort: string;
  /** The proposal's date, as printed. */
  date: string;
}

function companyName(company: CompanyProfile, locale: Locale): string {
  return locale === 'en' ? (company.name_en ?? company.name) : company.name;
}

export function proposalEnv(deal: ProposalDeal, ctx: ProposalContext): ProposalEnv {
  const items = resolveQuoteItems(deal.quote.items, deal.quote.currency, deal.locale, ctx.catalog);
  return {
    deal,
    ctx,
    L: proposalLabels(deal.locale),
    zh: deal.locale === 'zh-CN',
    items,
    quote: computeQuote({ tax_rate: deal.quote.tax_rate, items }),
    currency: deal.quote.currency,
    seller: companyName(ctx.company, deal.locale),
    customer: deal.customer.name,
    customerShort: deal.customer.short_name ?? deal.customer.name,
    date: formatDateLong(ctx.date, deal.locale),
  };
}

/** Product references in the need tree are SKUs when they match a quote line; show the line's name. */
export function productName({ deal, items }: ProposalEnv, ref: string): string {
  const item = items.find((i) => i.sku === ref);
  return item ? `${item.name}（${ref}）`.replace('（', deal.locale === 'en' ? ' (' : '（').replace('）', deal.locale === 'en' ? ')' : '）') : ref;
}
