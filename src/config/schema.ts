/** dealdoc.config.yaml: the selling company, branding, locale, and the provisioning policy. */
import { z } from 'zod';
import { bool, color, decimal, integer, isoDate, list, locale, optionalText, text } from '../data/fields.js';

const bucket = z.strictObject({
  /** Days overdue strictly greater than this value fall in the bucket (30 → 31 days and more). */
  over_days: integer(0, 100_000),
  rate: decimal({ min: 0, max: 1 }),
});

export const provisioningSchema = z.strictObject({
  /** Matrix rates: "more than N days overdue → rate". Rates are not cumulative; the highest matching bucket applies. */
  matrix: list(bucket, 20).prefault([
    { over_days: '30', rate: '0.10' },
    { over_days: '60', rate: '0.20' },
    { over_days: '90', rate: '0.50' },
  ]),
  /** When true, "more than 30 days" includes day 30 (≥ 30). Default false (strictly more, 民法典 1259). */
  boundary_inclusive: bool().default(false),
  /** Apply unapplied receipts to the oldest-due open invoices of the same customer and currency. */
  net_unapplied_credits: bool().default(true),
  functional_currency: text().default('CNY'),
  /** Month range that finance has closed / wants; default is first invoice month … latest ledger entry month. */
  periods: z.strictObject({ from: z.string().regex(/^\d{4}-\d{2}$/), to: z.string().regex(/^\d{4}-\d{2}$/) }).optional(),
  /** Accounting framework: CAS (allowance account) or 小企业 (risk estimate only). */
  framework: z.enum(['CAS', 'small']).default('CAS'),
  /** Where the ledger lives, relative to the data folder. */
  ledger_dir: text().default('receivables'),
});

export const companySchema = z.strictObject({
  name: text(),
  name_en: optionalText(),
  short_name: optionalText(),
  /** Short name in English documents (else name_en, else short_name). */
  short_name_en: optionalText(),
  address: optionalText(),
  address_en: optionalText(),
  phone: optionalText(),
  website: optionalText(),
  email: optionalText(),
  /** Logo image (PNG or JPEG), relative to the data folder's assets/. */
  logo: optionalText(),
  /** One-line description for covers and "why us". */
  tagline: optionalText(),
  tagline_en: optionalText(),
});

export const configSchema = z.strictObject({
  company: companySchema,
  brand_color: color().default('#1F5FAF'),
  locale: locale().default('zh-CN'),
  /** Folder with the user's template overrides, relative to the config file. */
  templates: optionalText(),
  provisioning: provisioningSchema.prefault({}),
  /** Optional fixed date for documents when neither the deal nor SOURCE_DATE_EPOCH gives one. */
  document_date: isoDate().optional(),
});

export type Config = z.output<typeof configSchema>;
export type ProvisioningPolicy = Config['provisioning'];
export type CompanyProfile = Config['company'];
