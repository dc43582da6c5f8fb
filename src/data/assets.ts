/**
 * Assets (images, logos) referenced by deal files and config resolve only inside the data
 * folder's `assets/`: no absolute paths, no `..`, no URLs, no symlinks leading out, PNG/JPEG
 * only, size-capped, and the file itself checked once here (header, dimensions, pixel count, chunk
 * CRCs, that the PNG data inflates to exactly the declared pixels — no more, no less — and that a
 * JPEG ends). Anything else is a warning and the image prints as its alt text, in every format:
 * the writers only ever see images that passed, and run the same check on what they embed.
 */
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { Unzlib } from 'fflate';
import { inflateSync } from 'node:zlib';
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';

const MAX_ASSET_BYTES = 10 * 1024 * 1024;
const ALLOWED = new Set(['.png', '.jpg', '.jpeg']);

export type AssetResult = { path: string } | { error: string };

export function resolveAsset(assetsDir: string, ref: string): AssetResult {
  let name = ref.trim();
  try {
    name = decodeURIComponent(name);
  } catch {
    return { error: `"${ref}" is not a valid file name` };
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(name) || isAbsolute(name) || name.startsWith('\\')) {
    return { error: `"${ref}": images must be files in the data folder's assets/ (no URLs or absolute paths)` };
  }
  if (!ALLOWED.has(extname(name).toLowerCase())) return { error: `"${ref}": only PNG and JPEG images are supported` };
  const root = resolve(assetsDir);
  const full = resolve(root, name);
  if (!isInside(root, full)) return { error: `"${ref}" points outside the assets folder` };
  if (!existsSync(full)) return { error: `"${ref}" not found in ${relative(process.cwd(), root) || '.'}` };
  const real = realpathSync(full);
  if (!isInside(realpathSync(root), real)) return { error: `"${ref}" points outside the assets folder` };
  const info = statSync(real);
  if (!info.isFile()) return { error: `"${ref}" is not a file` };
  if (info.size > MAX_ASSET_BYTES) return { error: `"${ref}" is larger than 10 MB` };
  const checked = checkImageFile(real);
  if ('error' in checked) return { error: `"${ref}" ${checked.error}` };
  return { path: real };
}

/** Pixels per side and in total (the PDF and DOCX writers accept exactly this much). */
const MAX_IMAGE_SIDE = 20_000;
const MAX_IMAGE_PIXELS = 40_000_000;
/** Declared image data up to this size is inflated in one native call; larger in counted steps. */
const NATIVE_INFLATE_MAX = 32 * 1024 * 1024;

export interface ImageInfo {
  type: 'png' | 'jpg';
  width: number;
  height: number;
}

const checkedFiles = new Map<string, ImageInfo | { error: string }>();

