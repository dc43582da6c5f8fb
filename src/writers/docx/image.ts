/**
 * Images from the tree are untrusted paths. Only an absolute path to a PNG or JPEG file under
 * one of the allowed asset roots, smaller than 10 MB, is read — nothing else is ever opened.
 * The pixel size comes from the file header (docx does not read it).
 */
import { closeSync, fstatSync, openSync, readSync, realpathSync } from 'node:fs';
import { extname, isAbsolute, relative, resolve } from 'node:path';
import { checkImageFile } from '../../data/assets.js';
import { esc } from './xml.js';

export const MAX_IMAGE_BYTES = 10 * 1024 * 1024;
const MAX_PIXELS = 20_000;

export interface LoadedImage {
  data: Buffer;
  type: 'png' | 'jpg';
  width: number;
  height: number;
}

type ImageResult = { ok: true; image: LoadedImage } | { ok: false; reason: string };

const inside = (root: string, path: string): boolean => {
  const rel = relative(root, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
};

const realOrUndefined = (path: string): string | undefined => {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
};

/**
 * The real path of `path` when it lies under a root both as written and after resolving
 * symlinks (a link inside the folder must not lead out of it). Reads no file contents.
 */
export function allowedPath(path: string, roots: readonly string[]): string | undefined {
  if (typeof path !== 'string' || !isAbsolute(path) || path.includes('\0')) return undefined;
  const lexical = resolve(path);
  const bases = roots
    .filter((r) => typeof r === 'string' && isAbsolute(r))
    .map((r) => ({ lexical: resolve(r), real: realOrUndefined(resolve(r)) }))
    .filter((r) => inside(r.lexical, lexical) || (r.real !== undefined && inside(r.real, lexical)));
  if (bases.length === 0) return undefined;
  const real = realOrUndefined(lexical);
  if (real === undefined) return undefined;
  return bases.some((r) => r.real !== undefined && inside(r.real, real)) ? real : undefined;
}

export function loadImage(path: string, roots: readonly string[]): ImageResult {
  const real = allowedPath(path, roots);
  if (!real) return { ok: false, reason: 'outside the asset folders' };
  if (!/^\.(png|jpe?g)$/i.test(extname(real))) return { ok: false, reason: 'not a .png/.jpg file' };
  let fd: number | undefined;
  try {
    fd = openSync(real, 'r');
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { ok: false, reason: 'not a file' };
    if (stat.size === 0 || stat.size >= MAX_IMAGE_BYTES) return { ok: false, reason: 'empty or 10 MB or larger' };
    const data = Buffer.allocUnsafe(stat.size);
    let read = 0;
    while (read < stat.size) {
      const n = readSync(fd, data, read, stat.size - read, read);
      if (n === 0) break;
      read += n;
    }
    const image = read === stat.size ? sniff(data) : undefined;
    // The data layer's one image check (header, pixels, data inflates exactly): same verdict as PDF.
    const checked = image ? checkImageFile(real) : undefined;
    if (!image || !checked || 'error' in checked) return { ok: false, reason: checked && 'error' in checked ? checked.error : 'not a readable PNG or JPEG' };
    return { ok: true, image };
  } catch {
    return { ok: false, reason: 'unreadable' };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Type and pixel size from the PNG IHDR or the JPEG SOFn marker. */
function sniff(data: Buffer): LoadedImage | undefined {
  const size = pngSize(data) ?? jpegSize(data);
  if (!size) return undefined;
  const [type, width, height] = size;
  if (width < 1 || height < 1 || width > MAX_PIXELS || height > MAX_PIXELS) return undefined;
  return { data, type, width, height };
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function pngSize(b: Buffer): ['png', number, number] | undefined {
  if (b.length < 24 || !b.subarray(0, 8).equals(PNG_SIGNATURE) || b.toString('latin1', 12, 16) !== 'IHDR') return undefined;
  return ['png', b.readUInt32BE(16), b.readUInt32BE(20)];
}

function jpegSize(b: Buffer): ['jpg', number, number] | undefined {
  if (b.length < 4 || b[0] !== 0xff || b[1] !== 0xd8) return undefined;
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return undefined;
    const marker = b.readUInt8(i + 1);
    if (marker === 0xff) {
      i += 1; // fill byte
      continue;
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      i += 2; // markers without a length
      continue;
    }
    const length = b.readUInt16BE(i + 2);
    const isSof = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isSof) return ['jpg', b.readUInt16BE(i + 7), b.readUInt16BE(i + 5)];
    if (marker === 0xd9 || marker === 0xda || length < 2) return undefined;
    i += 2 + length;
  }
  return undefined;
}

/** Scale pixel size (96 dpi) down to fit a box given in twips; never scales up. */
export function fitPx(width: number, height: number, maxWidthTwips: number, maxHeightTwips: number): { width: number; height: number } {
  const maxW = maxWidthTwips / 15;
  const maxH = maxHeightTwips / 15;
  const k = Math.min(1, maxW / width, maxH / height);
  return { width: Math.max(1, Math.round(width * k)), height: Math.max(1, Math.round(height * k)) };
}

const A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const PIC = 'http://schemas.openxmlformats.org/drawingml/2006/picture';

/** An inline picture run (docx's ImageRun XML), its bytes added to the package as a media part. */
export function imageRun(
  state: { image(data: Uint8Array, extension: string): string; drawingId(): number },
  image: { type: 'png' | 'jpg'; data: Uint8Array },
  size: { width: number; height: number },
  description: string,
  title: string,
): string {
  const rId = state.image(image.data, image.type);
  const id = state.drawingId();
  const cx = Math.round(size.width * 9525);
  const cy = Math.round(size.height * 9525);
  return (
    `<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="${cx}" cy="${cy}"/><wp:effectExtent t="0" r="0" b="0" l="0"/>` +
    `<wp:docPr id="${id}" name="Picture ${id}" descr="${esc(description)}"${title ? ` title="${esc(title)}"` : ''}/>` +
    `<wp:cNvGraphicFramePr><a:graphicFrameLocks xmlns:a="${A}" noChangeAspect="1"/></wp:cNvGraphicFramePr>` +
    `<a:graphic xmlns:a="${A}"><a:graphicData uri="${PIC}"><pic:pic xmlns:pic="${PIC}"><pic:nvPicPr><pic:cNvPr id="0" name="" descr=""/>` +
    `<pic:cNvPicPr><a:picLocks noChangeAspect="1" noChangeArrowheads="1"/></pic:cNvPicPr></pic:nvPicPr>` +
    `<pic:blipFill><a:blip r:embed="${rId}" cstate="none"/><a:srcRect/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>` +
    `<pic:spPr bwMode="auto"><a:xfrm><a:off x="0" y="0"/><a:ext cx="${cx}" cy="${cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>` +
    `</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>`
  );
}
