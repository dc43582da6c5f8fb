/**
 * The parts of the provisioning policy the computation reads. The config file's schema
 * (`config/schema.ts` `provisioningSchema`) yields a superset of it; the domain does not import
 * the config layer.
 */
import type { Decimal } from '../money.js';

export interface Policy {
  /** "More than over_days days overdue → rate"; the highest matching entry applies. */
  matrix: readonly { over_days: number; rate: Decimal }[];
  /** When true, "more than 30 days" includes day 30. */
  boundary_inclusive: boolean;
  /** Apply unapplied receipts to the oldest-due open invoices of the same customer and currency. */
  net_unapplied_credits: boolean;
  functional_currency: string;
  /** Month range (YYYY-MM) finance wants reported. */
  periods?: { from: string; to: string };
}