/** inspectImage for a file, remembered by path, size and mtime (both writers ask again). */
export function checkImageFile(path: string): ImageInfo | { error: string } {
  let key: string;
  let data: Buffer;
  try {
    const st = statSync(path);
    if (!st.isFile()) return { error: 'is not a file' };
    if (st.size > MAX_ASSET_BYTES) return { error: 'is larger than 10 MB' };
    key = `${path}\0${st.size}\0${st.mtimeMs}`;
    const hit = checkedFiles.get(key);
    if (hit) return hit;
    data = readFileSync(path);
  } catch {
    return { error: 'cannot be read' };
  }
  const result = inspectImage(data);
  if (checkedFiles.size > 200) checkedFiles.clear();
  checkedFiles.set(key, result);
  return result;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Validate PNG or JPEG bytes: what a writer needs to embed them safely, or why not. */
export function inspectImage(data: Uint8Array): ImageInfo | { error: string } {
  const b = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (b.length >= 8 && PNG_SIGNATURE.every((v, i) => b[i] === v)) return inspectPng(b);
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return inspectJpeg(b);
  return { error: 'is not a PNG or JPEG file' };
}

function dimensions(type: 'png' | 'jpg', width: number, height: number): ImageInfo | { error: string } {
  if (width < 1 || height < 1) return { error: `has no pixels (${width} × ${height})` };
  if (width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE || width * height > MAX_IMAGE_PIXELS) {
    return { error: `is ${width} × ${height} pixels; images may have at most ${MAX_IMAGE_SIDE.toLocaleString('en')} pixels a side and ${MAX_IMAGE_PIXELS / 1e6} megapixels` };
  }
  return { type, width, height };
}

const CRC_TABLE = (() => {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  return t;
})();

function crc32(b: Buffer, start: number, end: number): number {
  let c = -1;
  // i < end ≤ b.length and the table has all 256 entries: the defaults never apply.
  for (let i = start; i < end; i++) c = (CRC_TABLE[(c ^ (b[i] ?? 0)) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

/** Adam7 passes: first column and row, column and row step. */
const ADAM7: readonly (readonly [number, number, number, number])[] = [[0, 0, 8, 8], [4, 0, 8, 8], [0, 4, 4, 8], [2, 0, 4, 4], [0, 2, 2, 4], [1, 0, 2, 2], [0, 1, 1, 2]];
const PNG_BITS: Record<number, number[]> = { 0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16] };
const PNG_CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

function inspectPng(b: Buffer): ImageInfo | { error: string } {
  let pos = 8;
  let info: ImageInfo | undefined;
  let bitDepth = 0;
  let colorType = 0;
  let interlace = 0;
  let palette = false;
  let ended = false;
  const idat: Buffer[] = [];
  while (pos < b.length) {
    if (pos + 12 > b.length) return { error: 'is truncated (a PNG chunk is cut off)' };
    const len = b.readUInt32BE(pos);
    const type = b.toString('latin1', pos + 4, pos + 8);
    if (len > 0x7fffffff || pos + 12 + len > b.length) return { error: 'is truncated (a PNG chunk is cut off)' };
    if (crc32(b, pos + 4, pos + 8 + len) !== b.readUInt32BE(pos + 8 + len)) return { error: `is corrupt (checksum of its ${type} chunk does not match)` };
    const body = b.subarray(pos + 8, pos + 8 + len);
    if (!info && type !== 'IHDR') return { error: 'is not a valid PNG (no IHDR header first)' };
    if (type === 'IHDR') {
      if (info || len !== 13) return { error: 'is not a valid PNG (bad IHDR header)' };
      const dims = dimensions('png', body.readUInt32BE(0), body.readUInt32BE(4));
      if ('error' in dims) return dims;
      info = dims;
      bitDepth = body.readUInt8(8);
      colorType = body.readUInt8(9);
      interlace = body.readUInt8(12);
      if (!PNG_BITS[colorType]?.includes(bitDepth) || body.readUInt8(10) !== 0 || body.readUInt8(11) !== 0 || interlace > 1) return { error: 'is not a valid PNG (unsupported header values)' };
    } else if (type === 'PLTE') palette = true;
    else if (type === 'IDAT') idat.push(body);
    else if (type === 'IEND') {
      ended = true;
      break;
    }
    pos += 12 + len;
  }
  if (!info) return { error: 'is not a valid PNG' };
  if (!ended) return { error: 'is truncated (no IEND chunk)' };
  if (!idat.length) return { error: 'has no image data' };
  if (colorType === 3 && !palette) return { error: 'is not a valid PNG (palette image without a palette)' };
  // Decompressed size the header implies: one filter byte per row, per Adam7 pass when interlaced.
  const bpp = (PNG_CHANNELS[colorType] ?? 0) * bitDepth; // colorType was checked against PNG_BITS
  const rowBytes = (w: number) => (w > 0 ? 1 + Math.ceil((w * bpp) / 8) : 0);
  const { width: w, height: h } = info;
  let expected = 0;
  if (interlace) {
    for (const [x0, y0, dx, dy] of ADAM7) {
      const pw = Math.ceil((w - x0) / dx);
      const ph = Math.ceil((h - y0) / dy);
      if (pw > 0 && ph > 0) expected += ph * rowBytes(pw);
    }
  } else expected = h * rowBytes(w);
  const all = idat.length === 1 && idat[0] ? idat[0] : Buffer.concat(idat);
  let total = 0;
  let finished = false;
  if (expected <= NATIVE_INFLATE_MAX) {
    // Small enough to hold: Node's zlib in one call (~20× faster than the streaming path below, cold),
    // stopped by maxOutputLength one byte past the declared size.
    try {
      total = inflateSync(all, { maxOutputLength: expected + 1 }).length;
      finished = true;
    } catch (e) {
      return (e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE'
        ? { error: `decompresses to more data than its ${w} × ${h} pixels (a decompression bomb?)` }
        : /unexpected end/i.test((e as Error).message)
          ? { error: `is truncated or corrupt (image data for ${w} × ${h} pixels is incomplete)` }
          : { error: 'is corrupt (its image data does not decompress)' };
    }
    if (total > expected) return { error: `decompresses to more data than its ${w} × ${h} pixels (a decompression bomb?)` };
  } else {
    // Inflate in small steps, counting and discarding: a decompression bomb stops at `expected`.
    const inflater = new Unzlib((chunk, final) => {
      total += chunk.length;
      if (total > expected) throw new RangeError('bomb');
      if (final) finished = true;
    });
    try {
      const STEP = 16 * 1024;
      for (let i = 0; i < all.length; i += STEP) inflater.push(all.subarray(i, i + STEP), i + STEP >= all.length);
    } catch (e) {
      return e instanceof RangeError && e.message === 'bomb'
        ? { error: `decompresses to more data than its ${w} × ${h} pixels (a decompression bomb?)` }
        : { error: 'is corrupt (its image data does not decompress)' };
    }
  }
  if (!finished || total !== expected) return { error: `is truncated or corrupt (image data for ${w} × ${h} pixels is incomplete)` };
  return info;
}

function inspectJpeg(b: Buffer): ImageInfo | { error: string } {
  let i = 2;
  let info: ImageInfo | undefined;
  while (i + 4 <= b.length) {
    if (b[i] !== 0xff) return { error: 'is not a valid JPEG (bad marker)' };
    const marker = b.readUInt8(i + 1);
    if (marker === 0xff) {
      i += 1;
      continue;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      i += 2;
      continue;
    }
    if (marker === 0xd9) return { error: 'is not a valid JPEG (ends before its image data)' };
    const length = b.readUInt16BE(i + 2);
    if (length < 2 || i + 2 + length > b.length) return { error: 'is truncated (a JPEG segment is cut off)' };
    const isSof = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isSof) {
      if (length < 8) return { error: 'is not a valid JPEG (bad frame header)' };
      const components = b[i + 9] ?? 0; // length ≥ 8 and the segment fits: byte i + 9 exists
      if (![1, 3, 4].includes(components) || b[i + 4] !== 8) return { error: 'is a JPEG variant that cannot be embedded (only 8-bit grey, RGB or CMYK)' };
      const dims = dimensions('jpg', b.readUInt16BE(i + 7), b.readUInt16BE(i + 5));
      if ('error' in dims) return dims;
      info = dims;
    }
    if (marker === 0xda) {
      if (!info) return { error: 'is not a valid JPEG (no frame header before its image data)' };
      // The entropy-coded data runs to the end-of-image marker; a truncated file has none.
      const end = b.lastIndexOf(Buffer.from([0xff, 0xd9]));
      if (end < i + 2 + length) return { error: 'is truncated (no end-of-image marker)' };
      return info;
    }
    i += 2 + length;
  }
  return { error: 'is truncated (no image data)' };
}

function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel !== '' && !rel.startsWith('..' + sep) && rel !== '..' && !isAbsolute(rel);
}

export function assetsDirOf(dataDir: string): string {
  return join(resolve(dataDir), 'assets');
}
