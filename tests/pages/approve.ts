/**
 * `npm run test:approve`: regenerate the reference page images after an intended layout change.
 * Look at every `*.diff.png` the failing test wrote (and at the new references) before committing.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildExamples, REFS, renderPages } from './render.js';

const work = mkdtempSync(join(tmpdir(), 'dealdoc-approve-'));
const docs = buildExamples(work);
const pages = docs.flatMap((d) => renderPages(d, join(work, 'pages')));
mkdirSync(REFS, { recursive: true });
const before = new Set(readdirSync(REFS).filter((f) => f.endsWith('.png') && !/\.(actual|diff)\.png$/.test(f)));
for (const f of before) rmSync(join(REFS, f));
let bytes = 0;
for (const p of pages) {
  const name = p.split('/').pop()!;
  copyFileSync(p, join(REFS, name));
  bytes += statSync(p).size;
  before.delete(name);
}
rmSync(work, { recursive: true, force: true });
console.log(`${pages.length} reference pages of ${docs.length} documents, ${Math.round(bytes / 1024)} KB in ${REFS}`);
if (before.size) console.log(`removed ${before.size} stale reference(s)`);
