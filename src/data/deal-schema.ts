/**
 * The deal file schema — one zod schema that validates deal files, types the code and
 * yields the JSON Schema (`dealdoc schema`). Fields follow the company's consultative method.
 * Unknown fields are errors (a typo must not silently drop data).
 */
import { z } from 'zod';
import { ATTITUDES, LEVELS, ROLES, STAGES, STYLES, type DealData } from '../domain/deal.js';
import { bool, decimal, integer, isoDate, list, locale, optionalText, text } from './fields.js';

// The deal's types and vocabularies are the domain's (src/domain/deal.ts); this schema reads
// files into them. Re-exported so readers of deal files need one import.
export { ATTITUDES, LEVELS, ROLES, STAGES, STYLES, criterionText, pointText } from '../domain/deal.js';
export type { CompetitorPoint, Competitor, Contact, Criterion, Deal, DealData, Problem, QuoteItem } from '../domain/deal.js';

const enumOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: (iss) => `expected one of ${values.join(' | ')}, got ${JSON.stringify(iss.input)}` });

const repSchema = z.strictObject({
  name: text(),
  title: optionalText(),
  phone: optionalText(),
  email: optionalText(),
});

const customerSchema = z.strictObject({
  /** The customer's id in the receivables ledger. */
  id: optionalText(),
  name: text(),
  /** Short name for running headers and tables. */
  short_name: optionalText(),
  industry: optionalText(),
  scale: optionalText(),
  nature: optionalText(),
  address: optionalText(),
  website: optionalText(),
  /** 客户现状: products in use, brands, functions. */
  situation: list(text()).default([]),
  /** 组织结构: departments, duties, who heads them. */
  organization: list(z.strictObject({ department: text(), duties: optionalText(), head: optionalText() })).default([]),
});

const contactSchema = z.strictObject({
  name: text(),
  title: optionalText(),
  department: optionalText(),
  role: enumOf(ROLES).optional(),
  /** Our guide (coach) inside the customer. */
  guide: bool().default(false),
  style: enumOf(STYLES).optional(),
  influence: enumOf(LEVELS).optional(),
  attitude: enumOf(ATTITUDES).optional(),
  phone: optionalText(),
  email: optionalText(),
  /** 个人信息 — internal only. */
  personal: z
    .strictObject({
      age: integer(16, 120).optional(),
      family: optionalText(),
      education: optionalText(),
      hometown: optionalText(),
      hobbies: list(text()).default([]),
      career: optionalText(),
      notes: optionalText(),
    })
    .optional(),
  notes: optionalText(),
});

/** A purchase criterion, with (optionally) how our offer meets it. */
const criterionSchema = z.union([
  text(),
  z.strictObject({
    criterion: text(),
    response: optionalText(),
    /** Key of the catalogue specification that answers it (e.g. false_call_rate); competitors' points may name it too. */
    key: optionalText(),
  }),
]);

/** A competitor's strength or weakness: text, or `{ point, criterion }` tied to a purchase criterion (its text or key). */
const competitorPointSchema = z.union([text(), z.strictObject({ point: text(), criterion: optionalText() })]);

const competitorSchema = z.strictObject({
  name: text(),
  products: optionalText(),
  strengths: list(competitorPointSchema).default([]),
  weaknesses: list(competitorPointSchema).default([]),
  tactics: optionalText(),
  price: optionalText(),
  /** Per purchase criterion: how they compare with us. */
  comparison: list(
    z.strictObject({
      criterion: text(),
      us: optionalText(),
      them: optionalText(),
      /** Who is ahead on this criterion. */
      advantage: enumOf(['us', 'them', 'even'] as const).optional(),
    }),
  ).default([]),
});

const problemSchema = z.strictObject({
  problem: text(),
  /** What the problem costs the customer (optional, customer-facing). */
  impact: optionalText(),
  solution: text(),
  /** SKUs (matched against the quote) or product/service names. */
  products: list(text()).default([]),
  criteria: list(criterionSchema).default([]),
});

