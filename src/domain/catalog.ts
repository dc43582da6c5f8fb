/**
 * The product catalogue and priced quote lines as the domain reads them (plain types; the file
 * format and its validation are `data/catalog.ts`, checked at compile time to yield `CatalogItem`).
 */
import type { LocalizedText } from './method/localized.js';
import type { Decimal } from './money.js';

/** What we offer on one purchase criterion, by the key a deal's criterion gives. */
export interface CatalogSpec {
  criterion: string;
  /** A statement we can prove. */
  value: LocalizedText;
  /** Where the proof is (test report, reference line); internal, printed in the brief. */
  proof?: string;
}

export interface CatalogItem {
  sku: string;
  name: LocalizedText;
  description?: LocalizedText;
  unit: LocalizedText;
  /** Price before tax, in the catalogue's currency. */
  list_price: Decimal;
  /** The largest discount a rep may give without approval (0.08 = 8 %). */
  max_discount: Decimal;
  family?: string;
  specs: CatalogSpec[];
}

/** A quote line with everything a document prints: name and price from the deal or the catalogue. */
export interface PricedItem {
  sku?: string;
  name: string;
  description?: string;
  qty: Decimal;
  unit?: string;
  unit_price: Decimal;
  discount?: Decimal;
  /** The catalogue entry the SKU names (when the catalogue has it). */
  catalogued?: CatalogItem;
  /** The catalogue's list price, when it is in the quote's currency (price floors compare with it). */
  listPrice?: Decimal;
  /** Fields the deal gave that differ from the catalogue (deal wins), for the brief. */
  overrides: ('name' | 'unit' | 'unit_price' | 'description')[];
  /** Neither the deal nor the catalogue gave a name or a price: unusable in a customer document. */
  unresolved: ('name' | 'unit_price')[];
}
