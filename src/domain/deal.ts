/**
 * What a deal is, as the domain reads it: plain TypeScript types and the method's closed
 * vocabularies (roles, styles, stages…). The domain must not depend on how a deal file is read
 * and validated, so these types live here and `data/deal-schema.ts` (the zod schema) is checked
 * at compile time to produce exactly them (`DealData` ⇔ `z.output<typeof dealSchema>`): a field
 * added to one and not the other is a type error, not a silent drift.
 */
import type { IsoDate } from './dates.js';
import type { Locale } from './locale.js';
import type { Decimal } from './money.js';

export const ROLES = ['initiator', 'decision_maker', 'designer', 'evaluator', 'user'] as const;
export const STYLES = ['peacock', 'owl', 'chameleon', 'koala', 'wolf'] as const;
export const LEVELS = ['low', 'medium', 'high'] as const;
export const ATTITUDES = ['supporter', 'neutral', 'opponent'] as const;
export const STAGES = ['discover_needs', 'internal_deliberation', 'procurement_design', 'evaluation', 'commitment', 'use_maintenance'] as const;

export type Role = (typeof ROLES)[number];
export type Style = (typeof STYLES)[number];
export type Level = (typeof LEVELS)[number];
export type Attitude = (typeof ATTITUDES)[number];
export type Stage = (typeof STAGES)[number];

export interface Rep {
  name: string;
  title?: string;
  phone?: string;
  email?: string;
}

export interface Customer {
  /** The customer's id in the receivables ledger. */
  id?: string;
  name: string;
  short_name?: string;
  industry?: string;
  scale?: string;
  nature?: string;
  address?: string;
  website?: string;
  situation: string[];
  organization: { department: string; duties?: string; head?: string }[];
}

export interface Contact {
  name: string;
  title?: string;
  department?: string;
  role?: Role;
  guide: boolean;
  style?: Style;
  influence?: Level;
  attitude?: Attitude;
  phone?: string;
  email?: string;
  personal?: { age?: number; family?: string; education?: string; hometown?: string; hobbies: string[]; career?: string; notes?: string };
  notes?: string;
}

/** A purchase criterion: text, or `{ criterion, response?, key? }` (key: the catalogue specification that answers it). */
export type Criterion = string | { criterion: string; response?: string; key?: string };

/** A competitor's strength or weakness: text, or `{ point, criterion }` tied to a purchase criterion. */
export type CompetitorPoint = string | { point: string; criterion?: string };

export interface Competitor {
  name: string;
  products?: string;
  strengths: CompetitorPoint[];
  weaknesses: CompetitorPoint[];
  tactics?: string;
  price?: string;
  comparison: { criterion: string; us?: string; them?: string; advantage?: 'us' | 'them' | 'even' }[];
}

export interface Problem {
  problem: string;
  impact?: string;
  solution: string;
  products: string[];
  criteria: Criterion[];
}

export interface QuoteItem {
  sku?: string;
  name?: string;
  description?: string;
  qty: Decimal;
  unit?: string;
  unit_price?: Decimal;
  /** 0.05 = 5 % off the line. */
  discount?: Decimal;
}

export interface Quote {
  currency: string;
  /** Prices are before tax; 0.13 = 13 % VAT. */
  tax_rate: Decimal;
  items: QuoteItem[];
  payment_terms?: string;
  delivery?: string;
  warranty?: string;
  valid_until?: IsoDate;
  notes?: string;
}

/** A deal file's fields after validation (defaults applied). */
export interface DealData {
  id?: string;
  locale?: Locale;
  title: string;
  subtitle?: string;
  doc_no?: string;
  version?: string;
  date?: IsoDate;
  rep: Rep;
  customer: Customer;
  contacts: Contact[];
  competitors: Competitor[];
  needs: { goal: string; problems: Problem[] };
  why_us: { point: string; detail?: string; need?: string }[];
  next_steps: { step: string; date?: IsoDate; owner?: string }[];
  qualification: { budget?: string; timeline?: string; fit?: string; cost_risk?: string; path_to_order?: string };
  stage: Stage;
  quote: Quote;
  swot: { strengths: string[]; weaknesses: string[]; opportunities: string[]; threats: string[] };
  actions: { action: string; owner?: string; due?: IsoDate; addresses?: string; done: boolean }[];
  internal_notes?: string;
  proposal: { final: boolean; summary?: string; benefit?: string };
  /** JSON deal files only: the Markdown body. */
  body?: string;
}

/** A validated deal, with where it came from. */
export interface Deal extends DealData {
  id: string;
  locale: Locale;
  /** Markdown narrative (the file body, or `body` in JSON). */
  body: string;
  /** Line in the source file where the body starts (1-based), for diagnostics. */
  bodyLine: number;
  /** Path as given (relative to the working directory), for diagnostics. */
  path: string;
}

export function criterionText(c: Criterion): string {
  return typeof c === 'string' ? c : c.criterion;
}

export function pointText(p: CompetitorPoint): string {
  return typeof p === 'string' ? p : p.point;
}
