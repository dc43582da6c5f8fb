/**
 * Glyphs and advances straight from the pre-parsed fontkit fonts. Every width the layout measures
 * and every glyph the PDF draws comes from here, so what is measured is exactly what is drawn.
 *
 * - One code point → one glyph (the font's cmap) with its hmtx advance: CJK, digits, punctuation,
 *   spaces. No shaper runs for these; lookups go through flat per-font tables, so measuring a
 *   character costs an array read and no per-character objects are made.
 * - A Latin word (one with letters) is shaped by fontkit once, for kerning and ligatures, and the
 *   result is kept in a bounded per-font cache: documents share most of their words.
 *
 * Process-wide and bounded: the tables cover the BMP (~0.5 MB per font), the word cache keeps at
 * most 2 × WORD_CACHE words per font (two generations: the older one is dropped when the newer one
 * fills up). `setSharedCaches(false)` (tests) bypasses both caches and must give the same bytes.
 */
import type { FaceId, FontkitFont } from '../../fonts/fonts.js';
import { sfnt } from './sfnt.js';
import { at } from '../must.js';

/** A face of the document's font chain (../fonts.ts: family × weight). */
export type FontKey = FaceId;

/**
 * A piece of text as glyphs; advances in thousandths of an em. Immutable once made (shared).
 * Plain: one glyph per code point of `plain`, looked up again when drawn (no arrays to allocate).
 */
export type Shaped = PlainGlyphs | KernedGlyphs;

export interface PlainGlyphs {
  readonly plain: string;
  readonly width: number;
}

interface KernedGlyphs {
  readonly plain?: undefined;
  /** Glyph ids in the font. */
  readonly ids: readonly number[];
  /** Advance of each glyph, kerning included. */
  readonly adv: readonly number[];
  /** Unicode code points each glyph stands for (ToUnicode). */
  readonly cps: readonly (readonly number[])[];
  /** Natural (hmtx) advance of each glyph where kerning changed one; absent = same as `adv`. */
  readonly nat?: readonly number[];
  /** Mark positioning (complex scripts): offset of each glyph from its pen position; absent = none. */
  readonly dx?: readonly number[];
  readonly dy?: readonly number[];
  /**
   * The text these glyphs stand for, when glyph → code point is not one to one in order (Thai sara
   * am split in two, reordered marks): drawn inside an ActualText span so extraction reads it.
   */
  readonly actual?: string;
  /** Sum of `adv`. */
  readonly width: number;
}

const WORD_CACHE = 6_000;

interface Tables {
  font: FontkitFont;
  scale: number;
  /** BMP code point → glyph id + 1 (0 = not looked up yet). */
  gid: Int32Array;
  /** BMP code point → advance (thousandths of an em); valid where gid is set. */
  adv: Float64Array;
  astral: Map<number, [number, number]>;
  /** BMP code point → its one-glyph Shaped (made on first use, shared). */
  single: (Shaped | undefined)[];
  words: Map<string, Shaped>;
  oldWords: Map<string, Shaped>;
}

const tables = new WeakMap<FontkitFont, Tables>();
let shared = process.env.DEALDOC_PDF_NO_SHARED_CACHE !== '1';

/** For tests: with the caches off everything is recomputed, and the output must not change. */
export function setGlyphCaches(on: boolean): void {
  shared = on;
}

function fresh(font: FontkitFont): Tables {
  return {
    font,
    scale: 1000 / font.unitsPerEm,
    gid: new Int32Array(0x10000),
    adv: new Float64Array(0x10000),
    astral: new Map(),
    single: [],
    words: new Map(),
    oldWords: new Map(),
  };
}

function tablesOf(font: FontkitFont): Tables {
  if (!shared) return fresh(font);
  let t = tables.get(font);
  if (!t) {
    t = fresh(font);
    tables.set(font, t);
  }
  return t;
}

function lookup(t: Tables, cp: number): void {
  const raw = sfnt(t.font);
  let entry: [number, number];
  if (raw?.glyphFor) {
    const id = raw.glyphFor(cp);
    entry = [id, raw.advance(id) * t.scale];
  } else {
    const glyph = t.font.glyphForCodePoint(cp);
    entry = [glyph.id, glyph.advanceWidth * t.scale];
  }
  if (cp < 0x10000) {
    t.gid[cp] = entry[0] + 1;
    t.adv[cp] = entry[1];
  } else t.astral.set(cp, entry);
}

/** Advance of one code point, thousandths of an em. */
function advanceIn(t: Tables, cp: number): number {
  if (cp < 0x10000) {
    if (t.gid[cp] === 0) lookup(t, cp);
    // In range: the BMP tables have one entry per code point below 0x10000.
    return t.adv[cp] ?? 0;
  }
  if (!t.astral.has(cp)) lookup(t, cp);
  return t.astral.get(cp)![1];
}

function glyphIn(t: Tables, cp: number): number {
  if (cp < 0x10000) {
    if (t.gid[cp] === 0) lookup(t, cp);
    return (t.gid[cp] ?? 0) - 1;
  }
  if (!t.astral.has(cp)) lookup(t, cp);
  return t.astral.get(cp)![0];
}

/** Advance of one code point in thousandths of an em. */
export function advance(font: FontkitFont, cp: number): number {
  return advanceIn(tablesOf(font), cp);
}

