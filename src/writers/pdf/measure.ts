/**
 * Text widths straight from the pre-parsed fontkit fonts, cached per process: a CJK document
 * measures the same few thousand characters again and again, and `doc.widthOfString` would
 * re-run the shaper (and pdfkit's own cache lives only as long as one document).
 */
import type { FontSet, FontkitFont } from '../fonts.js';

export type FontKey = keyof FontSet;

const MAX_ENTRIES = 50_000;
const caches = new WeakMap<FontkitFont, Map<string, number>>();

/** Advance width of `text` in thousandths of an em (kerning within the string included). */
export function units(font: FontkitFont, text: string): number {
  let cache = caches.get(font);
  if (!cache) {
    cache = new Map();
    caches.set(font, cache);
  }
  let w = cache.get(text);
  if (w === undefined) {
    w = (font.layout(text).advanceWidth * 1000) / font.unitsPerEm;
    if (cache.size >= MAX_ENTRIES) cache.clear();
    cache.set(text, w);
  }
  return w;
}

/** Width in points of `text` set in `font` at `size`. */
export function widthOf(fonts: FontSet, key: FontKey, text: string, size: number): number {
  return (units(fonts[key], text) * size) / 1000;
}
