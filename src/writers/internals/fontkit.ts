/**
 * fontkit adapter: the one reach into fontkit's internals — a font's raw bytes and table
 * directory (`font.stream.buffer`, `font.directory.tables`), read by ../pdf/sfnt.ts for fast
 * cmap/hmtx lookups and by ../pdf/subset.ts to copy glyph outlines. Anything unexpected, or a
 * fontkit version other than the checked one, gives null: callers then use fontkit's public API
 * (glyphForCodePoint, and pdfkit's own fontkit subsetter).
 */
import type { FontkitFont } from '../../fonts/fonts.js';
import { internalsUsable } from './check.js';

interface RawFontTables {
  bytes: Uint8Array;
  tables: Record<string, { offset: number; length: number } | undefined>;
}

interface RawFont {
  stream: { buffer: Uint8Array };
  directory: { tables: Record<string, { offset: number; length: number } | undefined> };
}

export function rawTables(font: FontkitFont): RawFontTables | null {
  if (!internalsUsable('fontkit')) return null;
  const raw = font as unknown as Partial<RawFont>;
  const bytes = raw.stream?.buffer;
  const tables = raw.directory?.tables;
  if (!(bytes instanceof Uint8Array) || !tables || typeof tables !== 'object') return null;
  return { bytes, tables };
}
