/**
 * Files `npm run build` makes beside the bundled CLI (dist/bundle/) that writers may start from:
 * e.g. the DOCX package skeletons the warm-up build compiled (scripts/bundle.mjs). This module
 * sits two folders below the package root, as the bundle does, so `../bundle` is dist/bundle/ in
 * both; run from src/ there is nothing, and writers compile as usual.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** A shipped JSON file made for exactly this build of dealdoc (dist/build-id.json), else undefined. */
export function shippedJson(name: string): unknown {
  const here = dirname(fileURLToPath(import.meta.url));
  try {
    const build = (JSON.parse(readFileSync(resolve(here, '../build-id.json'), 'utf8')) as { code?: unknown }).code;
    const file = JSON.parse(readFileSync(resolve(here, '../bundle', name), 'utf8')) as { code?: unknown; data?: unknown };
    return typeof build === 'string' && file.code === build ? file.data : undefined;
  } catch {
    return undefined;
  }
}
