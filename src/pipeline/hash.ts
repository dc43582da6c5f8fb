/** Content hashes for build planning: sha256 of bytes, of files, of canonical JSON. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { sep } from 'node:path';
import { Decimal } from '../domain/money.js';

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * sha256 of a file's bytes, undefined when it cannot be read. Read synchronously: planning hashes
 * hundreds of small files, and an asynchronous read (open, fstat, read, close through the thread
 * pool) costs ~5× the CPU of a synchronous one for a file of a few kilobytes.
 */
export async function hashFile(path: string): Promise<string | undefined> {
  try {
    return sha256(readFileSync(path));
  } catch {
    return undefined;
  }
}

/**
 * Hash of a computed model (plain objects, arrays, strings, numbers, booleans, Decimal): what a
 * document prints is a function of it. Keys are sorted; a Decimal hashes by its value. Anything
 * else (a Map, a Date, a class instance) makes the model unhashable: undefined, so the caller
 * renders instead of trusting a hash that could miss a change. A string below `root` (the data
 * folder: ledger rows carry their file's absolute path for diagnostics) hashes as its path relative
 * to it, so moving the project folder does not make every figure look changed.
 */
export function modelHash(value: unknown, root?: string): string | undefined {
  const prefix = root === undefined ? undefined : root.endsWith(sep) ? root : `${root}${sep}`;
  // One string, hashed once: a crypto update per value would cost more than the walk itself.
  const out: string[] = [];
  const walk = (v: unknown): boolean => {
    if (v === null || v === undefined) return out.push(v === null ? 'n' : 'u'), true;
    switch (typeof v) {
      case 'string': {
        const s = prefix !== undefined && v.startsWith(prefix) ? `./${v.slice(prefix.length)}` : v;
        out.push(`s${s.length}:`, s);
        return true;
      }
      case 'number':
      case 'boolean':
        out.push(`${typeof v === 'number' ? 'i' : 'b'}${String(v)};`);
        return true;
      case 'object':
        break;
      default:
        return false;
    }
    if (Array.isArray(v)) {
      out.push(`[${v.length};`);
      return v.every(walk);
    }
    const proto = Object.getPrototypeOf(v) as unknown;
    if (proto !== Object.prototype && proto !== null) {
      if (v instanceof Decimal) return out.push(`d${v.toString()};`), true;
      return false;
    }
    const keys = Object.keys(v).filter((k) => (v as Record<string, unknown>)[k] !== undefined).sort();
    out.push(`{${keys.length};`);
    return keys.every((k) => (out.push(`k${k.length}:${k}`), walk((v as Record<string, unknown>)[k])));
  };
  return walk(value) ? sha256(out.join('')) : undefined;
}

/** Hash of several named parts, order-independent in names. */
export function hashParts(parts: Record<string, string | undefined>): string {
  const h = createHash('sha256');
  for (const key of Object.keys(parts).sort()) h.update(`${key}\0${parts[key] ?? '-'}\0`);
  return h.digest('hex');
}
