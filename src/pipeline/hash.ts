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
  return new ModelHasher(prefix).hash(value);
}

/** An object's keys as met (insertion order), sorted, and the text of each sorted key. */
interface Shape {
  keys: string[];
  sorted: string[];
  texts: string[];
}
const EMPTY: Shape = { keys: [], sorted: [], texts: [] };

/** Flush the text to the hash past this many characters: a report's model is ~1.5 MB of it. */
const CHUNK = 1 << 16;

/**
 * The walk behind modelHash. The text it hashes is the same as ever (tests/pipeline/model-hash.test.ts
 * keeps the plain walk to compare), built for less: appended to one string that goes to the hash
 * in chunks (not a ~100,000-piece array joined at the end), and each object's keys sorted (and their text made) once per
 * shape — a report's ~8,000 objects have ~20 shapes, so the sorted list of the previous object
 * with the same keys in the same order is reused.
 */
class ModelHasher {
  private text = '';
  private readonly h = createHash('sha256');
  /** Per first key: the last key list seen (in insertion order) and its sorted copy. */
  private readonly shapes = new Map<string, Shape>();
  constructor(private readonly prefix: string | undefined) {}

  hash(value: unknown): string | undefined {
    if (!this.walk(value)) return undefined;
    return this.h.update(this.text).digest('hex');
  }

  private add(s: string): void {
    this.text += s;
    if (this.text.length > CHUNK) {
      this.h.update(this.text);
      this.text = '';
    }
  }

  /** The keys sorted, each with its text (`k<length>:<key>`). */
  private shape(keys: string[]): Shape {
    if (keys.length === 0) return EMPTY;
    const known = this.shapes.get(keys[0]!);
    if (known && known.keys.length === keys.length && known.keys.every((k, i) => k === keys[i])) return known;
    const sorted = [...keys].sort();
    const shape = { keys, sorted, texts: sorted.map((k) => `k${k.length}:${k}`) };
    this.shapes.set(keys[0]!, shape);
    return shape;
  }

  private walk(v: unknown): boolean {
    if (v === null || v === undefined) {
      this.add(v === null ? 'n' : 'u');
      return true;
    }
    switch (typeof v) {
      case 'string': {
        const { prefix } = this;
        const s = prefix !== undefined && v.startsWith(prefix) ? `./${v.slice(prefix.length)}` : v;
        this.add(`s${s.length}:`);
        this.add(s);
        return true;
      }
      case 'number':
        this.add(`i${String(v)};`);
        return true;
      case 'boolean':
        this.add(`b${String(v)};`);
        return true;
      case 'object':
        break;
      default:
        return false;
    }
    if (Array.isArray(v)) {
      this.add(`[${v.length};`);
      for (const item of v as unknown[]) if (!this.walk(item)) return false;
      return true;
    }
    const proto = Object.getPrototypeOf(v) as unknown;
    if (proto !== Object.prototype && proto !== null) {
      if (v instanceof Decimal) return this.add(`d${v.toString()};`), true;
      return false;
    }
    const o = v as Record<string, unknown>;
    const { sorted, texts } = this.shape(Object.keys(o));
    let defined = 0;
    for (const k of sorted) if (o[k] !== undefined) defined += 1;
    this.add(`{${defined};`);
    for (let i = 0; i < sorted.length; i++) {
      const x = o[sorted[i]!];
      if (x === undefined) continue;
      this.add(texts[i]!);
      if (!this.walk(x)) return false;
    }
    return true;
  }
}

/** Hash of several named parts, order-independent in names. */
export function hashParts(parts: Record<string, string | undefined>): string {
  const h = createHash('sha256');
  for (const key of Object.keys(parts).sort()) h.update(`${key}\0${parts[key] ?? '-'}\0`);
  return h.digest('hex');
}
