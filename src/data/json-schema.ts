/**
 * `dealdoc schema`: the JSON Schema (draft 2020-12) of deal files, generated from the same zod
 * schema that validates them, typed as an editor sees YAML (numbers, booleans, dates — with the
 * text forms the reader also accepts), optional fields that may be left empty, and a Chinese +
 * English description on every field (from `deal-descriptions.ts`, the one source of truth).
 */
import { z } from 'zod';
import { dealSchema } from './deal-schema.js';
import { DEAL_DESCRIPTIONS, ENUM_DESCRIPTIONS, describeField } from './deal-descriptions.js';
import { fieldKinds, type FieldKind } from './fields.js';

type Json = Record<string, unknown>;

/** An identifier, not an address: the schema is generated locally (`dealdoc schema`, `dealdoc init`). */
export const SCHEMA_ID = 'urn:dealdoc:deal-file:1';

/** Number text the reader accepts besides plain numbers: `1_000`, `12,000`, `¥12,000`, full-width digits, `(200)`. */
const AMOUNT_TEXT = '^\\s*[(（]?\\s*(?:[¥￥]|RMB|rmb)?\\s*[-+－＋]?\\s*(?:[¥￥]|RMB|rmb)?\\s*[0-9０-９][0-9０-９,，_]*(?:[.．][0-9０-９]*)?\\s*[)）]?\\s*-?\\s*$';
const PERCENT_TEXT = '^\\s*[0-9０-９]+(?:[.．][0-9０-９]+)?\\s*[%％]\\s*$';
const INTEGER_TEXT = '^\\s*-?[0-9]+\\s*$';
const DATE_TEXT =
  '^\\s*(?:[0-9０-９]{4}[-/.－／．][0-9０-９]{1,2}[-/.－／．][0-9０-９]{1,2}(?:[T ][0-9]{1,2}:[0-9]{2}(?::[0-9]{2}(?:\\.[0-9]+)?)?\\s*(?:Z|[+-][0-9]{2}:?[0-9]{2})?)?|[0-9０-９]{4}年[0-9０-９]{1,2}月[0-9０-９]{1,2}日|[0-9]{8})\\s*$';
const BOOL_TEXT = '^\\s*(?:[Tt][Rr][Uu][Ee]|[Ff][Aa][Ll][Ss][Ee]|[Yy][Ee][Ss]|[Nn][Oo])\\s*$';

function typed(kind: FieldKind, base: Json): Json {
  const def = base.default;
  switch (kind.kind) {
    case 'text':
      // The reader takes `version: 1.0` or `phone: 13800000000` as text, so editors must too.
      return { ...base, type: ['string', 'number', 'boolean'] };
    case 'decimal': {
      const num: Json = { type: 'number' };
      if (kind.min !== undefined) num[kind.minExclusive ? 'exclusiveMinimum' : 'minimum'] = kind.min;
      if (kind.max !== undefined) num.maximum = kind.max;
      const forms: Json[] = [num, { type: 'string', pattern: AMOUNT_TEXT }];
      if (kind.percent) forms.push({ type: 'string', pattern: PERCENT_TEXT });
      return { ...(def !== undefined ? { default: Number(def) } : {}), anyOf: forms };
    }
    case 'integer':
      return { anyOf: [{ type: 'integer', minimum: kind.min, maximum: kind.max }, { type: 'string', pattern: INTEGER_TEXT }] };
    case 'date':
      return { type: 'string', pattern: DATE_TEXT, examples: ['2026-12-01'] };
    case 'bool':
      return { ...(def !== undefined ? { default: def === 'true' || def === true } : {}), anyOf: [{ type: 'boolean' }, { type: 'string', pattern: BOOL_TEXT }] };
  }
}

/** Field path of a schema node: `quote.items[].qty`. */
const join = (path: string, key: string) => (path ? `${path}.${key}` : key);

