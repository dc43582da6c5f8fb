/**
 * Fonts: a fallback chain of OFL families shipped through npm, so every machine prints the same.
 *
 * Chinese documents: Noto Sans SC, then Noto Sans (Latin incl. Vietnamese, Greek, Cyrillic), Noto
 * Sans Thai, Noto Sans KR, Noto Sans JP, Noto Sans Math and Noto Sans Symbols 2 (symbols), Noto
 * Emoji (monochrome). English documents put Noto Sans first (SC right after it, for CJK). The
 * config's `fonts:` adds families or reorders them (./fonts-config.ts).
 *
 * Each character is printed with the first family in the chain that has a glyph for it. Files are
 * read and parsed lazily, once per process: a document that only needs Noto Sans SC never opens
 * the others. WOFF files (fontsource packages) are unpacked to plain TrueType on load, so the PDF
 * writer's subsetter reads every family the same way.
 */
import * as fontkit from 'fontkit';


export type FontkitFont = fontkit.Font;
export * from './font-chain.js';
import { DEFAULT_CHAIN, familiesFor, type FamilySource, type FontChainSpec } from './font-chain.js';

// ── loading (lazy, once per process) ──────────────────────────────────────

export { loadedFontFiles } from './open.js';
import { parseFontOnce } from './open.js';


/** Parse a font file once per process (TrueType, OpenType or WOFF 1.0; one font, not a collection). */
export const openFont = (path: string): FontkitFont => parseFontOnce(path, fontkit.create);

/** Glyph lookup that does not build fontkit's glyph objects: the cmap only. */
const hasGlyph = (font: FontkitFont, cp: number): boolean => font.hasGlyphForCodePoint(cp);

/** Never printed, never missing: controls, variation selectors, zero-width joiners and spaces, BOM. */
export function isInvisible(cp: number): boolean {
  return (
    cp <= 0x20 ||
    (cp >= 0x7f && cp <= 0xa0) ||
    cp === 0xad ||
    (cp >= 0x200b && cp <= 0x200f) ||
    (cp >= 0x2060 && cp <= 0x2064) ||
    (cp >= 0xfe00 && cp <= 0xfe0f) ||
    cp === 0xfeff ||
    (cp >= 0xe0100 && cp <= 0xe01ef)
  );
}

// ── the chain of one document ────────────────────────────────────────────

/** A face of the chain: family index × weight. Its number is 2 × family + (bold ? 1 : 0). */
export type FaceId = number;

export const faceOf = (family: number, bold: boolean): FaceId => 2 * family + (bold ? 1 : 0);
export const familyOfFace = (face: FaceId): number => face >> 1;
const isBoldFace = (face: FaceId): boolean => (face & 1) === 1;

const NONE = 0x7fff;

/**
 * The fonts of one document (one order of the chain). `face(cp, bold)` says which face prints a
 * code point; a family's file is opened the first time one of its faces is asked about.
 */
export class FontSet {
  readonly families: readonly FamilySource[];
  /** BMP code point → face + 1 per weight (0 = not looked up yet, NONE = no family has it). */
  private readonly bmp: readonly [Uint16Array, Uint16Array] = [new Uint16Array(0x10000), new Uint16Array(0x10000)];
  private readonly astral: readonly [Map<number, number>, Map<number, number>] = [new Map<number, number>(), new Map<number, number>()];
  private readonly opened: FontkitFont[] = [];

  constructor(families: readonly FamilySource[]) {
    if (!families.length) throw new Error('the font chain is empty');
    this.families = families;
  }

  /** The parsed font of a face (opened on first use). */
  font(face: FaceId): FontkitFont {
    let font = this.opened[face];
    if (!font) {
      const fam = this.family(face);
      font = this.opened[face] = openFont(isBoldFace(face) && fam.bold ? fam.bold : fam.regular);
    }
    return font;
  }

  /** The primary face (first family) of a weight. */
  get regular(): FontkitFont {
    return this.font(0);
  }

  get bold(): FontkitFont {
    return this.font(1);
  }

  /** The family of a face; a face outside the chain is an internal error. */
  private family(face: FaceId): FamilySource {
    const fam = this.families[familyOfFace(face)];
    if (!fam) throw new Error(`internal error: face ${face} is outside the font chain (${this.families.length} families)`);
    return fam;
  }

  /** Name of a face's PDF font resource: unique per file of the chain. */
  pdfName(face: FaceId): string {
    const index = familyOfFace(face);
    const fam = this.family(face);
    // Two families with one PostScript name (user fonts) must not share pdfkit's cache entry.
    const clash = this.families.findIndex((f) => f.psName === fam.psName) !== index;
    return `${fam.psName}${clash ? index : ''}-${isBoldFace(face) && fam.bold ? 'Bold' : 'Regular'}`;
  }

  /** BMP lookup table of a weight: face + 1 per code point once looked up (0 = not yet; 0x7fff = none). */
  table(bold: boolean): Uint16Array {
    return this.bmp[bold ? 1 : 0];
  }

  /** First face of the chain (in this weight) with a glyph for `cp`, or -1 when none has one. */
  face(cp: number, bold: boolean): FaceId {
    const w = bold ? 1 : 0;
    if (cp < 0x10000) {
      const hit = this.bmp[w][cp] ?? 0;
      if (hit) return hit === NONE ? -1 : hit - 1;
    } else {
      const hit = this.astral[w].get(cp);
      if (hit !== undefined) return hit;
    }
    let found = -1;
    for (let i = 0; i < this.families.length && found < 0; i++) {
      const face = faceOf(i, bold);
      if (hasGlyph(this.font(face), cp)) found = face;
    }
    if (cp < 0x10000) this.bmp[w][cp] = found < 0 ? NONE : found + 1;
    else this.astral[w].set(cp, found);
    return found;
  }
}

const sets = new Map<string, FontSet>();

/** The font set for a chain and a locale, made once per process. */
export function fontSetFor(spec: FontChainSpec = DEFAULT_CHAIN, locale = 'zh-CN'): FontSet {
  const families = familiesFor(spec, locale);
  const key = families.map((f) => `${f.regular}\0${f.bold ?? ''}`).join('\n');
  let set = sets.get(key);
  if (!set) {
    set = new FontSet(families);
    sets.set(key, set);
  }
  return set;
}

/** The default chain for Chinese documents (compatibility: tests and the bench call this). */
export function loadFonts(): FontSet {
  return fontSetFor(DEFAULT_CHAIN, 'zh-CN');
}

export interface MissingGlyph {
  char: string;
  codePoint: number;
  index: number;
}

/** Code points no font of the chain can draw, with their index in the text. Invisible ones are ignored. */
export function missingGlyphs(text: string, fonts: FontSet = loadFonts()): MissingGlyph[] {
  const missing: MissingGlyph[] = [];
  let index = 0;
  for (const char of text) {
    const cp = char.codePointAt(0)!;
    if (!isInvisible(cp) && fonts.face(cp, false) < 0) missing.push({ char, codePoint: cp, index });
    index += char.length;
  }
  return missing;
}

