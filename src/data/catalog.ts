/**
 * The product catalogue — `data/catalog.yaml` (or `.json`): per SKU its name, description and
 * unit in both languages, list price, the largest discount a rep may give without approval,
 * and its specifications as `criterion → value` statements we can prove. Validated like deal
 * files (failsafe YAML + zod, positioned diagnostics); the JSON Schema comes from the same zod
 * schema (`dealdoc schema --catalog`).
 *
 * Quote lines may name only `sku` and `qty`: the rest comes from here (`resolveQuoteItems`).
 * Specifications are matched to a deal's purchase criteria by an explicit key (`key:` on the
 * criterion, `criterion:` here), never by guessing from words.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { Diagnostic } from '../diagnostics.js';
import { ZERO } from '../domain/money.js';
import type { CatalogItem as DomainCatalogItem, PricedItem } from '../domain/catalog.js';
import type { QuoteItem } from '../domain/deal.js';
import type { Locale } from '../domain/locale.js';
import { decimal, list, optionalText, text } from './fields.js';
import { parseYamlSource, positionOf, zodDiagnostics } from './yaml-source.js';
import { localized } from '../domain/method/localized.js';

export { localized };

/** Text in one language for both, or `{ zh: …, en: … }`. */
export const localizedSchema = z.union([text(), z.strictObject({ zh: optionalText(), en: optionalText() })]);
export type Localized = z.output<typeof localizedSchema>;

/** A key is how a deal's criterion names a specification: lower case, a-z, 0-9, _ and -. */
const keySchema = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, { error: 'a criterion key is lower case a-z, 0-9, _ and - (e.g. false_call_rate)' });

export const catalogSpecSchema = z.strictObject({
  /** The key a deal's purchase criterion gives (`{ criterion: …, key: false_call_rate }`). */
  criterion: keySchema,
  /** What we offer on it — a statement we can prove. */
  value: localizedSchema,
  /** Where the proof is (test report, reference line); internal, printed in the brief. */
  proof: optionalText(),
});

export const catalogItemSchema = z.strictObject({
  sku: text(),
  name: localizedSchema,
  description: localizedSchema.optional(),
  unit: localizedSchema,
  /** Price before tax, in the catalogue's currency. */
  list_price: decimal({ min: 0, minExclusive: true }),
  /** The largest discount a rep may give without approval (0.08 = 8 %); deeper needs approval. */
  max_discount: decimal({ min: 0, max: 1 }).prefault('0'),
  /** Product family, e.g. AOI, SPI, ICT, service. */
  family: optionalText(),
  specs: list(catalogSpecSchema, 100).default([]),
});

export const catalogSchema = z.strictObject({
  currency: z.string().regex(/^[A-Z]{3}$/, { error: 'expected a 3-letter currency code such as CNY' }).default('CNY'),
  items: list(catalogItemSchema, 2000).min(1, { error: 'at least one catalogue item' }),
});

export type CatalogItem = z.output<typeof catalogItemSchema>;
export type CatalogSpec = z.output<typeof catalogSpecSchema>;

/** Compile-time: the schema yields exactly the domain's `CatalogItem` (each way). */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const schemaIsCatalogItem: Same<CatalogItem, DomainCatalogItem> = true;
void schemaIsCatalogItem;

export interface Catalog {
  currency: string;
  items: CatalogItem[];
  /** By upper-cased SKU. */
  bySku: Map<string, CatalogItem>;
  /** Path as shown in diagnostics. */
  path: string;
}

export const CATALOG_FILES = ['catalog.yaml', 'catalog.yml', 'catalog.json'] as const;

/** The catalogue file in a data folder, if any. */
export function catalogFileOf(dataDir: string): string | undefined {
  for (const name of CATALOG_FILES) {
    const p = join(dataDir, name);
    if (existsSync(p)) return p;
  }
  return undefined;
}

export function parseCatalog(textIn: string, displayPath: string): { catalog?: Catalog; diagnostics: Diagnostic[] } {
  const textClean = textIn.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const parsed = parseYamlSource(textClean, displayPath);
  if (!parsed.source) return { diagnostics: parsed.diagnostics };
  if (parsed.data === null || typeof parsed.data !== 'object' || Array.isArray(parsed.data))
    return { diagnostics: [new Diagnostic({ file: displayPath, line: 1, column: 1, rule: 'catalog', message: 'expected a mapping with currency and items' })] };
  const result = catalogSchema.safeParse(parsed.data);
  if (!result.success) return { diagnostics: zodDiagnostics(result.error, parsed.source, displayPath) };
  const diagnostics: Diagnostic[] = [];
  const bySku = new Map<string, CatalogItem>();
  result.data.items.forEach((item, i) => {
    const key = item.sku.toUpperCase();
    if (bySku.has(key)) {
      const pos = positionOf(parsed.source!, ['items', i, 'sku']);
      diagnostics.push(new Diagnostic({ file: displayPath, line: pos?.line, column: pos?.column, rule: 'catalog', field: `items[${i}].sku`, message: `SKU "${item.sku}" appears twice in the catalogue` }));
      return;
    }
    bySku.set(key, item);
  });
  if (diagnostics.length) return { diagnostics };
  return { catalog: { currency: result.data.currency, items: result.data.items, bySku, path: displayPath }, diagnostics };
}

