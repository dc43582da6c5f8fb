import type { CompanyProfile, ProvisioningPolicy } from '../../config/schema.js';
import type { Locale } from '../../tree/nodes.js';

/** What the provisioning report needs besides the computation's result. */
export interface ProvisionReportContext {
  company: CompanyProfile;
  policy: ProvisioningPolicy;
  locale: Locale;
  /** "#RRGGBB" */
  brandColor: string;
  /** Deterministic document date (from the inputs or SOURCE_DATE_EPOCH), never the clock. */
  created: Date;
  /** Ledger files read, as they should be printed (relative paths). */
  ledgerFiles: string[];
}
