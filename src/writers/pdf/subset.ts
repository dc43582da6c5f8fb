/**
 * TrueType subset for embedding (FontFile2), written straight from the font's raw tables.
 *
 * fontkit's TTFSubset decodes every glyph it copies (only to learn whether it is composite) and
 * serialises the tables through restructure; per document that cost more than drawing the text.
 * Here glyph outlines are copied byte for byte, composite glyphs get their component ids
 * remapped (components join the subset through pdfkit's own `includeGlyph`, as with fontkit),
 * and the tables a PDF reader needs are written: glyf, head, hhea, hmtx, loca, maxp (+ cvt,
 * fpgm, prep when the font has them). Deterministic: the output depends only on the glyph list.
 */
import type { FontkitFont } from '../../fonts/fonts.js';
import { sfnt } from './sfnt.js';
import { at as nth } from '../must.js';

/** True when `encodeSubset` can read this font's tables. */
export const canSubset = (font: FontkitFont): boolean => sfnt(font) !== null;

const ARG_1_AND_2_ARE_WORDS = 0x0001;
const WE_HAVE_A_SCALE = 0x0008;
const MORE_COMPONENTS = 0x0020;
const WE_HAVE_AN_X_AND_Y_SCALE = 0x0040;
const WE_HAVE_A_TWO_BY_TWO = 0x0080;

/** A copy (Buffer#slice would return a view onto the shared font file). */
const copyOf = (b: Uint8Array, from: number, to: number): Uint8Array => Uint8Array.prototype.slice.call(b, from, to);
const viewOf = (b: Uint8Array): DataView => new DataView(b.buffer, b.byteOffset, b.byteLength);

function checksum(b: Uint8Array, from: number, length: number): number {
  let sum = 0;
  const end = from + length;
  let i = from;
  const view = viewOf(b);
  for (; i + 4 <= end; i += 4) sum = (sum + view.getUint32(i)) >>> 0;
  if (i < end) {
    let last = 0;
    for (let k = 0; k < 4; k++) last = (last << 8) | (i + k < end ? view.getUint8(i + k) : 0);
    sum = (sum + (last >>> 0)) >>> 0;
  }
  return sum;
}

/**
 * The subset font file for `glyphs` (ids in the font, in subset order; index = id in the PDF).
 * `include` adds a composite's component and returns its subset index (it may grow `glyphs`).
 */
export function encodeSubset(font: FontkitFont, glyphs: number[], include: (id: number) => number): Uint8Array {
  const d = sfnt(font);
  if (!d) throw new Error('font tables not readable for subsetting');
  const { bytes, view, loca } = d;

  // glyf: copy outlines, remap composite components, pad each glyph to an even length.
  const pieces: Uint8Array[] = [];
  const offsets: number[] = [0];
  let size = 0;
  for (let n = 0; n < glyphs.length; n++) {
    const id = nth(glyphs, n);
    const start = d.glyf + nth(loca, id);
    const length = nth(loca, id + 1) - nth(loca, id);
    let piece = bytes.subarray(start, start + length);
    if (length >= 10 && view.getInt16(start) < 0) {
      piece = copyOf(bytes, start, start + length);
      const pv = viewOf(piece);
      let p = 10;
      for (;;) {
        const flags = pv.getUint16(p);
        pv.setUint16(p + 2, include(pv.getUint16(p + 2)));
        p += 4 + (flags & ARG_1_AND_2_ARE_WORDS ? 4 : 2);
        if (flags & WE_HAVE_A_SCALE) p += 2;
        else if (flags & WE_HAVE_AN_X_AND_Y_SCALE) p += 4;
        else if (flags & WE_HAVE_A_TWO_BY_TWO) p += 8;
        if (!(flags & MORE_COMPONENTS)) break;
      }
    }
    pieces.push(piece);
    size += length + (length & 1);
    offsets.push(size);
  }
  const count = glyphs.length;
  const shortLoca = size < 0x20000;

  const glyf = new Uint8Array(size);
  pieces.forEach((piece, i) => glyf.set(piece, offsets[i]));
  const locaOut = new Uint8Array((count + 1) * (shortLoca ? 2 : 4));
  const lv = viewOf(locaOut);
  offsets.forEach((o, i) => (shortLoca ? lv.setUint16(2 * i, o / 2) : lv.setUint32(4 * i, o)));

  const hmtx = new Uint8Array(count * 4);
  const hv = viewOf(hmtx);
  glyphs.forEach((id, i) => {
    hv.setUint16(4 * i, d.advance(id));
    hv.setInt16(4 * i + 2, d.lsb(id));
  });

  const copy = (tag: string): Uint8Array => {
    const t = d.tables[tag]!;
    return copyOf(bytes, t.offset, t.offset + t.length);
  };
  const head = copy('head');
  const headView = viewOf(head);
  headView.setUint32(8, 0); // checkSumAdjustment, set below
  headView.setInt16(50, shortLoca ? 0 : 1);
  const hhea = copy('hhea');
  viewOf(hhea).setUint16(34, count);
  const maxp = copy('maxp');
  viewOf(maxp).setUint16(4, count);

  const tables: [string, Uint8Array][] = [
    ['glyf', glyf],
    ['head', head],
    ['hhea', hhea],
    ['hmtx', hmtx],
    ['loca', locaOut],
    ['maxp', maxp],
  ];
  for (const tag of ['cvt ', 'fpgm', 'prep']) if (d.tables[tag]) tables.push([tag, copy(tag)]);
  tables.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));

  const numTables = tables.length;
  let total = 12 + 16 * numTables;
  for (const [, t] of tables) total += (t.length + 3) & ~3;
  const out = new Uint8Array(total);
  const ov = viewOf(out);
  const pow = 2 ** Math.floor(Math.log2(numTables));
  ov.setUint32(0, 0x00010000);
  ov.setUint16(4, numTables);
  ov.setUint16(6, pow * 16);
  ov.setUint16(8, Math.log2(pow));
  ov.setUint16(10, numTables * 16 - pow * 16);
  let at = 12 + 16 * numTables;
  let headAt = 0;
  tables.forEach(([tag, t], i) => {
    const rec = 12 + 16 * i;
    for (let k = 0; k < 4; k++) out[rec + k] = tag.charCodeAt(k);
    out.set(t, at);
    ov.setUint32(rec + 4, checksum(out, at, t.length));
    ov.setUint32(rec + 8, at);
    ov.setUint32(rec + 12, t.length);
    if (tag === 'head') headAt = at;
    at += (t.length + 3) & ~3;
  });
  ov.setUint32(headAt + 8, (0xb1b0afba - checksum(out, 0, total)) >>> 0);
  return out;
}
