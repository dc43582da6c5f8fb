/** Commercial terms (payment, delivery, warranty, validity, notes) and the acceptance table (slot `acceptance`). */
import { formatDateLong } from '../../domain/dates.js';
import type { DataTable } from '../../tree/nodes.js';
import type { ProposalEnv } from './env.js';
import type { ProposalView } from './view.js';

export function termsOf({ deal, L }: ProposalEnv): ProposalView['terms'] {
  return [
    deal.quote.payment_terms && { label: L.paymentTerms, value: deal.quote.payment_terms },
    deal.quote.delivery && { label: L.delivery, value: deal.quote.delivery },
    deal.quote.warranty && { label: L.warranty, value: deal.quote.warranty },
    deal.quote.valid_until && { label: L.validUntil, value: formatDateLong(deal.quote.valid_until, deal.locale) },
    deal.quote.notes && { label: L.quoteNotes, value: deal.quote.notes },
  ].filter((t): t is { label: string; value: string } => Boolean(t));
}

export function acceptanceOf({ L, customer }: ProposalEnv): DataTable {
  return {
    type: 'dataTable',
    columns: [
      { label: L.acceptance.columns[0], width: 1.2 },
      { label: L.acceptance.columns[1], width: 3 },
    ],
    rows: L.acceptance.rows(customer).map(([label, value]) => ({ cells: [label, value] })),
  };
}
