/** Deal files in the data folder. */
import { readdirSync, readFileSync } from 'node:fs';
import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import { join, relative } from 'node:path';
import { Diagnostic } from '../diagnostics.js';

export const DEAL_FILE = /\.(md|markdown|json|ya?ml)$/i;

/** Deal files in `<data>/deals/`, sorted, as paths relative to the working directory. */
export async function discoverDeals(dataDir: string): Promise<string[]> {
  const dir = join(dataDir, 'deals');
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.filter((n) => DEAL_FILE.test(n) && !n.startsWith('.')).sort().map((n) => join(dir, n));
}

export function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel.startsWith('..') ? path : rel;
}


/** Where a deal file states its `id` (line 1, column 1 when the id comes from the file name). */
export function idPosition(path: string): { line: number; column: number } {
  try {
    const text = readFileSync(path, 'utf8').replace(/\r\n?/g, '\n');
    let yamlText = text;
    let lineOffset = 0;
    if (!/\.json$/i.test(path)) {
      const lines = text.split('\n');
      const close = lines.findIndex((l, i) => i > 0 && /^(---|\.\.\.)\s*$/.test(l));
      yamlText = lines.slice(1, close < 0 ? lines.length : close).join('\n');
      lineOffset = 1;
    }
    const lineCounter = new LineCounter();
    const doc = parseDocument(yamlText, { lineCounter, uniqueKeys: false });
    if (isMap(doc.contents)) {
      for (const pair of doc.contents.items) {
        const key = isScalar(pair.key) ? pair.key.value : undefined;
        const at = isScalar(pair.value) ? pair.value.range?.[0] : undefined;
        if (key === 'id' && at !== undefined) {
          const pos = lineCounter.linePos(at);
          return { line: pos.line + lineOffset, column: pos.col };
        }
      }
    }
  } catch {
    // Unreadable or not YAML: point at the file's start.
  }
  return { line: 1, column: 1 };
}

/**
 * One owner per deal id. Every file that claims an id another file also claims is reported, at
 * its `id`, naming the others; none of them is built (so which one "wins" never depends on file
 * names), and their last documents stay until the clash is resolved.
 */
export function idClashes(claims: readonly { id: string; file: string; path: string }[]): { contested: Set<string>; diagnostics: Diagnostic[] } {
  const byId = new Map<string, { file: string; path: string }[]>();
  for (const c of claims) byId.set(c.id, [...(byId.get(c.id) ?? []), c]);
  const contested = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  for (const [id, owners] of byId) {
    if (owners.length < 2) continue;
    contested.add(id);
    for (const o of owners) {
      const others = owners.filter((x) => x !== o).map((x) => x.file).join(', ');
      diagnostics.push(new Diagnostic({ file: o.file, ...idPosition(o.path), rule: 'id', field: 'id', message: `deal id "${id}" is also claimed by ${others}; neither is built (their last documents are kept) until each deal has its own id` }));
    }
  }
  return { contested, diagnostics };
}
