/**
 * What changed between two versions of a deal, in the customer's terms: quote lines with their
 * line totals, subtotal, tax and total (computed by domain/quote.ts, the documents' own
 * arithmetic), terms, needs and criteria, the narrative by heading — and, separately, the
 * internal fields (contacts, competitors, qualification, stage, SWOT, actions, notes).
 */
import { resolveQuoteItems, type Catalog, type PricedItem } from '../data/catalog.js';
import type { Deal } from '../data/deal-schema.js';
import { Decimal, fixed } from '../domain/money.js';
import { computeQuote, lineTotal } from '../domain/quote.js';

export interface ValueChange {
  /** Field path in the deal file, e.g. `quote.payment_terms` or `needs.problems[“…”].criteria[“…”].response`. */
  path: string;
  /** Section the change belongs to (cover, rep, customer, needs, why_us, next_steps, terms, contacts…). */
  section: string;
  old?: string;
  new?: string;
}

export interface MoneyChange {
  old: string;
  new: string;
  /** new − old, exact to the cent ("-23100.00"). */
  delta: string;
}

export interface LineFieldChange {
  field: 'name' | 'description' | 'qty' | 'unit' | 'unit_price' | 'discount';
  old?: string;
  new?: string;
}

export interface QuoteLineChange {
  kind: 'added' | 'removed' | 'changed';
  /** SKU, else the item name. */
  key: string;
  name: string;
  fields: LineFieldChange[];
  /** Line totals (qty × unit price × (1 − discount), half-up to the cent); absent on the missing side. */
  oldTotal?: string;
  newTotal?: string;
  delta: string;
}

export interface NarrativeChange {
  kind: 'added' | 'removed' | 'changed';
  /** Heading text, or "" for the text before the first heading. */
  heading: string;
}

export interface DealDiff {
  id: string;
  title: string;
  locale: 'zh-CN' | 'en';
  currency: string;
  quote: {
    lines: QuoteLineChange[];
    subtotal: MoneyChange;
    tax: MoneyChange;
    total: MoneyChange;
    taxRate?: { old: string; new: string };
    currency?: { old: string; new: string };
    /** The lines both versions have, in each version's order, when that order changed (the customer sees the numbering). */
    order?: { old: string[]; new: string[] };
  };
  customer: ValueChange[];
  narrative: NarrativeChange[];
  internal: ValueChange[];
  /** True when anything the customer sees changed (quote, terms, needs, narrative, cover…). */
  customerFacingChanged: boolean;
}

const money = (d: Decimal) => fixed(d, 2);
const moneyChange = (a: Decimal, b: Decimal): MoneyChange => ({ old: money(a), new: money(b), delta: money(b.minus(a)) });

/** Text of a scalar for comparison and display (Decimal rates as given: 0.05). */
function scalar(v: unknown): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (v instanceof Decimal) return v.toString();
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** The field that names an element of a list, so lists are compared by meaning, not position. */
const KEY_FIELDS = ['sku', 'problem', 'criterion', 'name', 'point', 'step', 'action', 'department'];

function keyOf(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (v && typeof v === 'object' && !(v instanceof Decimal)) {
    for (const k of KEY_FIELDS) {
      const x = (v as Record<string, unknown>)[k];
      if (typeof x === 'string') return x;
    }
  }
  return undefined;
}

/** Keys made unique by occurrence (a second "Training" line is "Training#2"). */
function keyed(list: unknown[]): Map<string, unknown> {
  const out = new Map<string, unknown>();
  list.forEach((v, i) => {
    const base = keyOf(v) ?? `#${i + 1}`;
    let k = base;
    for (let n = 2; out.has(k); n++) k = `${base}#${n}`;
    out.set(k, v);
  });
  return out;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => Boolean(v) && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Decimal);

