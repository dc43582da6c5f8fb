import type { CompanyProfile } from '../../config/schema.js';
import type { Deal } from '../../data/deal-schema.js';
import type { IsoDate } from '../../domain/dates.js';
import type { DealAssessment } from '../../domain/method/index.js';
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
}

/** What every section builder reads. */
export interface Brief {
  deal: Deal;
  ctx: SwotBriefContext;
  locale: Locale;
  l: BriefLabels;
  a: DealAssessment;
  /** The method's wording in the deal's locale. */
  t: (text: Readonly<Record<Locale, string>>) => string;
}
