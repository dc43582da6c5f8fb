/**
 * Files `npm run build` makes beside the bundled CLI (dist/bundle/, scripts/bundle.mjs) that a
 * fresh process may start from instead of compiling them again: dealdoc's own templates
 * precompiled (compose/templates.ts) and the DOCX package skeletons of the warm-up build
 * (writers/docx/package.ts). Each file is `{ code, data }`, `code` being the build id
 * (dist/build-id.json) it was made for; another build's file is not used.
 * This module sits two folders below the package root, as the bundle does, so `../bundle` is
 * dist/bundle/ from either; run from src/ there is nothing, and everything compiles as usual.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** A shipped JSON file's data, when it was made for exactly this build of dealdoc; else undefined. */
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
