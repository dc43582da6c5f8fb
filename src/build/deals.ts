/** Deal files in the data folder. */
import { readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { Diagnostic } from '../diagnostics.js';

export const DEAL_FILE = /\.(md|markdown|json|ya?ml)$/i;

/** Deal files in `<data>/deals/`, sorted, as paths relative to the working directory. */
export async function discoverDeals(dataDir: string): Promise<string[]> {
  const dir = join(dataDir, 'deals');
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  return names.filter((n) => DEAL_FILE.test(n) && !n.startsWith('.')).sort().map((n) => join(dir, n));
}

export function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel.startsWith('..') ? path : rel;
}


/** Record that `file` uses deal id `id`; a diagnostic when another file already does. */
export function claimDealId(seen: Map<string, string>, id: string, file: string): Diagnostic | undefined {
  const other = seen.get(id);
  if (other) return new Diagnostic({ file, rule: 'id', field: 'id', message: `deal id "${id}" is already used by ${other}` });
  seen.set(id, file);
  return undefined;
}
