/**
 * Where the PDF writer reaches into pdfkit: each embedded font writes its subset with
 * ./subset.ts instead of fontkit's TTFSubset. Text itself never goes through pdfkit's `text()`
 * (./text-out.ts writes the operators), so pdfkit's per-document shaping cache is not used at all.
 *
 * `setSharedCaches(false)` turns off the process-wide glyph and word caches (./measure.ts): the
 * tests render with and without them and compare bytes.
 */
import type { FontkitFont } from '../../fonts/fonts.js';
import { setGlyphCaches } from './measure.js';
import { canSubset, encodeSubset } from './subset.js';
import type { Doc } from './state.js';
import { embeddedFonts } from '../internals/pdfkit.js';
import { at } from '../must.js';

interface EmbeddedFontLike {
  font?: FontkitFont;
  subset?: { glyphs?: number[]; includeGlyph?: (id: number) => number; encode?: () => Uint8Array };
  widths?: (number | undefined)[];
  unicode?: (readonly number[] | undefined)[];
}

/** For tests: run with and without the grafts and caches to prove they do not change the output. */
export function setSharedCaches(on: boolean): void {
  setGlyphCaches(on);
}

/**
 * Call before doc.end(): each embedded font writes its TrueType subset with ./subset.ts instead of
 * fontkit's TTFSubset (which decodes every glyph and serialises through restructure). Glyphs that
 * only enter the subset as components of a composite glyph get a width and an (empty) ToUnicode
 * entry, so pdfkit's /W array and CMap stay well-formed.
 */
export function ownSubsets(doc: Doc): void {
  for (const ef of embeddedFonts<EmbeddedFontLike>(doc)) {
    const { font, subset, widths, unicode } = ef;
    if (!font || !subset || typeof subset.encode !== 'function' || typeof subset.includeGlyph !== 'function' || !Array.isArray(subset.glyphs)) continue;
    if (!Array.isArray(widths) || !Array.isArray(unicode) || !canSubset(font) || 'cff' in subset) continue;
    subset.encode = (): Uint8Array => {
      const glyphs = subset.glyphs!;
      const out = encodeSubset(font, glyphs, (id) => subset.includeGlyph!(id));
      for (let gid = 0; gid < glyphs.length; gid++) {
        widths[gid] ??= (font.getGlyph(at(glyphs, gid)).advanceWidth * 1000) / font.unitsPerEm;
        unicode[gid] ??= [];
      }
      return out;
    };
  }
}
