/**
 * Fonts and measurement of the PDF state (the second layer of PdfState, see ./state.ts): which
 * face of the font chain pdfkit draws with, pdfkit's embedded font per face (created once per
 * document), and laying styled runs out into lines (./layout.ts) at the current column and size.
 */
import type { FontSet } from '../../fonts/fonts.js';
import { currentEmbeddedFont } from '../internals/pdfkit.js';
import { fontKey, layoutTokens, tokenize, type Line, type Run, type RunStyle, type Tokens } from './layout.js';
import type { FontKey } from './measure.js';
import { PageFlow, type Doc } from './page-flow.js';
import { asEmbeddedFont } from './text-out.js';
import type { Geometry } from './theme.js';

export class Typesetting extends PageFlow {
  private readonly embeddedFonts = new Map<FontKey, ReturnType<typeof asEmbeddedFont>>();

  constructor(
    doc: Doc,
    geo: Geometry,
    readonly fonts: FontSet,
  ) {
    super(doc, geo);
  }

  /** pdfkit's embedded font for a face in this document (created on first use). */
  protected embedded(key: FontKey): ReturnType<typeof asEmbeddedFont> {
    let ef = this.embeddedFonts.get(key);
    if (!ef) {
      this.setFace(key, this.size);
      ef = asEmbeddedFont(currentEmbeddedFont(this.doc));
      this.embeddedFonts.set(key, ef);
    }
    return ef;
  }

  layout(runs: Run[], width = this.width, size = this.size, pre = false): Line[] {
    return layoutTokens(tokenize(runs, this.fonts, size, pre), this.fonts, width);
  }

  /** Measure runs once, to lay them out later (possibly at several widths). */
  tokens(runs: Run[], size = this.size): Tokens {
    return tokenize(runs, this.fonts, size);
  }

  layoutTokens(tokens: Tokens, width: number): Line[] {
    return layoutTokens(tokens, this.fonts, width);
  }

  setFont(style: RunStyle, size: number): void {
    this.setFace(fontKey(style), size);
  }

  /** Make a face of the chain pdfkit's current font (registered on first use). */
  setFace(face: FontKey, size: number): void {
    // pdfkit's typings only know paths/Buffers; since 0.20 it also takes a fontkit Font, which is
    // what we pass so that the 10 MB TrueType is parsed once per process. The family name makes it
    // a cache key, so switching fonts does not build a new embedded font each time.
    this.doc.font(this.fonts.font(face) as unknown as string, this.fonts.pdfName(face), size);
  }
}
