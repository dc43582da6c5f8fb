/**
 * Font files parsed once per process, whoever asks first: the config's `fonts:` (./fonts-config.ts
 * reads a family's names) or drawing and glyph checks (./fonts.ts). The caller passes fontkit's
 * `create`, so this module loads no fontkit of its own.
 */
import { readFileSync } from 'node:fs';
import type * as Fontkit from 'fontkit';
import { unwrapWoff } from './woff.js';

const opened = new Map<string, Fontkit.Font>();

/** Font files this process has parsed so far (the timing script reports them). */
export const loadedFontFiles = (): string[] => [...opened.keys()];

/** Parse a font file once per process (TrueType, OpenType or WOFF 1.0; one font, not a collection). */
export function parseFontOnce(path: string, create: typeof Fontkit.create): Fontkit.Font {
  let font = opened.get(path);
  if (!font) {
    const made = create(unwrapWoff(readFileSync(path)));
    if ('fonts' in made) throw new Error(`${path}: expected a single font, got a font collection`);
    font = made as Fontkit.Font;
    opened.set(path, font);
  }
  return font;
}