/** Structural comparison: objects by field, lists by their elements' names, scalars as text. */
function diffValue(section: string, path: string, a: unknown, b: unknown, out: ValueChange[]): void {
  if (Array.isArray(a) || Array.isArray(b)) {
    const la = keyed(Array.isArray(a) ? a : []);
    const lb = keyed(Array.isArray(b) ? b : []);
    const scalars = [...la.values(), ...lb.values()].every((v) => !isPlainObject(v));
    for (const [k, va] of la) {
      const p = `${path}[“${k}”]`;
      if (!lb.has(k)) out.push({ section, path: p, old: describe(va) });
      else if (!scalars) diffValue(section, p, va, lb.get(k), out);
    }
    for (const [k, vb] of lb) if (!la.has(k)) out.push({ section, path: `${path}[“${k}”]`, new: describe(vb) });
    return;
  }
  if (isPlainObject(a) || isPlainObject(b)) {
    const oa = isPlainObject(a) ? a : {};
    const ob = isPlainObject(b) ? b : {};
    for (const k of new Set([...Object.keys(oa), ...Object.keys(ob)])) diffValue(section, path ? `${path}.${k}` : k, oa[k], ob[k], out);
    return;
  }
  const sa = scalar(a);
  const sb = scalar(b);
  if (sa !== sb) out.push({ section, path, old: sa, new: sb });
}

/** A whole element, shown when it is added or removed. */
function describe(v: unknown): string {
  if (isPlainObject(v)) {
    return Object.entries(v)
      .filter(([, x]) => x !== undefined && !(Array.isArray(x) && x.length === 0))
      .map(([k, x]) => `${k}: ${Array.isArray(x) ? x.map((e) => keyOf(e) ?? describe(e)).join('; ') : scalar(x)}`)
      .join(', ');
  }
  return scalar(v) ?? '';
}

const LINE_FIELDS: LineFieldChange['field'][] = ['name', 'description', 'qty', 'unit', 'unit_price', 'discount'];

function diffQuoteLines(a: PricedItem[], b: PricedItem[]): QuoteLineChange[] {
  const la = keyed(a) as Map<string, PricedItem>;
  const lb = keyed(b) as Map<string, PricedItem>;
  const out: QuoteLineChange[] = [];
  for (const [k, ia] of la) {
    const ib = lb.get(k);
    const ta = lineTotal(ia);
    if (!ib) {
      out.push({ kind: 'removed', key: k, name: ia.name, fields: [], oldTotal: money(ta), delta: money(ta.negated()) });
      continue;
    }
    const fields: LineFieldChange[] = [];
    for (const f of LINE_FIELDS) {
      const va = scalar(f === 'discount' ? (ia.discount ?? new Decimal(0)) : ia[f]);
      const vb = scalar(f === 'discount' ? (ib.discount ?? new Decimal(0)) : ib[f]);
      const same = (f === 'qty' || f === 'unit_price' || f === 'discount') && va !== undefined && vb !== undefined ? new Decimal(va).eq(vb) : va === vb;
      if (!same) fields.push({ field: f, old: va, new: vb });
    }
    const tb = lineTotal(ib);
    if (fields.length) out.push({ kind: 'changed', key: k, name: ib.name, fields, oldTotal: money(ta), newTotal: money(tb), delta: money(tb.minus(ta)) });
  }
  for (const [k, ib] of lb) {
    if (la.has(k)) continue;
    const tb = lineTotal(ib);
    out.push({
      kind: 'added',
      key: k,
      name: ib.name,
      fields: LINE_FIELDS.filter((f) => ib[f] !== undefined).map((f) => ({ field: f, new: scalar(ib[f]) })),
      newTotal: money(tb),
      delta: money(tb),
    });
  }
  return out;
}

/** The narrative split at its headings (outside fenced code), as heading → text. */
export function narrativeSections(body: string): Map<string, string> {
  const sections = new Map<string, string>();
  let heading = '';
  let lines: string[] = [];
  let fence: string | undefined;
  const flush = () => {
    const text = lines.join('\n').trim();
    if (heading || text) {
      let k = heading;
      for (let n = 2; sections.has(k); n++) k = `${heading} (${n})`;
      sections.set(k, text);
    }
  };
  for (const line of body.replace(/\r\n?/g, '\n').split('\n')) {
    const f = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
    const mark = f?.[1]?.[0];
    if (f) fence = fence === undefined ? mark : fence === mark ? undefined : fence;
    const h = fence === undefined && !f ? /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(line) : null;
    if (h) {
      flush();
      heading = h[1] ?? '';
      lines = [];
    } else lines.push(line);
  }
  flush();
  return sections;
}