const cache = new Map<string, { catalog?: Catalog; diagnostics: Diagnostic[] }>();

/** Read `<data>/catalog.yaml|json` (memoised by content); no file means no catalogue and no diagnostic. */
export async function loadCatalog(dataDir: string, displayPath: (p: string) => string = (p) => p): Promise<{ catalog?: Catalog; diagnostics: Diagnostic[] }> {
  const file = catalogFileOf(dataDir);
  if (!file) return { diagnostics: [] };
  const shown = displayPath(file);
  let bytes: Buffer;
  try {
    bytes = readFileSync(file); // sync: read for every deal document, a thread-pool round trip cost more than the read
  } catch (e) {
    return { diagnostics: [new Diagnostic({ file: shown, rule: 'catalog', message: `cannot read the catalogue: ${(e as Error).message}` })] };
  }
  if (bytes.length > 4 * 1024 * 1024) return { diagnostics: [new Diagnostic({ file: shown, rule: 'catalog', message: 'catalogue file is larger than 4 MB' })] };
  const key = `${shown}\0${bytes.toString('latin1')}`;
  const hit = cache.get(key);
  if (hit) return hit;
  let textIn: string;
  try {
    textIn = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { diagnostics: [new Diagnostic({ file: shown, rule: 'catalog', message: 'the catalogue must be UTF-8 text' })] };
  }
  const result = parseCatalog(textIn, shown);
  if (cache.size > 20) cache.clear();
  cache.set(key, result);
  return result;
}

export type { PricedItem } from '../domain/catalog.js';

/** Fill each quote line from the catalogue; the deal's own values win. Currency must match for prices. */
export function resolveQuoteItems(items: readonly QuoteItem[], currency: string, locale: Locale, catalog: Catalog | undefined): PricedItem[] {
  return items.map((raw) => {
    const cat = raw.sku ? catalog?.bySku.get(raw.sku.toUpperCase()) : undefined;
    const priceFromCatalog = cat && catalog!.currency === currency ? cat.list_price : undefined;
    const catName = localized(cat?.name, locale);
    const catUnit = localized(cat?.unit, locale);
    const catDesc = localized(cat?.description, locale);
    const overrides: PricedItem['overrides'] = [];
    if (cat) {
      if (raw.name !== undefined && catName !== undefined && raw.name !== catName) overrides.push('name');
      if (raw.unit !== undefined && catUnit !== undefined && raw.unit !== catUnit) overrides.push('unit');
      if (raw.description !== undefined && catDesc !== undefined && raw.description !== catDesc) overrides.push('description');
      if (raw.unit_price !== undefined && priceFromCatalog !== undefined && !raw.unit_price.eq(priceFromCatalog)) overrides.push('unit_price');
    }
    const name = raw.name ?? catName;
    const price = raw.unit_price ?? priceFromCatalog;
    const unresolved: PricedItem['unresolved'] = [...(name === undefined ? (['name'] as const) : []), ...(price === undefined ? (['unit_price'] as const) : [])];
    return {
      sku: raw.sku,
      name: name ?? raw.sku ?? '—',
      description: raw.description ?? catDesc,
      qty: raw.qty,
      unit: raw.unit ?? catUnit,
      // A line nobody priced prints 0.00 in the brief; the proposal refuses it with a diagnostic.
      unit_price: price ?? ZERO,
      discount: raw.discount,
      catalogued: cat,
      listPrice: priceFromCatalog,
      overrides,
      unresolved,
    };
  });
}

/** JSON Schema of the catalogue file, for editors (`dealdoc schema --catalog`). */
export function catalogJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(catalogSchema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }) as unknown as {
    properties: { items: { items: { required?: string[]; properties: Record<string, Record<string, unknown>> } } };
  };
  // Fields typed through a preprocess (text, decimals) read as optional in zod's input schema; say what is required.
  const item = schema.properties.items.items;
  item.required = ['sku', 'name', 'unit', 'list_price'];
  const describe: Record<string, string> = {
    sku: 'Model / SKU, as quote lines name it',
    name: 'Name: text, or { zh, en }',
    description: 'One line under the name in the quote: text, or { zh, en }',
    unit: 'Unit (台 / set): text, or { zh, en }',
    list_price: 'List price before tax, in the catalogue currency (e.g. 385000.00)',
    max_discount: 'Largest discount a rep may give without approval (0.08 = 8 %); the price floor is list_price × (1 − max_discount)',
    family: 'Product family (AOI, SPI, ICT, service…)',
    specs: 'What we can prove per purchase criterion: { criterion: <key>, value, proof }',
  };
  for (const [k, d] of Object.entries(describe)) if (item.properties[k]) item.properties[k].description = d;
  return { ...schema, title: 'dealdoc product catalogue' };
}