/**
 * Glyph-id lookup for one font, for loops over many code points (text-out): the font's tables are
 * found once, not once per character.
 */
export function glyphLookup(font: FontkitFont): (cp: number) => number {
  const t = tablesOf(font);
  const gid = t.gid;
  return (cp) => {
    if (cp < 0x10000) {
      const hit = gid[cp]!;
      if (hit !== 0) return hit - 1;
    }
    return glyphIn(t, cp);
  };
}

/** One code point (given as its string) as one glyph. */
export function shapeChar(font: FontkitFont, cp: number, ch: string): Shaped {
  const t = tablesOf(font);
  if (cp < 0x10000) {
    const hit = t.single[cp];
    if (hit) return hit;
  }
  const made: Shaped = { plain: ch, width: advanceIn(t, cp) };
  if (cp < 0x10000) t.single[cp] = made;
  return made;
}

/** `shapeChar` for the code point at `text[i]` (`len` code units): the string is cut only when not cached yet. */
export function shapeCharAt(font: FontkitFont, cp: number, text: string, i: number, len: number): PlainGlyphs {
  if (cp < 0x10000 && shared) {
    const hit = tablesOf(font).single[cp];
    if (hit) return hit as PlainGlyphs;
  }
  return shapeChar(font, cp, text.slice(i, i + len)) as PlainGlyphs;
}

/** Glyph per code point, no shaping (numbers, codes, anything without Latin letters). */
function shapePlain(font: FontkitFont, text: string): Shaped {
  const t = tablesOf(font);
  let width = 0;
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i)!;
    if (cp > 0xffff) i++;
    width += advanceIn(t, cp);
  }
  return { plain: text, width };
}

/** Letters (Latin, Greek, Cyrillic): the font kerns them and has ligatures. */
const KERNED = /[A-Za-z\u00c0-\u024f\u0370-\u04ff\u1e00-\u1fff]/;

/**
 * Text that must be shaped, not drawn glyph by glyph: combining marks (decomposed Vietnamese,
 * polytonic Greek), Thai/Lao/Khmer/Myanmar and Indic scripts (marks stacked and positioned by the
 * font's GPOS), Arabic and Hebrew letters (joining forms), and emoji sequences (ZWJ, modifiers).
 */
// Ranges, not characters: a class of combining marks is what is meant here.
// eslint-disable-next-line no-misleading-character-class
const COMPLEX = /[\u0300-\u036f\u0483-\u0489\u0590-\u08ff\u0900-\u0dff\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u1ab0-\u1aff\u1dc0-\u1dff\u200c\u200d\u20d0-\u20ff\ufe20-\ufe2f]|\ud83c[\udffb-\udfff]/;

export const needsShaping = (text: string): boolean => COMPLEX.test(text);

/**
 * Shape a word (no spaces): fontkit for Latin letters (or when `force`d: the doubled dashes and
 * ellipses of Chinese text, which the font joins into one glyph), cached; plain glyphs otherwise.
 */
export function shapeWord(font: FontkitFont, text: string, force = false): Shaped {
  if (!force && !KERNED.test(text) && !COMPLEX.test(text)) return shapePlain(font, text);
  const t = tablesOf(font);
  let hit = t.words.get(text);
  if (hit) return hit;
  hit = t.oldWords.get(text);
  if (!hit) hit = shapeWithFontkit(t, text);
  if (t.words.size >= WORD_CACHE) {
    t.oldWords = t.words;
    t.words = new Map();
  }
  t.words.set(text, hit);
  return hit;
}

function shapeWithFontkit(t: Tables, text: string): Shaped {
  const run = t.font.layout(text);
  const points = [...text].map((c) => c.codePointAt(0)!);
  const oneToOne = run.glyphs.length === points.length;
  const ids: number[] = [];
  const adv: number[] = [];
  const cps: number[][] = [];
  const nat: number[] = [];
  const dx: number[] = [];
  const dy: number[] = [];
  let kerned = false;
  let offsets = false;
  let width = 0;
  run.glyphs.forEach((glyph, i) => {
    const pos = at(run.positions, i);
    // Positioned marks (Thai, stacked diacritics): drawn at an offset from the pen position.
    dx.push(pos.xOffset * t.scale);
    dy.push(pos.yOffset * t.scale);
    offsets ||= pos.xOffset !== 0 || pos.yOffset !== 0;
    const a = pos.xAdvance * t.scale;
    const n = glyph.advanceWidth * t.scale;
    kerned ||= n !== a;
    ids.push(glyph.id);
    adv.push(a);
    nat.push(n);
    // Our own code points, not the glyph's: fontkit keeps the first ones a glyph was made with.
    cps.push(oneToOne ? [at(points, i)] : [...glyph.codePoints]);
    width += a;
  });
  // Complex-script words always carry their text: extraction then never depends on how a reader
  // orders zero-width marks (pdftotext drops or spaces some of them otherwise).
  const complex = COMPLEX.test(text);
  const actual = complex || !(oneToOne && cps.every((c, i) => c.length === 1 && c[0] === points[i])) ? text : undefined;
  if (offsets || complex) return { ids, adv, cps, nat, dx, dy, width, ...(actual !== undefined ? { actual } : {}) };
  if (!kerned && oneToOne && ids.every((id, i) => id === glyphIn(t, at(points, i)))) return { plain: text, width };
  return kerned ? { ids, adv, cps, nat, width } : { ids, adv, cps, width };
}
