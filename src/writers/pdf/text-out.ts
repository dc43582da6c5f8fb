/**
 * Text operators written straight into the page content stream, from the glyphs the layout
 * measured (./measure.ts). pdfkit's `doc.text` would shape every fragment again with fontkit,
 * measure it again, and wrap each one in its own save/transform/BT…ET/restore; a table of a few
 * thousand cells spent most of its time there.
 *
 * A batch is one `q BT … ET … Q` block written as bytes in one chunk: font, size and colour are
 * set only when they change, the first fragment is placed with a flipped text matrix (pdfkit's
 * page CTM already flips y) and the next ones with short relative `Td` moves, glyphs go out as
 * 2-byte CIDs (binary literal strings) of pdfkit's own subset (so pdfkit still embeds the fonts, writes /W and ToUnicode
 * and lists the font in each page's resources). Thin rules (table lines) can join the batch.
 */
import type { FontkitFont } from '../../fonts/fonts.js';
import { advance, glyphLookup, type FontKey, type Shaped } from './measure.js';
import { at } from '../must.js';

/** The parts of pdfkit's EmbeddedFont we use (checked once per document). */
export interface EmbeddedFontLike {
  id: string;
  ref(): unknown;
  /** fontkit's Subset: `glyphs` lists the font's glyph ids in subset order (a glyph may be listed twice). */
  subset: { includeGlyph(id: number): number; glyphs: number[] };
  widths: (number | undefined)[];
  unicode: (readonly number[] | undefined)[];
  font: FontkitFont;
}

interface DocLike {
  page: { fonts: Record<string, unknown>; write(chunk: Uint8Array): void };
}

/** Points to at most 3 decimals; deterministic, no exponent for the values we write. */
export const num = (n: number): string => String(Math.round(n * 1000) / 1000);

const colorCache = new Map<string, string>();
/** "r g b" for a #RRGGBB colour. */
function rgb(color: string): string {
  let op = colorCache.get(color);
  if (op === undefined) {
    const hex = /^#([0-9a-f]{6})$/i.exec(color)?.[1];
    const v = hex ? parseInt(hex, 16) : 0;
    op = `${num(((v >> 16) & 255) / 255)} ${num(((v >> 8) & 255) / 255)} ${num((v & 255) / 255)}`;
    if (colorCache.size > 256) colorCache.clear();
    colorCache.set(color, op);
  }
  return op;
}

export function asEmbeddedFont(font: unknown): EmbeddedFontLike {
  const f = font as Partial<EmbeddedFontLike> | undefined;
  if (
    !f ||
    typeof f.id !== 'string' ||
    typeof f.ref !== 'function' ||
    typeof f.subset?.includeGlyph !== 'function' ||
    !Array.isArray(f.subset.glyphs) ||
    !Array.isArray(f.widths) ||
    !Array.isArray(f.unicode) ||
    typeof f.font?.numGlyphs !== 'number'
  ) {
    throw new Error('pdfkit EmbeddedFont does not have the expected shape (id, ref, subset with glyphs, widths, unicode, font)');
  }
  return f as EmbeddedFontLike;
}

/** UTF-16BE with a byte-order mark, as hex (a PDF text string). */
function utf16Hex(text: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0');
  return hex;
}

const BACKSLASH = 92;
/** Bytes that cannot stand for themselves in a literal string: ( ) \\ and line ends (readers normalise CR). */
function literalByte(b: Uint8Array, p: number, v: number): number {
  if (v === 40 || v === 41 || v === BACKSLASH) {
    b[p++] = BACKSLASH;
    b[p++] = v;
  } else if (v === 10 || v === 13) {
    b[p++] = BACKSLASH;
    b[p++] = v === 10 ? 110 : 114;
  } else b[p++] = v;
  return p;
}

/** Growable byte buffer for ASCII content. */
class Bytes {
  buf = Buffer.allocUnsafe(1 << 14);
  pos = 0;

