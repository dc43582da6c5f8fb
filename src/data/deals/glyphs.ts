/**
 * Every character a document will print must exist in the PDF font: a missing glyph is a
 * diagnostic naming the file, line and field — never a silent blank box in the PDF.
 */
import { Diagnostic } from '../../diagnostics.js';
import { missingGlyphs } from '../../writers/fonts.js';
import type { Deal } from '../deal-schema.js';
import { formatPath, positionOf, type YamlSource } from '../yaml-source.js';

function describe(m: { char: string; codePoint: number }): string {
  return `"${m.char}" (U+${m.codePoint.toString(16).toUpperCase().padStart(4, '0')})`;
}

export function checkDealGlyphs(deal: Deal, source: YamlSource, file: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const visit = (value: unknown, path: PropertyKey[]): void => {
    if (typeof value === 'string') {
      if (path[0] === 'body') return;
      const missing = missingGlyphs(value);
      if (missing.length) {
        const pos = positionOf(source, path);
        out.push(
          new Diagnostic({
            file,
            line: pos?.line,
            column: pos?.column,
            field: formatPath(path),
            rule: 'glyph',
            message: `character ${missing.map(describe).join(', ')} cannot be printed: the document font has no glyph for it`,
          }),
        );
      }
      return;
    }
    if (Array.isArray(value)) value.forEach((v, i) => visit(v, [...path, i]));
    else if (value && typeof value === 'object' && value.constructor === Object) for (const [k, v] of Object.entries(value)) visit(v, [...path, k]);
  };
  const { body: _body, bodyLine: _bl, path: _p, ...fields } = deal;
  visit(fields, []);

  deal.body.split('\n').forEach((line, i) => {
    const missing = missingGlyphs(line);
    if (missing.length) {
      out.push(
        new Diagnostic({
          file,
          line: deal.bodyLine ? deal.bodyLine + i : undefined,
          column: missing[0].index + 1,
          field: deal.bodyLine ? 'body' : `body (line ${i + 1})`,
          rule: 'glyph',
          message: `character ${missing.map(describe).join(', ')} cannot be printed: the document font has no glyph for it`,
        }),
      );
    }
  });
  return out;
}
