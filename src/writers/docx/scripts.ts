/**
 * Fonts per script in DOCX runs. The styles name one Latin font and one East Asian font; Word
 * picks between them per character class (ascii/hAnsi, eastAsia, cs = complex script). Any text
 * the PDF writer would print with another family of the chain (Vietnamese letters in a Chinese
 * document, Thai, Hangul, kana, symbols, emoji) becomes its own run naming that family in all
 * four `w:rFonts` slots and its language in `w:lang`, so Word and LibreOffice use the same font
 * as the PDF. Text the defaults already cover gets no extra markup (Chinese documents stay as
 * they were).
 */
import { familyOfFace, isInvisible, type FamilySource, type FontSet } from '../../fonts/fonts.js';
import { hasCjk } from './text.js';
import { at } from '../must.js';

interface ScriptRun {
  text: string;
  /** The family to name, or undefined when the style's fonts already print this text. */
  family?: FamilySource;
}

let current: { fonts: FontSet; latin: string; eastAsia: string } | undefined;

/** Set the font chain of the document being written (synchronous writer: one document at a time). */
export function useDocxFonts(fonts: FontSet | undefined, latin: string, eastAsia: string): void {
  current = fonts ? { fonts, latin, eastAsia } : undefined;
}

/** `w:lang` for a family of one script. */
export function langOf(family: FamilySource): { val?: string; eastAsia?: string; bidi?: string } | undefined {
  if (!family.lang) return undefined;
  if (family.eastAsia) return { eastAsia: family.lang };
  if (/^(th|lo|km|my|ar|he|fa|ur|hi|bn|ta)-/.test(family.lang)) return { bidi: family.lang };
  return { val: family.lang };
}

/** Split text by the family that prints it; one run when nothing needs another font. */
export function scriptRuns(text: string): ScriptRun[] {
  const ctx = current;
  if (!ctx) return [{ text }];
  const { fonts } = ctx;
  // Fast path (almost every run): every character is printed by the first family, and that family
  // is the style's font for both slots (Chinese documents), or the text has no CJK (English ones).
  const table = fonts.table(false);
  const primary = at(fonts.families, 0).name;
  const plain = primary === ctx.latin && (primary === ctx.eastAsia || !hasCjk(text));
  for (let i = 0; plain && i <= text.length; i++) {
    if (i === text.length) return [{ text }];
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) break;
    if (table[c] !== 1 && !isInvisible(c)) break;
  }
  const out: ScriptRun[] = [];
  let start = 0;
  let family: FamilySource | undefined;
  let prevFace = -1;
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i)!;
    const len = cp > 0xffff ? 2 : 1;
    let fam: FamilySource | undefined = family;
    if (!isInvisible(cp)) {
      // A combining mark stays with its base, as in the PDF.
      const face = prevFace >= 0 && /\p{M}/u.test(String.fromCodePoint(cp)) && fonts.font(prevFace).hasGlyphForCodePoint(cp) ? prevFace : fonts.face(cp, false);
      prevFace = face;
      const chosen = face < 0 ? undefined : fonts.families[familyOfFace(face)];
      const implied = hasCjk(String.fromCodePoint(cp)) ? ctx.eastAsia : ctx.latin;
      fam = chosen && chosen.name !== implied ? chosen : undefined;
    }
    if (fam !== family && i > start) {
      out.push({ text: text.slice(start, i), family });
      start = i;
    }
    family = fam;
    i += len - 1;
  }
  if (start < text.length || !out.length) out.push({ text: text.slice(start), family });
  return out;
}