  private room(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    const next = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.pos + n));
    this.buf.copy(next, 0, 0, this.pos);
    this.buf = next;
  }

  str(s: string): void {
    this.room(s.length);
    this.pos += this.buf.write(s, this.pos, 'latin1');
  }

  byte(b: number): void {
    this.room(1);
    this.buf[this.pos++] = b;
  }

  /** A 2-byte code inside a literal string: raw bytes, escaped where the string syntax needs it. */
  code(n: number): void {
    this.room(4);
    this.pos = literalByte(this.buf, this.pos, (n >> 8) & 255);
    this.pos = literalByte(this.buf, this.pos, n & 255);
  }

  /** Copy the bytes written so far into `into` at `at`, and start over. */
  drain(into: Uint8Array, at: number): number {
    into.set(this.buf.subarray(0, this.pos), at);
    const end = at + this.pos;
    this.pos = 0;
    return end;
  }
}

const OPEN = 40;
const CLOSE = 41;
const ascii = (s: string, into: Uint8Array, at: number): number => {
  for (let i = 0; i < s.length; i++) into[at + i] = s.charCodeAt(i);
  return at + s.length;
};

export class TextOut {
  private readonly text = new Bytes();
  private readonly gfx = new Bytes();
  private depth = 0;
  private font: FontKey | undefined;
  private size = -1;
  private color = '';
  /** Origin of the current text line matrix, once one is set in this batch. */
  private lx = 0;
  private ly = 0;
  private placed = false;
  private readonly used = new Set<FontKey>();
  /** Per font: glyph id in the font → id in this document's subset, + 1. */
  private readonly maps: Partial<Record<FontKey, Int32Array>> = {};
  /** Second subset entries for a glyph that also prints other characters ("glyph:code points" → subset id). */
  private readonly twins: Partial<Record<FontKey, Map<string, number>>> = {};

  constructor(
    private readonly doc: DocLike,
    private readonly embedded: (key: FontKey) => EmbeddedFontLike,
  ) {}

  /** Start (or nest into) a batch; the outermost `end()` writes it. */
  begin(): void {
    if (this.depth++ > 0) return;
    this.font = undefined;
    this.size = -1;
    this.color = '';
    this.placed = false;
    this.used.clear();
  }

  end(): void {
    if (--this.depth > 0) return;
    const hasText = this.text.pos > 0;
    const hasGfx = this.gfx.pos > 0;
    if (!hasText && !hasGfx) return;
    const page = this.doc.page;
    for (const key of this.used) {
      const ef = this.embedded(key);
      page.fonts[ef.id] ??= ef.ref();
    }
    // One fresh chunk per batch: pdfkit keeps it until the page's stream is finalised.
    const chunk = new Uint8Array(this.text.pos + this.gfx.pos + (hasText ? 10 : 4));
    let at = ascii(hasText ? 'q\nBT\n' : 'q\n', chunk, 0);
    if (hasText) at = ascii('ET\n', chunk, this.text.drain(chunk, at));
    at = this.gfx.drain(chunk, at);
    ascii('Q\n', chunk, at);
    page.write(chunk);
  }

  /** A straight stroked line (table rules), drawn after the batch's text. */
  rule(x1: number, y1: number, x2: number, y2: number, width: number, color: string): void {
    this.gfx.str(`${num(width)} w ${rgb(color)} RG ${num(x1)} ${num(y1)} m ${num(x2)} ${num(y2)} l S\n`);
  }

