/**
 * Images: only PNG/JPEG files that lie inside one of ctx.assetRoots and are under 10 MB are read;
 * anything else is refused before a byte of it is opened. PNGs with alpha or interlacing decode
 * asynchronously in pdfkit, so every image is embedded up front, one after the other, and the
 * render waits for each — the PDF object numbers then never depend on which decode ends first.
 * Files are read synchronously: one render does nothing else meanwhile, and each thread-pool
 * round trip of fs/promises (realpath, stat, open, read, close) left the thread idle longer
 * than the call itself takes.
 */
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { checkImageFile } from '../../data/assets.js';
import type { Doc } from './state.js';

export const MAX_IMAGE_BYTES = 10 * 1024 * 1024;
/** Decoded size cap: a small PNG can inflate to gigabytes (pdfkit #1450). */
const MAX_PIXELS = 40_000_000;

export interface LoadedImage {
  /** pdfkit image object (PNGImage/JPEG), already embedded. */
  image: unknown;
  width: number;
  height: number;
}

interface PdfkitImage {
  width: number;
  height: number;
  embed(doc: Doc): void;
  finalize?: () => void;
  /** PNG only: the concatenated IDAT stream. */
  imgData?: Uint8Array;
}

function inside(root: string, file: string): boolean {
  const rel = relative(root, file);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

/** Resolve `url` to a real file path inside an asset root, or undefined. Reads no file content. */
export async function allowedPath(url: string, roots: string[]): Promise<string | undefined> {
  if (!isAbsolute(url) || url.includes('\0')) return undefined;
  const lexical = resolve(url);
  if (!roots.some((r) => isAbsolute(r) && inside(resolve(r), lexical))) return undefined;
  try {
    const real = realpathSync.native(lexical);
    const realRoots = roots.filter((r) => isAbsolute(r)).map(realOrUndefined);
    if (!realRoots.some((r) => r !== undefined && inside(r, real))) return undefined;
    const info = statSync(real);
    if (!info.isFile() || info.size >= MAX_IMAGE_BYTES) return undefined;
    return real;
  } catch {
    return undefined;
  }
}

function realOrUndefined(path: string): string | undefined {
  try {
    return realpathSync.native(path);
  } catch {
    return undefined;
  }
}

const isPng = (b: Buffer): boolean => b.length > 24 && b.readUInt32BE(0) === 0x89504e47 && b.readUInt32BE(4) === 0x0d0a1a0a;
const isJpeg = (b: Buffer): boolean => b.length > 4 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff;

/** Load, check and embed one image; undefined when refused or broken. */
export async function loadImage(doc: Doc, url: string, roots: string[]): Promise<LoadedImage | undefined> {
  const path = await allowedPath(url, roots);
  if (!path) return undefined;
  let data: Buffer;
  try {
    data = readFileSync(path);
  } catch {
    return undefined;
  }
  if (data.length >= MAX_IMAGE_BYTES || !(isPng(data) || isJpeg(data))) return undefined;
  if (isPng(data) && data.readUInt32BE(16) * data.readUInt32BE(20) > MAX_PIXELS) return undefined;
  // The data layer's one image check (header, pixels, data inflates exactly): same verdict as DOCX.
  if ('error' in checkImageFile(path)) return undefined;
  let img: PdfkitImage;
  try {
    // @types/pdfkit lacks openImage(); pdfkit has it and accepts the Buffer we checked above.
    img = (doc as unknown as { openImage(src: Buffer): PdfkitImage }).openImage(data);
  } catch {
    return undefined;
  }
  if (!(img.width > 0 && img.height > 0) || img.width * img.height > MAX_PIXELS) return undefined;
  await embed(doc, img);
  return { image: img, width: img.width, height: img.height };
}

/** Embed now and wait until pdfkit has written the image object (async for alpha/interlaced PNG). */
function embed(doc: Doc, img: PdfkitImage): Promise<void> {
  const original = img.finalize;
  if (!original) {
    img.embed(doc);
    return Promise.resolve();
  }
  return new Promise<void>((resolveDone, reject) => {
    img.finalize = function (this: PdfkitImage) {
      try {
        original.call(this);
        resolveDone();
      } catch (err) {
        reject(err instanceof Error ? err : new Error(String(err)));
      }
    };
    try {
      img.embed(doc);
    } catch (err) {
      reject(err instanceof Error ? err : new Error(String(err)));
    }
  });
}
