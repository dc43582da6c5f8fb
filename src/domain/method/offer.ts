/**
 * What we offer per purchase criterion: the rep's response, else the catalogue's specification
 * whose key the criterion names (`{ criterion: …, key: false_call_rate }`) on a product of that
 * need — else the quote's other products. Nothing is matched by words.
 */
import type { PricedItem } from '../catalog.js';
import { localized } from './localized.js';
import type { Locale } from '../locale.js';
import type { NamedCriterion } from './swot.js';

export interface Offer {
  text: string;
  from: 'deal' | 'catalog';
  /** The SKU whose specification it is (catalogue offers). */
  sku?: string;
  /** The catalogue's proof for it (internal). */
  proof?: string;
}

export function offerFor(criterion: NamedCriterion, items: readonly PricedItem[], locale: Locale): Offer | undefined {
  if (criterion.response) return { text: criterion.response, from: 'deal' };
  if (!criterion.key) return undefined;
  const key = criterion.key.toLowerCase();
  const refs = new Set(criterion.products.map((p) => p.toUpperCase()));
  const ordered = [...items.filter((i) => i.sku && refs.has(i.sku.toUpperCase())), ...items.filter((i) => !(i.sku && refs.has(i.sku.toUpperCase())))];
  for (const item of ordered) {
    const spec = item.catalogued?.specs.find((s) => s.criterion === key);
    if (spec) return { text: localized(spec.value, locale) ?? '', from: 'catalog', sku: item.catalogued!.sku, proof: spec.proof };
  }
  return undefined;
}
