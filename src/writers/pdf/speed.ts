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
import { deflateSync } from 'node:zlib';
import { setGlyphCaches } from './measure.js';
import type { Doc } from './state.js';

interface EmbeddedFontLike {
  font?: { getGlyph?: (id: number) => GlyphLike | null };
  subset?: { glyphs?: number[] };
}

interface GlyphLike {
  _decode?: () => unknown;
}

const memoised = new WeakSet<object>();

let enabled = process.env.DEALDOC_PDF_NO_SHARED_CACHE !== '1';

/** For tests: run with and without the grafts and caches to prove they do not change the output. */
export function setSharedCaches(on: boolean): void {
  enabled = on;
  setGlyphCaches(on);
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

interface RefLike {
  compress?: boolean;
  buffer?: Uint8Array[];
  data?: Record<string, unknown>;
  finalize?: () => void;
}

const LEVEL = Number(process.env.DEALDOC_PDF_DEFLATE ?? 6);

function ownDeflate(ref: RefLike): void {
  if (ref.compress !== true || !Array.isArray(ref.buffer) || typeof ref.finalize !== 'function' || !ref.data) return;
  ref.compress = false;
  const finalize = ref.finalize;
  ref.finalize = function (this: RefLike): void {
    const chunks = this.buffer!;
    if (chunks.length) {
      this.buffer = [deflateSync(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks), { level: LEVEL })];
      this.data!.Filter = 'FlateDecode';
    }
    finalize.call(this);
  };
}

/**
 * Deflate streams at our own level: pdfkit always uses zlib's default (6), which on this content
 * (glyph outlines, text operators) costs far more time than it saves bytes. Call right after
 * the constructor: the first page already exists.
 */
export function deflateLevel(doc: Doc): void {
  const d = doc as unknown as { ref?: (data?: unknown) => RefLike; page?: { content?: RefLike } };
  const make = d.ref;
  if (typeof make !== 'function') return;
  if (d.page?.content) ownDeflate(d.page.content);
  d.ref = function (this: unknown, data?: unknown): RefLike {
    const ref = make.call(this, data);
    ownDeflate(ref);
    return ref;
  };
}
