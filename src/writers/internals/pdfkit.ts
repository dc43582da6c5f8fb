/**
 * pdfkit adapter: every reach into pdfkit's internals, each checked against pdfkit 0.20.2.
 *
 * - `currentEmbeddedFont(doc)`: `doc._font`, the EmbeddedFont made by `doc.font()`; ../pdf/text-out.ts
 *   uses its `id`, `ref()`, `subset.includeGlyph()`, `widths`, `unicode`, `font` to write glyph ids
 *   straight into the page content (`doc.page.write`, `doc.page.fonts`).
 * - `embeddedFonts(doc)`: `doc._fontFamilies`, whose fonts' `subset.encode` ../pdf/speed.ts replaces
 *   with our TrueType subsetter.
 *
 * With another pdfkit version (or DEALDOC_LIBRARY_INTERNALS=off) `usable()` is false: the PDF
 * writer then draws each fragment with the public `doc.text()` and leaves subsetting to pdfkit.
 */
import { internalsUsable } from './check.js';

export const usable = (): boolean => internalsUsable('pdfkit');

export function currentEmbeddedFont(doc: unknown): unknown {
  return (doc as { _font?: unknown })._font;
}

export function embeddedFonts<T>(doc: unknown): T[] {
  if (!usable()) return [];
  const families = (doc as { _fontFamilies?: Record<string, T> })._fontFamilies ?? {};
  return [...new Set(Object.values(families))];
}
