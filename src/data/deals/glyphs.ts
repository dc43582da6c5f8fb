/**
 * Every character a document will print must exist in some font of the chain (src/fonts/fonts.ts):
 * a character none has is a diagnostic naming the file, line, column, field and the character —
 * never a silent blank box in the PDF.
 */
import { Diagnostic } from '../../diagnostics.js';
import { fontSetFor, missingGlyphs, type FontChainSpec, type MissingGlyph } from '../../fonts/fonts.js';
import { formatPath, positionOf, type YamlSource } from '../yaml-source.js';

function describe(m: MissingGlyph): string {
  return `"${m.char}" (U+${m.codePoint.toString(16).toUpperCase().padStart(4, '0')}${charName(m.codePoint)})`;
}

/** A short description of a code point (Unicode block / category), for people who cannot see it. */
function charName(cp: number): string {
  const ch = String.fromCodePoint(cp);
  if (/\p{Co}/u.test(ch)) return ', private-use character';
  if (/\p{Cn}/u.test(ch)) return ', unassigned code point';
  if (/\p{Extended_Pictographic}/u.test(ch)) return ', emoji';
  if (/\p{S}/u.test(ch)) return ', symbol';
  if (/\p{M}/u.test(ch)) return ', combining mark';
  const scripts = ['Arabic', 'Hebrew', 'Devanagari', 'Bengali', 'Tamil', 'Khmer', 'Lao', 'Myanmar', 'Georgian', 'Armenian', 'Ethiopic', 'Tibetan', 'Mongolian', 'Sinhala', 'Syriac', 'Thaana', 'Gujarati', 'Gurmukhi', 'Kannada', 'Malayalam', 'Oriya', 'Telugu', 'Cherokee', 'Runic', 'Ogham', 'Gothic', 'Linear_B', 'Cuneiform', 'Egyptian_Hieroglyphs'];
  for (const s of scripts) if (new RegExp(`\\p{Script=${s}}`, 'u').test(ch)) return `, ${s} script`;
  return '';
}

const message = (missing: MissingGlyph[]) =>
  `character ${missing.map(describe).join(', ')} cannot be printed: no font of the chain has a glyph for it (add a font that has it under fonts: in the config)`;

/**
 * Check the deal's values (raw front matter / JSON, as parsed: positions come from `source`) and
 * its Markdown body (`bodyLine` = its first line in the file; 0 = the JSON `body` field).
 */
export function checkDealGlyphs(fields: unknown, body: string, bodyLine: number, source: YamlSource, file: string, chain?: FontChainSpec): Diagnostic[] {
  const fonts = fontSetFor(chain, 'zh-CN');
  const out: Diagnostic[] = [];
  const visit = (value: unknown, path: PropertyKey[]): void => {
    if (typeof value === 'string') {
      if (path[0] === 'body') return;
      const missing = missingGlyphs(value, fonts);
      if (missing.length) {
        const pos = positionOf(source, path);
        out.push(new Diagnostic({ file, line: pos?.line, column: pos?.column, field: formatPath(path), rule: 'glyph', message: message(missing) }));
      }
      return;
    }
    if (Array.isArray(value)) value.forEach((v, i) => visit(v, [...path, i]));
    else if (value && typeof value === 'object' && (value.constructor === Object || Object.getPrototypeOf(value) === null)) for (const [k, v] of Object.entries(value)) visit(v, [...path, k]);
  };
  visit(fields, []);

  body.split('\n').forEach((line, i) => {
    const missing = missingGlyphs(line, fonts);
    if (missing.length) {
      out.push(
        new Diagnostic({
          file,
          line: bodyLine ? bodyLine + i : undefined,
          column: (missing[0]?.index ?? 0) + 1, // missing.length > 0
          field: bodyLine ? 'body' : `body (line ${i + 1})`,
          rule: 'glyph',
          message: message(missing),
        }),
      );
    }
  });
  return out;
}
