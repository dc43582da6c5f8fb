import { readFileSync, readdirSync } from 'node:fs';
import { parse } from 'yaml';
import Ajv2020 from 'ajv/dist/2020.js';
const schema = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const ajv = new Ajv2020({ strict: false, allErrors: true });
const validate = ajv.compile(schema);
const files = process.argv.slice(3);
for (const f of files) {
  const t = readFileSync(f, 'utf8');
  const data = f.endsWith('.json') ? JSON.parse(t) : parse(t.split(/^---$/m)[1]);
  validate(data);
  console.log(f, (validate.errors ?? []).length);
}