/** zod defaults are the text the failsafe reader sees (`"0"`, `"false"`); editors want the typed value. */
function typedDefault(node: Json): void {
  const types = ((node.anyOf as Json[] | undefined) ?? []).map((a) => a.type);
  if (typeof node.default !== 'string') return;
  if (types.includes('number')) node.default = Number(node.default);
  else if (types.includes('boolean')) node.default = node.default === 'true';
}

function decorate(node: Json, path: string, missing: string[], lang: 'zh' | 'en' | 'both'): void {
  typedDefault(node);
  if (path) {
    const d = describeField(path, lang);
    if (d) node.description = d;
    else missing.push(path);
    const en = ENUM_DESCRIPTIONS[path];
    if (en && Array.isArray(node.enum)) {
      node.enumDescriptions = (node.enum as string[]).map((v) => en[v] ? (lang === 'both' ? `${en[v].zh} — ${en[v].en}` : en[v][lang]) : '');
      node.markdownEnumDescriptions = node.enumDescriptions;
    }
  }
  if (node.type === 'object' && node.properties) {
    const props = node.properties as Record<string, Json>;
    const required = new Set((node.required as string[] | undefined) ?? []);
    for (const [key, child] of Object.entries(props)) {
      decorate(child, join(path, key), missing, lang);
      // `qualification:` with only comments under it reads as empty: the reader drops it.
      if (!required.has(key)) props[key] = allowNull(child);
    }
  }
  if (node.type === 'array' && node.items) decorate(node.items as Json, `${path}[]`, missing, lang);
  for (const alt of (node.anyOf as Json[] | undefined) ?? []) if (alt.type === 'object' || alt.type === 'array') decorate(alt, path, missing, lang);
}

function allowNull(node: Json): Json {
  const { description, default: def, ...rest } = node;
  const meta: Json = description === undefined ? {} : { description };
  if (def !== undefined) meta.default = def;
  return { ...meta, anyOf: [...(rest.anyOf && Object.keys(rest).length === 1 ? (rest.anyOf as Json[]) : [rest]), { type: 'null' }] };
}

export interface DealJsonSchemaResult {
  schema: Json;
  /** Field paths without a description (a test keeps this empty). */
  undescribed: string[];
}

/** Build the deal file JSON Schema. `lang` picks the description language (default both). */
export function dealJsonSchema(lang: 'zh' | 'en' | 'both' = 'both'): DealJsonSchemaResult {
  const raw = z.toJSONSchema(dealSchema, {
    io: 'input',
    unrepresentable: 'any',
    target: 'draft-2020-12',
    override: (ctx) => {
      const def = ctx.zodSchema._zod.def as { type: string; innerType?: z.ZodType; defaultValue?: unknown };
      // zod leaves an output-typed default (`guide: false`) out of the input schema; editors want it.
      if (def.type === 'default' && def.innerType && fieldKinds.get(def.innerType) && (ctx.jsonSchema as Json).default === undefined) {
        const value = def.defaultValue;
        if (typeof value === 'boolean' || typeof value === 'number' || typeof value === 'string') (ctx.jsonSchema as Json).default = value;
      }
      const kind = fieldKinds.get(ctx.zodSchema);
      if (!kind) return;
      const out = typed(kind, ctx.jsonSchema as Json);
      for (const k of Object.keys(ctx.jsonSchema)) delete (ctx.jsonSchema as Json)[k];
      Object.assign(ctx.jsonSchema, out);
    },
  }) as Json;
  const missing: string[] = [];
  decorate(raw, '', missing, lang);
  const props = raw.properties as Record<string, Json>;
  props.$schema = { type: 'string', description: describeField('$schema', lang) };
  const top = DEAL_DESCRIPTIONS[''];
  const schema: Json = {
    $schema: raw.$schema,
    $id: SCHEMA_ID,
    title: 'dealdoc deal file',
    description: top && (lang === 'both' ? `${top.zh}\n${top.en}` : top[lang]),
    ...Object.fromEntries(Object.entries(raw).filter(([k]) => k !== '$schema')),
  };
  return { schema, undescribed: missing };
}
