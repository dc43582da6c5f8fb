// After `tsc`: record a hash of dealdoc's compiled code in dist/build-id.json, so every build can
// tell "dealdoc changed" (an input of every document) without hashing its own files each time.
// dist/bundle/ (scripts/bundle.mjs, made after this) is the same code packed: not hashed.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('../dist/', import.meta.url).pathname;
const files = readdirSync(root, { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile() && e.name.endsWith('.js') && !relative(root, e.parentPath).startsWith('bundle'))
  .map((e) => join(e.parentPath, e.name))
  .sort();
const h = createHash('sha256');
for (const f of files) h.update(relative(root, f)).update('\0').update(readFileSync(f)).update('\0');
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
writeFileSync(join(root, 'build-id.json'), JSON.stringify({ version: pkg.version, code: h.digest('hex').slice(0, 16) }) + '\n');
