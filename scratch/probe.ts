import { z } from 'zod';
import { dealSchema } from '../src/data/deal-schema.ts';
import { fieldKinds } from '../src/data/fields.ts';
const seen: string[] = [];
const s = z.toJSONSchema(dealSchema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12', override: (ctx) => { const k = fieldKinds.get(ctx.zodSchema); if (k) seen.push(k.kind + ' ' + JSON.stringify(ctx.jsonSchema)); } });
console.log(seen.length, seen.slice(0,5));
console.log(JSON.stringify(s.properties.quote, null, 1).slice(0, 1500));