const needsSchema = z.strictObject({
  goal: text(),
  problems: list(problemSchema).min(1, { error: 'at least one problem' }),
});

const qualificationSchema = z.strictObject({
  budget: optionalText(),
  timeline: optionalText(),
  fit: optionalText(),
  cost_risk: optionalText(),
  path_to_order: optionalText(),
});

const quoteItemSchema = z.strictObject({
  sku: optionalText(),
  /** Optional when the SKU is in the catalogue (data/catalog.yaml); a value here overrides it. */
  name: optionalText(),
  description: optionalText(),
  qty: decimal({ min: 0, minExclusive: true }),
  unit: optionalText(),
  /** Optional when the SKU is in the catalogue (its list price); a value here overrides it. */
  unit_price: decimal({ min: 0 }).optional(),
  /** 0.05 = 5 % off the line. */
  discount: decimal({ min: 0, max: 1, percent: true }).optional(),
});

const quoteSchema = z.strictObject({
  currency: z.string().regex(/^[A-Z]{3}$/, { error: 'expected a 3-letter currency code such as CNY' }).default('CNY'),
  /** Prices are before tax; 0.13 = 13 % VAT. */
  tax_rate: decimal({ min: 0, max: 1, percent: true }).prefault('0'),
  items: list(quoteItemSchema, 200).min(1, { error: 'at least one quote item' }),
  payment_terms: optionalText(),
  delivery: optionalText(),
  warranty: optionalText(),
  valid_until: isoDate().optional(),
  notes: optionalText(),
});

const swotList = () => list(text(), 50).default([]);

export const dealSchema = z.strictObject({
  /** Defaults to the file name. */
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, { error: 'id may only contain a-z, 0-9 and -, and start with a letter or digit (64 characters at most)' }).optional(),
  locale: locale().optional(),
  title: text(),
  subtitle: optionalText(),
  /** Document number and version printed on the cover. */
  doc_no: optionalText(),
  version: optionalText(),
  /** Date printed on the documents (default: SOURCE_DATE_EPOCH, else the build day). */
  date: isoDate().optional(),
  rep: repSchema,
  customer: customerSchema,
  contacts: list(contactSchema).default([]),
  competitors: list(competitorSchema).default([]),
  needs: needsSchema,
  /** Why us — customer-facing value points tied to the needs. */
  why_us: list(z.strictObject({ point: text(), detail: optionalText(), need: optionalText() })).default([]),
  next_steps: list(z.strictObject({ step: text(), date: isoDate().optional(), owner: optionalText() })).default([]),
  qualification: qualificationSchema.prefault({}),
  stage: enumOf(STAGES),
  quote: quoteSchema,
  swot: z
    .strictObject({ strengths: swotList(), weaknesses: swotList(), opportunities: swotList(), threats: swotList() })
    .prefault({}),
  actions: list(
    z.strictObject({ action: text(), owner: optionalText(), due: isoDate().optional(), addresses: optionalText(), done: bool().default(false) }),
  ).default([]),
  internal_notes: optionalText(),
  /** The proposal as a document: final or draft, the summary paragraph and the benefit it promises. */
  proposal: z
    .strictObject({
      /** A proposal before the evaluation stage is marked draft unless this is true. */
      final: bool().default(false),
      /** Our solution in one paragraph for the executive summary (default: the solutions of the needs). */
      summary: optionalText(),
      /** The expected benefit in the customer's terms, for the executive summary. */
      benefit: optionalText(),
    })
    .prefault({}),
  /** JSON deal files only: the Markdown body. */
  body: z.string().max(500_000).optional(),
});

export type DealInput = z.input<typeof dealSchema>;

/** Compile-time: the schema yields exactly the domain's `DealData` (each way), so the two cannot drift apart. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const schemaIsDealData: Same<z.output<typeof dealSchema>, DealData> = true;
void schemaIsDealData;
