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
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { inflateSync } from 'node:zlib';
import * as fontkit from 'fontkit';

const require = createRequire(import.meta.url);

export type FontkitFont = fontkit.Font;
export type Weight = 'regular' | 'bold';

/** One family of the chain: files resolved to absolute paths (plain data: it crosses into workers). */
export interface FamilySource {
  /** Short id (`noto-sans-thai`, or the package / file it came from). */
  id: string;
  /** Family name as Word and LibreOffice know it (DOCX `w:rFonts`). */
  name: string;
  /** PostScript-style name prefix for the PDF font resource (`NotoSansSC` → NotoSansSC-Regular). */
  psName: string;
  regular: string;
  /** Absent: bold text uses the regular file (no synthetic bold). */
  bold?: string;
  /** Writing system, for DOCX `w:lang` (BCP 47), when the family is for one. */
  lang?: string;
  /** True for CJK families (Word's East Asian font slot). */
  eastAsia?: boolean;
}

const expo = (pkg: string, file: string) => ({
  regular: require.resolve(`@expo-google-fonts/${pkg}/400Regular/${file}_400Regular.ttf`),
  bold: require.resolve(`@expo-google-fonts/${pkg}/700Bold/${file}_700Bold.ttf`),
});

/** The families dealdoc ships, in the default order for Chinese documents. */
export const BUILTIN_FAMILIES: readonly FamilySource[] = [
  { id: 'noto-sans-sc', name: 'Noto Sans SC', psName: 'NotoSansSC', ...expo('noto-sans-sc', 'NotoSansSC'), lang: 'zh-CN', eastAsia: true },
  { id: 'noto-sans', name: 'Noto Sans', psName: 'NotoSans', ...expo('noto-sans', 'NotoSans') },
  { id: 'noto-sans-thai', name: 'Noto Sans Thai', psName: 'NotoSansThai', ...expo('noto-sans-thai', 'NotoSansThai'), lang: 'th-TH' },
  { id: 'noto-sans-kr', name: 'Noto Sans KR', psName: 'NotoSansKR', ...expo('noto-sans-kr', 'NotoSansKR'), lang: 'ko-KR', eastAsia: true },
  { id: 'noto-sans-jp', name: 'Noto Sans JP', psName: 'NotoSansJP', ...expo('noto-sans-jp', 'NotoSansJP'), lang: 'ja-JP', eastAsia: true },
  {
    id: 'noto-sans-math',
    name: 'Noto Sans Math',
    psName: 'NotoSansMath',
    regular: require.resolve('@fontsource/noto-sans-math/files/noto-sans-math-latin-400-normal.woff'),
  },
  {
    id: 'noto-sans-symbols-2',
    name: 'Noto Sans Symbols 2',
    psName: 'NotoSansSymbols2',
    regular: require.resolve('@fontsource/noto-sans-symbols-2/files/noto-sans-symbols-2-symbols-400-normal.woff'),
  },
  { id: 'noto-emoji', name: 'Noto Emoji', psName: 'NotoEmoji', ...expo('noto-emoji', 'NotoEmoji') },
];

/** The chain as configured (before the per-locale order): plain data, part of every build's inputs. */
export interface FontChainSpec {
  families: readonly FamilySource[];
}

export const DEFAULT_CHAIN: FontChainSpec = { families: BUILTIN_FAMILIES };

/** Family name the DOCX writer names for East Asian runs, with a fallback a Windows reader has. */
export const DOCX_FONTS = { eastAsia: 'Noto Sans SC', eastAsiaFallback: 'Microsoft YaHei', latin: 'Noto Sans SC', latinEn: 'Noto Sans' } as const;

/**
 * The order for one document: English documents put the first Latin family (Noto Sans) before the
 * first CJK one, so Latin text is set in a Latin design; Chinese documents keep the configured order.
 */
export function familiesFor(spec: FontChainSpec, locale: string): readonly FamilySource[] {
  const fams = spec.families;
  if (locale === 'zh-CN') return fams;
  const latin = fams.findIndex((f) => f.id === 'noto-sans');
  const cjk = fams.findIndex((f) => f.eastAsia);
  if (latin < 0 || cjk < 0 || latin < cjk) return fams;
  const out = fams.slice();
  const [moved] = out.splice(latin, 1);
  out.splice(cjk, 0, moved);
  return out;
}

// ── loading (lazy, once per process) ──────────────────────────────────────

const opened = new Map<string, FontkitFont>();

