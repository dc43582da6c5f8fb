// After `tsc`: precompile dealdoc's own templates (templates/*.md.hbs, templates/partials/*.hbs)
// with Handlebars into dist/compose/precompiled-templates.json, each with the sha256 of the
// source it was made from. Compiling a template costs ~60–80 ms in a fresh process (Handlebars'
// parser and code generator run cold) against < 1 ms to instantiate a precompiled one, and a
// one-deal build compiles two. src/compose/templates.ts uses an entry only when the file on
// disk still has that hash (and the same Handlebars version): an edited template, or a user's
// override folder, is compiled as before. The options must match templates.ts's compile().
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const Handlebars = createRequire(import.meta.url)('handlebars');
const dir = join(root, 'templates');
const files = {};
const add = (rel) => {
  const source = readFileSync(join(dir, rel), 'utf8');
  files[rel] = { sha256: createHash('sha256').update(source).digest('hex'), spec: Handlebars.precompile(source, { preventIndent: true }) };
};
for (const f of readdirSync(dir).sort()) if (f.endsWith('.md.hbs')) add(f);
if (existsSync(join(dir, 'partials'))) for (const f of readdirSync(join(dir, 'partials')).sort()) if (f.endsWith('.hbs')) add(`partials/${f}`);
mkdirSync(join(root, 'dist/compose'), { recursive: true });
writeFileSync(join(root, 'dist/compose/precompiled-templates.json'), JSON.stringify({ handlebars: Handlebars.VERSION, files }) + '\n');