  /** Glyphs with their baseline origin at (x, y) in pdfkit's top-down coordinates. */
  glyphs(key: FontKey, size: number, color: string, x: number, y: number, shaped: readonly Shaped[]): void {
    const ef = this.embedded(key);
    const out = this.text;
    if (this.font !== key || this.size !== size) {
      out.str(`/${ef.id} ${num(size)} Tf\n`);
      this.font = key;
      this.size = size;
      this.used.add(key);
    }
    if (this.color !== color) {
      out.str(`${rgb(color)} rg\n`);
      this.color = color;
    }
    if (!this.placed) {
      this.lx = Math.round(x * 1000) / 1000;
      this.ly = Math.round(y * 1000) / 1000;
      out.str(`1 0 0 -1 ${num(this.lx)} ${num(this.ly)} Tm\n`);
      this.placed = true;
    } else {
      // Td moves in text space, whose y axis points up again under the flipped matrix.
      const dx = Math.round((x - this.lx) * 1000) / 1000;
      const dy = Math.round((this.ly - y) * 1000) / 1000;
      this.lx += dx;
      this.ly -= dy;
      out.str(`${num(dx)} ${num(dy)} Td\n`);
    }
    const map = (this.maps[key] ??= new Int32Array(ef.font.numGlyphs + 1));
    const { subset, widths, unicode } = ef;
    let kerned = false;
    for (const part of shaped) if (part.plain === undefined && (part.nat || part.dx || part.actual !== undefined)) kerned = true;
    if (kerned) out.byte(91); // [
    out.byte(OPEN);
    const font = ef.font;
    // One glyph may print several characters (Noto Sans SC draws • · ・ ‧ alike), but ToUnicode
    // names one character per subset entry: each further character gets its own copy of the glyph,
    // so every reader (pdf.js, poppler) extracts what was written.
    const twins = (this.twins[key] ??= new Map());
    const code = (id: number, gid: number, cps: readonly number[]): void => {
      const mapped = unicode[gid]!;
      if (mapped.length === cps.length && mapped.every((c, k) => c === cps[k])) return out.code(gid);
      const twinKey = `${id}:${cps.join(',')}`;
      let twin = twins.get(twinKey);
      if (twin === undefined) {
        subset.glyphs.push(id);
        twin = subset.glyphs.length - 1;
        twins.set(twinKey, twin);
        widths[twin] = widths[gid];
        unicode[twin] = [...cps];
      }
      out.code(twin);
    };
    let glyphFor: ((cp: number) => number) | undefined;
    for (const part of shaped) {
      if (part.plain !== undefined) {
        // One glyph per code point, straight from the cmap.
        const text = part.plain;
        glyphFor ??= glyphLookup(font);
        for (let i = 0; i < text.length; i++) {
          const cp = text.codePointAt(i)!;
          if (cp > 0xffff) i++;
          const id = glyphFor(cp);
          let gid = (map[id] ?? 0) - 1;
          if (gid < 0) {
            gid = subset.includeGlyph(id);
            map[id] = gid + 1;
            if (widths[gid] === undefined) widths[gid] = advance(font, cp);
            if (unicode[gid] === undefined) unicode[gid] = [cp];
          }
          // The usual case — the subset entry already stands for this character — makes no array.
          const mapped = unicode[gid]!;
          if (mapped.length === 1 && mapped[0] === cp) out.code(gid);
          else code(id, gid, [cp]);
        }
        continue;
      }
      const { ids, adv, cps, nat, dx, dy, actual } = part;
      if (actual !== undefined) out.str(`)] TJ\n/Span <</ActualText <${utf16Hex(actual)}>>> BDC\n[(`);
      for (let i = 0; i < ids.length; i++) {
        const id = at(ids, i);
        // A positioned mark: shift it (TJ adjustment) and raise it (text rise), then come back.
        const ox = dx ? at(dx, i) : 0;
        const oy = dy ? at(dy, i) : 0;
        if (oy) out.str(`)] TJ\n${num((oy * size) / 1000)} Ts\n[(`);
        if (ox) out.str(`) ${num(-ox)} (`);
        let gid = (map[id] ?? 0) - 1;
        if (gid < 0) {
          gid = subset.includeGlyph(id);
          map[id] = gid + 1;
          if (widths[gid] === undefined) widths[gid] = at(nat ?? adv, i);
          if (unicode[gid] === undefined) unicode[gid] = at(cps, i);
        }
        if (actual === undefined) code(id, gid, at(cps, i));
        else out.code(gid);
        const back = (nat ? at(nat, i) - at(adv, i) : 0) + ox;
        if (back) out.str(`) ${num(back)} (`);
        if (oy) out.str(`)] TJ\n0 Ts\n[(`);
      }
      if (actual !== undefined) out.str(`)] TJ\nEMC\n[(`);
    }
    out.byte(CLOSE);
    out.str(kerned ? '] TJ\n' : ' Tj\n');
  }
}
