/** dealdoc.config.yaml: the selling company, branding, locale, and the provisioning policy. */
import { z } from 'zod';
import { bool, color, decimal, integer, isoDate, list, locale, optionalText, text } from '../data/fields.js';
import { TABLE_FIELDS, type TableName } from '../data/ledger/headers.js';

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
  /** Plausible ledger dates; a row outside is an error (default 1990-01-01 … today + 10 years). */
  date_bounds: z.strictObject({ from: isoDate().optional(), to: isoDate().optional() }).optional(),
  /** Where the ledger lives, relative to the data folder. */
  ledger_dir: text().default('receivables'),
  /** Sign-off block (编制 / 审核 / 批准): roles with optional names; blank lines for signature and date. */
  signoff: list(z.strictObject({ role: text(), name: optionalText(), title: optionalText() }), 10).optional(),
  /** How many customers the collection list and the prior-month comparison show (largest first). */
  top_customers: integer(1, 1000).default(10),
  /**
   * Above this many open invoices, the PDF/DOCX print the invoice detail summarised per customer
   * (with a note pointing to the workbook); the XLSX always carries every line with its formulas.
   */
  detail_rows_in_print: integer(0, 1_000_000).default(300),
});

/** How the sales method reads the customer's receivables (SWOT brief, validate). */
export const methodSchema = z.strictObject({
  /** A provision above this share of the quote's total makes the customer a credit risk (0.05 = 5 %), as does anything over 90 days overdue. */
  provision_share: decimal({ min: 0, max: 1 }).prefault('0.05'),
  /** Days overdue beyond which any balance makes the customer a credit risk. */
  overdue_days: integer(0, 100_000).prefault('90'),
  /** The smallest prepayment a proposal may ask of a credit-risk customer (0.5 = 50 %). */
  min_prepayment: decimal({ min: 0, max: 1 }).prefault('0.5'),
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

const ledgerTable = z.enum(Object.keys(TABLE_FIELDS) as [TableName, ...TableName[]]);
/** Every canonical ledger column, in the order headers.ts lists them. */
const LEDGER_FIELDS = [...new Set(Object.values(TABLE_FIELDS).flatMap((fields) => Object.keys(fields)))] as [string, ...string[]];

export const configSchema = z.strictObject({
  company: companySchema,
  brand_color: color().default('#1F5FAF'),
  locale: locale().default('zh-CN'),
  /** Folder with the user's template overrides, relative to the config file. */
  templates: optionalText(),
  provisioning: provisioningSchema.prefault({}),
  /** Credit-risk thresholds the sales method applies. */
  method: methodSchema.prefault({}),
  /** Optional fixed date for documents when neither the deal nor SOURCE_DATE_EPOCH gives one. */
  document_date: isoDate().optional(),
  /** `dealdoc preview`: fixed port (default: a free one). */
  preview: z.strictObject({ port: integer(1, 65535).optional() }).optional(),
  /** Font fallback chain: families dealdoc ships (noto-sans-thai…), npm packages, or files relative to the config. */
  fonts: z
    .array(
      z.union([
        z.string().min(1).max(300),
        z.strictObject({ name: z.string().max(200).optional(), regular: z.string().min(1).max(300), bold: z.string().max(300).optional(), lang: z.string().max(35).optional(), east_asia: bool().optional() }),
      ]),
    )
    .max(32)
    .optional(),
  /** ERP exports as they are: file-name globs per ledger table, and column header → field per table. */
  ledger: z
    .strictObject({
      files: z.partialRecord(ledgerTable, list(text(), 50)).optional(),
      columns: z.partialRecord(ledgerTable, z.record(z.string(), z.enum(LEDGER_FIELDS))).optional(),
    })
    .optional(),
});

export type Config = z.output<typeof configSchema>;
export type ProvisioningPolicy = Config['provisioning'];
export type CompanyProfile = Config['company'];
export type MethodPolicy = Config['method'];
