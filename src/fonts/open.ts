/**
 * Font files parsed once per process, whoever asks first: the config's `fonts:` (./fonts-config.ts
 * reads a family's names) or drawing and glyph checks (./fonts.ts). The caller passes fontkit's
 * `create`, so this module loads no fontkit of its own.
 *
 * The bytes live in SharedArrayBuffers (WOFF already unpacked): a build hands the ones its main
 * thread has (fontBytesToShare) to its worker threads (adoptFontBytes), so each worker parses the
 * same memory instead of reading and holding its own copy — Noto Sans SC regular and bold are
 * 21 MB per thread.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import type * as Fontkit from 'fontkit';
import { unwrapWoff } from './woff.js';

const opened = new Map<string, Fontkit.Font>();
const bytesByPath = new Map<string, Uint8Array>();

/** Font files this process has parsed so far (the timing script reports them). */
export const loadedFontFiles = (): string[] => [...opened.keys()];

/** A file's whole contents in shared memory. */
function readShared(path: string): Uint8Array {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const bytes = new Uint8Array(new SharedArrayBuffer(size));
    for (let off = 0; off < size; ) {
      const n = readSync(fd, bytes, off, size - off, off);
      if (n === 0) throw new Error(`${path}: the file shrank while it was read`);
      off += n;
    }
    return bytes;
  } finally {
    closeSync(fd);
  }
}

/** A font file's bytes (WOFF unpacked to TrueType), in shared memory, read once per process. */
export function fontBytes(path: string): Uint8Array {
  let bytes = bytesByPath.get(path);
  if (!bytes) {
    const raw = readShared(path);
    const font = unwrapWoff(Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength));
    if (font.buffer === raw.buffer) bytes = raw;
    else {
      bytes = new Uint8Array(new SharedArrayBuffer(font.length));
      bytes.set(font);
    }
    bytesByPath.set(path, bytes);
  }
  return bytes;
}

/** Font bytes this thread holds, by path, to hand to worker threads (plain data: SharedArrayBuffers). */
export function fontBytesToShare(): Record<string, SharedArrayBuffer> {
  const out: Record<string, SharedArrayBuffer> = {};
  for (const [path, bytes] of bytesByPath) out[path] = bytes.buffer as SharedArrayBuffer; // fontBytes stores shared memory only
  return out;
}

/** Take font bytes another thread read (fontBytesToShare); anything else is ignored. */
export function adoptFontBytes(shared: unknown): void {
  if (!shared || typeof shared !== 'object') return;
  for (const [path, buffer] of Object.entries(shared)) {
    if (buffer instanceof SharedArrayBuffer && !bytesByPath.has(path)) bytesByPath.set(path, new Uint8Array(buffer));
  }
}

/** Parse a font file once per process (TrueType, OpenType or WOFF 1.0; one font, not a collection). */
export function parseFontOnce(path: string, create: typeof Fontkit.create): Fontkit.Font {
  let font = opened.get(path);
  if (!font) {
    const bytes = fontBytes(path);
    const made = create(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    if ('fonts' in made) throw new Error(`${path}: expected a single font, got a font collection`);
    font = made as Fontkit.Font;
    opened.set(path, font);
  }
  return font;
}
