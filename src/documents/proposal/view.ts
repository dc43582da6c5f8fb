/**
 * What a proposal may know about a deal, as types built from allow-lists. `proposalDeal` copies
 * exactly the listed fields (nothing is spread), so contacts, competitors, qualification, SWOT,
 * actions and internal notes never reach `planProposal`, its view, its slots or its metadata —
 * whatever a template (ours or a user's override) asks for. tests/documents/confidentiality*.
 */
import type { Deal } from '../../domain/deal.js';

/** Top-level deal fields a proposal reads. Everything else is internal. */
const PROPOSAL_DEAL_FIELDS = ['id', 'locale', 'title', 'subtitle', 'doc_no', 'version', 'date', 'rep', 'customer', 'needs', 'why_us', 'next_steps', 'quote', 'body', 'bodyLine', 'path', 'stage', 'proposal'] as const;
/** Customer fields a proposal reads (the ledger id and the account notes stay out). */
const PROPOSAL_CUSTOMER_FIELDS = ['name', 'short_name', 'industry'] as const;
/** Sales rep fields printed on the cover. */
const PROPOSAL_REP_FIELDS = ['name', 'title', 'phone', 'email'] as const;

type Pick2<T, K extends readonly (keyof T)[]> = Pick<T, K[number]>;

export type ProposalDeal = Omit<Pick2<Deal, typeof PROPOSAL_DEAL_FIELDS>, 'customer' | 'rep'> & {
  customer: Pick2<Deal['customer'], typeof PROPOSAL_CUSTOMER_FIELDS>;
  rep: Pick2<Deal['rep'], typeof PROPOSAL_REP_FIELDS>;
};

function pick<T extends object, K extends readonly (keyof T)[]>(from: T, keys: K): Pick2<T, K> {
  const out = {} as Pick2<T, K>;
  for (const k of keys) if (from[k] !== undefined) (out as Record<PropertyKey, unknown>)[k as PropertyKey] = from[k];
  return out;
}

/** The customer-facing projection of a deal: only allow-listed fields, copied one by one. */
export function proposalDeal(deal: Deal): ProposalDeal {
  const top = pick(deal, PROPOSAL_DEAL_FIELDS);
  return { ...top, customer: pick(deal.customer, PROPOSAL_CUSTOMER_FIELDS), rep: pick(deal.rep, PROPOSAL_REP_FIELDS) };
}

/** The keys of the view a proposal template reads; `planProposal` builds exactly these. */
export const PROPOSAL_VIEW_KEYS = ['zh', 'colon', 'labelEnd', 'gap', 'open', 'close', 'L', 'title', 'customer', 'seller', 'goal', 'problems', 'whyUs', 'quote', 'terms', 'hasNarrative', 'nextSteps', 'rep', 'date', 'summary'] as const;

export interface ProposalView {
  zh: boolean;
  colon: string;
  labelEnd: string;
  gap: string;
  open: string;
  close: string;
  L: Record<string, unknown>;
  title: string;
  customer: { name: string; shortName: string; industry?: string };
  seller: { name: string; address?: string; phone?: string; website?: string; email?: string };
  goal: string;
  problems: { n: number; label: string; problem: string; impact?: string; solution: string; products: string[]; criteriaSlot?: string }[];
  whyUs: ProposalDeal['why_us'];
  quote: { currency: string; subtotal: string; tax: string; total: string; uppercase?: string };
  terms: { label: string; value: string }[];
  hasNarrative: boolean;
  nextSteps: { step: string; date?: string; owner?: string }[];
  rep: ProposalDeal['rep'];
  date: string;
  summary: { goal: string; solution: string; investment: string; benefit?: string };
}

// Compile-time: the key list and the interface name the same fields.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const viewKeysMatch: Same<(typeof PROPOSAL_VIEW_KEYS)[number], keyof ProposalView> = true;
void viewKeysMatch;
