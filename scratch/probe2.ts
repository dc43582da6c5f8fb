import { dealJsonSchema } from '../src/data/json-schema.ts';
const r = dealJsonSchema();
console.log(r.undescribed);
console.log(JSON.stringify((r.schema as any).properties.quote, null, 1).slice(0, 2500));
console.log(JSON.stringify((r.schema as any).properties.stage, null, 1));
