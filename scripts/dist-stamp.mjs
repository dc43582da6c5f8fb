// After `tsc` and build-id.mjs: record which sources dist/ was compiled from (.tmp/dist-stamp.json),
// so the test harness can tell a stale dist/ — src/ edited since the last `npm run build` — and
// rebuild it before any test runs the CLI (bin/dealdoc.js loads dist/). Content hashes, not mtimes:
// a checkout or a copy that touches files without changing them leaves dist/ fresh.
// dealdoc's own templates are precompiled into dist/bundle/ (scripts/bundle.mjs), so they are inputs.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** What `npm run build` reads: the sources, the compiler options, the version and the build-id script. */
export const INPUTS = ['src', 'tsconfig.json', 'tsconfig.build.json', 'package.json', 'scripts/build-id.mjs', 'scripts/bundle.mjs', 'bin/bundle-loader.cjs', 'templates'];

/** sha256 over every input file's path and bytes, in a fixed order. */
export function sourceHash(root, inputs = INPUTS) {
  const files = [];
  for (const input of inputs) {
    const full = join(root, input);
    if (!existsSync(full)) continue;
    if (statSync(full).isDirectory()) {
      for (const e of readdirSync(full, { recursive: true, withFileTypes: true })) if (e.isFile()) files.push(join(e.parentPath, e.name));
    } else files.push(full);
  }
  const h = createHash('sha256');
  for (const f of files.map((f) => relative(root, f)).sort()) h.update(f).update('\0').update(readFileSync(join(root, f))).update('\0');
  return h.digest('hex').slice(0, 16);
}

export const stampPath = (root) => join(root, '.tmp/dist-stamp.json');

const readJson = (file) => {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
};

/** Record that dist/ (as build-id.json identifies it) was compiled from the current sources. */
export function writeStamp(root, inputs = INPUTS) {
  const id = readJson(join(root, 'dist/build-id.json'));
  mkdirSync(dirname(stampPath(root)), { recursive: true });
  writeFileSync(stampPath(root), JSON.stringify({ sources: sourceHash(root, inputs), code: id?.code ?? null }) + '\n');
}

/** Whether dist/ is what `npm run build` would make of the sources now, and if not, why. */
export function distState(root, inputs = INPUTS) {
  const id = readJson(join(root, 'dist/build-id.json'));
  if (!id || !existsSync(join(root, 'dist/cli/main.js'))) return { fresh: false, reason: 'dist/ is missing or incomplete' };
  const stamp = readJson(stampPath(root));
  if (!stamp) return { fresh: false, reason: `no build stamp (${relative(root, stampPath(root))})` };
  if (stamp.code !== id.code) return { fresh: false, reason: 'dist/ was changed after the stamp was written' };
  if (stamp.sources !== sourceHash(root, inputs)) return { fresh: false, reason: 'sources changed since the last build' };
  return { fresh: true, reason: 'up to date' };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) writeStamp(fileURLToPath(new URL('..', import.meta.url)));
