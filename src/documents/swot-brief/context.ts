import type { CompanyProfile } from '../../config/schema.js';
import type { Catalog, PricedItem } from '../../data/catalog.js';
import type { Deal } from '../../data/deal-schema.js';
import type { IsoDate } from '../../domain/dates.js';
import type { CreditPolicy, DealAssessment, DealIssue } from '../../domain/method/index.js';
import type { CustomerPaymentRecord } from '../../domain/receivables/types.js';
import type { Locale } from '../../tree/nodes.js';
import type { BriefLabels } from './labels.js';

export interface SwotBriefContext {
  company: CompanyProfile;
  brandColor: string;
  /** Deterministic creation date for the metadata. */
  created: Date;
  /** The document date: gaps such as an expired quote are judged against it. */
  date: IsoDate;
  /** The customer's record in the receivables ledger, when it has one: section 9. */
  payment?: CustomerPaymentRecord;
  /** The product catalogue (names, prices, floors, specifications). */
  catalog?: Catalog;
  /** Credit-risk thresholds (config `method:`); the method's defaults otherwise. */
  creditPolicy?: CreditPolicy;
}

/** What every section builder reads. */
export interface Brief {
  deal: Deal;
  ctx: SwotBriefContext;
  locale: Locale;
  l: BriefLabels;
  a: DealAssessment;
  /** The quote's lines with catalogue names, prices and floors. */
  items: PricedItem[];
  /** What the method and the catalogue flag in the deal. */
  issues: DealIssue[];
  /** The method's wording in the deal's locale. */
  t: (text: Readonly<Record<Locale, string>>) => string;
}
