/**
 * Raw TrueType tables of a fontkit font, read directly (once per font, process-wide): the glyph
 * offsets (loca), advances (hmtx) and the Unicode cmap. fontkit decodes these lazily through
 * restructure, which is slow for the first document of a process and allocates per glyph.
 * Anything unexpected → null, and callers use fontkit instead.
 */
import type { FontkitFont } from '../../fonts/fonts.js';
import { rawTables } from '../internals/fontkit.js';

interface Sfnt {
  bytes: Uint8Array;
  view: DataView;
  tables: Record<string, { offset: number; length: number } | undefined>;
  glyf: number;
  /** Glyph id → offset into glyf (numGlyphs + 1 entries). */
  loca: Uint32Array;
  numGlyphs: number;
  /** Advance width of a glyph in font units. */
  advance(gid: number): number;
  /** Left side bearing of a glyph in font units. */
  lsb(gid: number): number;
  /** Glyph for a code point (0 = .notdef), or undefined when the cmap could not be read. */
  glyphFor: ((cp: number) => number) | undefined;
}

const cache = new WeakMap<FontkitFont, Sfnt | null>();

export function sfnt(font: FontkitFont): Sfnt | null {
  let data = cache.get(font);
  if (data === undefined) {
    data = read(font);
    cache.set(font, data);
  }
  return data;
}

function read(font: FontkitFont): Sfnt | null {
  const raw = rawTables(font);
  if (!raw) return null;
  const { bytes, tables } = raw;
  if (!['head', 'hhea', 'hmtx', 'loca', 'maxp', 'glyf'].every((t) => tables[t])) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const long = view.getInt16(tables.head!.offset + 50) === 1;
  const numGlyphs = view.getUint16(tables.maxp!.offset + 4);
  const locaAt = tables.loca!.offset;
  const loca = new Uint32Array(numGlyphs + 1);
  for (let i = 0; i <= numGlyphs; i++) loca[i] = long ? view.getUint32(locaAt + 4 * i) : 2 * view.getUint16(locaAt + 2 * i);
  const hmtx = tables.hmtx!.offset;
  const nh = view.getUint16(tables.hhea!.offset + 34);
  if (nh === 0) return null;
  return {
    bytes,
    view,
    tables,
    glyf: tables.glyf!.offset,
    loca,
    numGlyphs,
    advance: (gid) => view.getUint16(hmtx + 4 * Math.min(gid, nh - 1)),
    lsb: (gid) => (gid < nh ? view.getInt16(hmtx + 4 * gid + 2) : view.getInt16(hmtx + 4 * nh + 2 * (gid - nh))),
    glyphFor: readCmap(view, tables.cmap, numGlyphs),
  };
}

/** The Unicode cmap (format 12 from platform 3/10 or 0/4, as fontkit prefers) as a lookup. */
function readCmap(view: DataView, cmap: { offset: number } | undefined, numGlyphs: number): ((cp: number) => number) | undefined {
  if (!cmap) return undefined;
  const base = cmap.offset;
  const count = view.getUint16(base + 2);
  let sub = -1;
  for (const [platform, encoding] of [
    [3, 10],
    [0, 6],
    [0, 4],
  ]) {
    for (let i = 0; i < count && sub < 0; i++) {
      const rec = base + 4 + 8 * i;
      if (view.getUint16(rec) === platform && view.getUint16(rec + 2) === encoding) sub = base + view.getUint32(rec + 4);
    }
    if (sub >= 0) break;
  }
  if (sub < 0 || view.getUint16(sub) !== 12) return undefined;
  const groups = view.getUint32(sub + 12);
  const bmp = new Int32Array(0x10000);
  const astral = new Map<number, number>();
  for (let g = 0; g < groups; g++) {
    const at = sub + 16 + 12 * g;
    const start = view.getUint32(at);
    const end = view.getUint32(at + 4);
    const first = view.getUint32(at + 8);
    for (let cp = start; cp <= end; cp++) {
      const gid = first + (cp - start);
      if (gid >= numGlyphs) continue;
      if (cp < 0x10000) bmp[cp] = gid;
      else astral.set(cp, gid);
    }
  }
  return (cp) => (cp < 0x10000 ? (bmp[cp] ?? 0) : (astral.get(cp) ?? 0));
}
