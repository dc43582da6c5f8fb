/** Content hashes for build planning: sha256 of bytes, of files, of canonical JSON. */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { Decimal } from '../domain/money.js';

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

export async function hashFile(path: string): Promise<string | undefined> {
  try {
    return sha256(await readFile(path));
  } catch {
    return undefined;
  }
}

/**
 * Hash of a computed model (plain objects, arrays, strings, numbers, booleans, Decimal): what a
 * document prints is a function of it. Keys are sorted; a Decimal hashes by its value. Anything
 * else (a Map, a Date, a class instance) makes the model unhashable: undefined, so the caller
 * renders instead of trusting a hash that could miss a change.
 */
export function modelHash(value: unknown): string | undefined {
  const h = createHash('sha256');
  const walk = (v: unknown): boolean => {
    if (v === null || v === undefined) return h.update(v === null ? 'n' : 'u'), true;
    switch (typeof v) {
      case 'string':
        h.update(`s${v.length}:`).update(v);
        return true;
      case 'number':
      case 'boolean':
        h.update(`${typeof v === 'number' ? 'i' : 'b'}${String(v)};`);
        return true;
      case 'object':
        break;
      default:
        return false;
    }
    if (Array.isArray(v)) {
      h.update(`[${v.length};`);
      return v.every(walk);
    }
    const proto = Object.getPrototypeOf(v) as unknown;
    if (proto !== Object.prototype && proto !== null) {
      if (v instanceof Decimal) return h.update(`d${v.toString()};`), true;
      return false;
    }
    const keys = Object.keys(v).filter((k) => (v as Record<string, unknown>)[k] !== undefined).sort();
    h.update(`{${keys.length};`);
    return keys.every((k) => (h.update(`k${k.length}:${k}`), walk((v as Record<string, unknown>)[k])));
  };
  return walk(value) ? h.digest('hex') : undefined;
}

/** Hash of several named parts, order-independent in names. */
export function hashParts(parts: Record<string, string | undefined>): string {
  const h = createHash('sha256');
  for (const key of Object.keys(parts).sort()) h.update(`${key}\0${parts[key] ?? '-'}\0`);
  return h.digest('hex');
}
