/**
 * Process-wide caches grafted onto pdfkit and fontkit internals, because both libraries keep their
 * caches per document while dealdoc renders many documents with the same two fonts:
 *
 * - pdfkit shapes every drawn string with fontkit and caches the result per *document*
 *   (EmbeddedFont.layoutCache). We hand each document the same cache object per font.
 *   Safe because pdfkit scales positions by 1000/unitsPerEm in place, which is 1 for Noto Sans SC
 *   (checked), so a cached run is never changed by reuse.
 * - fontkit's TrueType subsetter re-decodes the outline of every glyph it copies, in every
 *   document, only to learn whether it is composite. Decoded glyphs are memoised on fontkit's
 *   own per-font glyph objects, which already live as long as the font.
 *
 * Each graft checks the shape it expects and otherwise leaves the library alone: output bytes are
 * identical with or without them (the tests compare).
 */
import type { Doc } from './state.js';

interface EmbeddedFontLike {
  scale?: number;
  layoutCache?: Record<string, unknown>;
  font?: { getGlyph?: (id: number) => GlyphLike | null };
  subset?: { glyphs?: number[] };
}

interface GlyphLike {
  _decode?: () => unknown;
}

const MAX_RUNS = 8_000;
const layoutCaches = new Map<string, { runs: Record<string, unknown>; size: number }>();
const memoised = new WeakSet<object>();

let enabled = process.env.DEALDOC_PDF_NO_SHARED_CACHE !== '1';

/** For tests: run with and without the grafts to prove they do not change the output. */
export function setSharedCaches(on: boolean): void {
  enabled = on;
}

const current = (doc: Doc): EmbeddedFontLike | undefined => (doc as unknown as { _font?: EmbeddedFontLike })._font;

/** Call right after selecting a font: give this document's embedded font the shared run cache. */
export function shareLayoutCache(doc: Doc, family: string): void {
  if (!enabled) return;
  const font = current(doc);
  if (!font || font.scale !== 1 || typeof font.layoutCache !== 'object' || font.layoutCache === null) return;
  let shared = layoutCaches.get(family);
  if (!shared) {
    shared = { runs: Object.create(null) as Record<string, unknown>, size: 0 };
    layoutCaches.set(family, shared);
  }
  // Bounded: start over rather than grow without limit in a long-lived worker.
  const size = Object.keys(shared.runs).length;
  if (size > MAX_RUNS) shared.runs = Object.create(null) as Record<string, unknown>;
  font.layoutCache = shared.runs;
}

/** Call before doc.end(): memoise outline decoding of the glyphs about to be subset. */
export function memoiseSubsetGlyphs(doc: Doc): void {
  if (!enabled) return;
  const families = (doc as unknown as { _fontFamilies?: Record<string, EmbeddedFontLike> })._fontFamilies ?? {};
  for (const ef of new Set(Object.values(families))) {
    const glyphs = ef.subset?.glyphs;
    const getGlyph = ef.font?.getGlyph;
    if (!Array.isArray(glyphs) || typeof getGlyph !== 'function') continue;
    for (const id of glyphs) {
      const glyph = getGlyph.call(ef.font, id);
      if (!glyph || memoised.has(glyph) || typeof glyph._decode !== 'function') continue;
      const decode = glyph._decode.bind(glyph);
      let done = false;
      let value: unknown;
      glyph._decode = () => {
        if (!done) [value, done] = [decode(), true];
        return value;
      };
      memoised.add(glyph);
    }
  }
}
