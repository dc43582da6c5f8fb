/**
 * Fonts: Noto Sans SC (OFL) shipped through npm as TrueType, parsed once per process (or
 * worker) and shared by every document. TrueType subsets faster and smaller than CFF.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';

const require = createRequire(import.meta.url);

export const FONT_FILES = {
  regular: require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf'),
  bold: require.resolve('@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf'),
} as const;

/** Family name the DOCX writer names for East Asian runs, with a fallback a Windows reader has. */
export const DOCX_FONTS = { eastAsia: 'Noto Sans SC', eastAsiaFallback: 'Microsoft YaHei', latin: 'Noto Sans SC' } as const;

export type FontkitFont = fontkit.Font;

export interface FontSet {
  regular: FontkitFont;
  bold: FontkitFont;
}

let cached: FontSet | undefined;

function open(path: string): FontkitFont {
  const font = fontkit.create(readFileSync(path));
  if ('fonts' in font) throw new Error(`${path}: expected a single font, got a collection`);
  return font as FontkitFont;
}

/** Load (once) and return the font set. Lazy: nothing is parsed until something must render. */
export function loadFonts(): FontSet {
  cached ??= { regular: open(FONT_FILES.regular), bold: open(FONT_FILES.bold) };
  return cached;
}

/** Code points the fonts cannot draw, with their index in the text. Whitespace and controls are ignored. */
export function missingGlyphs(text: string, fonts: FontSet = loadFonts()): { char: string; codePoint: number; index: number }[] {
  const missing: { char: string; codePoint: number; index: number }[] = [];
  let index = 0;
  for (const char of text) {
    const cp = char.codePointAt(0)!;
    if (cp > 0x20 && !(cp >= 0x7f && cp <= 0xa0) && cp !== 0xfe0f && cp !== 0x200b && !fonts.regular.hasGlyphForCodePoint(cp)) {
      missing.push({ char, codePoint: cp, index });
    }
    index += char.length;
  }
  return missing;
}