function diffNarrative(a: string, b: string): NarrativeChange[] {
  const sa = narrativeSections(a);
  const sb = narrativeSections(b);
  const out: NarrativeChange[] = [];
  for (const [h, t] of sa) {
    if (!sb.has(h)) out.push({ kind: 'removed', heading: h });
    else if (sb.get(h) !== t) out.push({ kind: 'changed', heading: h });
  }
  for (const h of sb.keys()) if (!sa.has(h)) out.push({ kind: 'added', heading: h });
  return out;
}

/** Customer-facing top-level fields, by section; everything else listed here is internal. */
const CUSTOMER_FIELDS: [section: string, fields: (keyof Deal)[]][] = [
  ['cover', ['title', 'subtitle', 'doc_no', 'version', 'date', 'locale']],
  ['rep', ['rep']],
  ['customer', ['customer']],
  ['needs', ['needs']],
  ['why_us', ['why_us']],
  ['next_steps', ['next_steps']],
  ['proposal', ['proposal']],
];
const TERMS = ['payment_terms', 'delivery', 'warranty', 'valid_until', 'notes'] as const;
const INTERNAL_FIELDS: (keyof Deal)[] = ['contacts', 'competitors', 'qualification', 'stage', 'swot', 'actions', 'internal_notes'];

/** `catalog` prices SKU-only quote lines (name, unit, price from the catalogue), as the documents do. */
export function diffDeals(a: Deal, b: Deal, catalog?: Catalog): DealDiff {
  const ia = resolveQuoteItems(a.quote.items, a.quote.currency, a.locale, catalog);
  const ib = resolveQuoteItems(b.quote.items, b.quote.currency, b.locale, catalog);
  const qa = computeQuote({ tax_rate: a.quote.tax_rate, items: ia });
  const qb = computeQuote({ tax_rate: b.quote.tax_rate, items: ib });
  const customer: ValueChange[] = [];
  for (const [section, fields] of CUSTOMER_FIELDS) for (const f of fields) diffValue(section, f, a[f], b[f], customer);
  for (const t of TERMS) diffValue('terms', `quote.${t}`, a.quote[t], b.quote[t], customer);
  const internal: ValueChange[] = [];
  for (const f of INTERNAL_FIELDS) diffValue(f, f, a[f], b[f], internal);
  if (a.id !== b.id) internal.push({ section: 'id', path: 'id', old: a.id, new: b.id });

  const quote: DealDiff['quote'] = {
    lines: diffQuoteLines(ia, ib),
    subtotal: moneyChange(qa.subtotal, qb.subtotal),
    tax: moneyChange(qa.tax, qb.tax),
    total: moneyChange(qa.total, qb.total),
  };
  if (!a.quote.tax_rate.eq(b.quote.tax_rate)) quote.taxRate = { old: a.quote.tax_rate.toString(), new: b.quote.tax_rate.toString() };
  if (a.quote.currency !== b.quote.currency) quote.currency = { old: a.quote.currency, new: b.quote.currency };
  const common = (x: Map<string, unknown>, y: Map<string, unknown>) => [...x.keys()].filter((k) => y.has(k));
  const [ka, kb] = [keyed(ia), keyed(ib)];
  const [oa, ob] = [common(ka, kb), common(kb, ka)];
  if (oa.join('\n') !== ob.join('\n')) quote.order = { old: oa, new: ob };
  const narrative = diffNarrative(a.body, b.body);
  const quoteChanged = quote.lines.length > 0 || !!quote.taxRate || !!quote.currency || !!quote.order || quote.total.delta !== '0.00';
  return {
    id: b.id,
    title: b.title,
    locale: b.locale,
    currency: b.quote.currency,
    quote,
    customer,
    narrative,
    internal,
    customerFacingChanged: quoteChanged || customer.length > 0 || narrative.length > 0,
  };
}