/** Font files this process has parsed so far (the timing script reports them). */
export const loadedFontFiles = (): string[] => [...opened.keys()];

/** WOFF 1.0 → the TrueType/OpenType file it wraps (tables inflated, same order). */
export function unwrapWoff(data: Buffer): Buffer {
  if (data.length < 44 || data.readUInt32BE(0) !== 0x774f4646) return data;
  const flavor = data.readUInt32BE(4);
  const numTables = data.readUInt16BE(12);
  const entries: { tag: number; body: Buffer; checksum: number }[] = [];
  for (let i = 0; i < numTables; i++) {
    const at = 44 + 20 * i;
    const tag = data.readUInt32BE(at);
    const offset = data.readUInt32BE(at + 4);
    const compLength = data.readUInt32BE(at + 8);
    const origLength = data.readUInt32BE(at + 12);
    const raw = data.subarray(offset, offset + compLength);
    const body = compLength < origLength ? inflateSync(raw) : raw;
    if (body.length !== origLength) throw new Error('WOFF table length mismatch');
    entries.push({ tag, body, checksum: data.readUInt32BE(at + 16) });
  }
  let size = 12 + 16 * numTables;
  for (const e of entries) size += (e.body.length + 3) & ~3;
  const out = Buffer.alloc(size);
  const pow = 2 ** Math.floor(Math.log2(numTables));
  out.writeUInt32BE(flavor, 0);
  out.writeUInt16BE(numTables, 4);
  out.writeUInt16BE(pow * 16, 6);
  out.writeUInt16BE(Math.log2(pow), 8);
  out.writeUInt16BE(numTables * 16 - pow * 16, 10);
  let at = 12 + 16 * numTables;
  entries.forEach((e, i) => {
    const rec = 12 + 16 * i;
    out.writeUInt32BE(e.tag, rec);
    out.writeUInt32BE(e.checksum, rec + 4);
    out.writeUInt32BE(at, rec + 8);
    out.writeUInt32BE(e.body.length, rec + 12);
    e.body.copy(out, at);
    at += (e.body.length + 3) & ~3;
  });
  return out;
}

/** Parse a font file once per process (TrueType, OpenType or WOFF 1.0; one font, not a collection). */
export function openFont(path: string): FontkitFont {
  let font = opened.get(path);
  if (!font) {
    const made = fontkit.create(unwrapWoff(readFileSync(path)));
    if ('fonts' in made) throw new Error(`${path}: expected a single font, got a font collection`);
    font = made as FontkitFont;
    opened.set(path, font);
  }
  return font;
}

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
export const isBoldFace = (face: FaceId): boolean => (face & 1) === 1;

const NONE = 0x7fff;

/**
 * The fonts of one document (one order of the chain). `face(cp, bold)` says which face prints a
 * code point; a family's file is opened the first time one of its faces is asked about.
 */
export class FontSet {
  readonly families: readonly FamilySource[];
  /** BMP code point → face + 1 per weight (0 = not looked up yet, NONE = no family has it). */
  private readonly bmp = [new Uint16Array(0x10000), new Uint16Array(0x10000)];
  private readonly astral = [new Map<number, number>(), new Map<number, number>()];
  private readonly opened: FontkitFont[] = [];

  constructor(families: readonly FamilySource[]) {
    if (!families.length) throw new Error('the font chain is empty');
    this.families = families;
  }

  /** The parsed font of a face (opened on first use). */
  font(face: FaceId): FontkitFont {
    let font = this.opened[face];
    if (!font) {
      const fam = this.families[familyOfFace(face)];
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

  /** Name of a face's PDF font resource: unique per file of the chain. */
  pdfName(face: FaceId): string {
    const index = familyOfFace(face);
    const fam = this.families[index];
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
      const hit = this.bmp[w][cp];
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

/** What identifies the fonts of a build (package versions and configured files): a build input. */
export function fontsFingerprint(spec: FontChainSpec = DEFAULT_CHAIN): string {
  return spec.families.map((f) => `${f.id}@${versionOf(f.regular)}`).join(',');
}

function versionOf(file: string): string {
  const m = /node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)[\\/]/.exec(file);
  if (!m) {
    try {
      const st = statSync(file);
      return `${file}:${st.size}:${st.mtimeMs}`;
    } catch {
      return file;
    }
  }
  try {
    return (require(`${m[1].replace(/\\/g, '/')}/package.json`) as { version: string }).version;
  } catch {
    return file;
  }
}
