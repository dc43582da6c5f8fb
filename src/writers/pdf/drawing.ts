/**
 * Drawing of the PDF state (the third layer of PdfState, see ./state.ts): laid-out lines flowed
 * down the column with page breaks between them, and one line painted — code backgrounds, the
 * glyphs straight into the content stream (./text-out.ts, or pdfkit's public text() on another
 * pdfkit version), then 着重号 dots, rules and link areas.
 */
import type { FontSet } from '../../fonts/fonts.js';
import { usable as pdfkitInternals } from '../internals/pdfkit.js';
import { runSize, singleLine, type Line, type RunStyle } from './layout.js';
import type { Doc } from './page-flow.js';
import { TextOut } from './text-out.js';
import type { Geometry, Palette } from './theme.js';
import { Typesetting } from './typeset.js';

interface LinesOptions {
  x?: number;
  width?: number;
  size?: number;
  lineHeight?: number;
  align?: 'left' | 'right' | 'center';
  color?: string;
}

/** Distance from the top of a line box to its baseline: the ideographic em box is centred. */
export const baselineOffset = (size: number, lineHeight: number): number => (size * lineHeight - size) / 2 + 0.88 * size;

export class Drawing extends Typesetting {
  textColor: string;
  /** Text drawing: glyphs go straight into the content stream (./text-out.ts). */
  readonly out: TextOut;

  constructor(
    doc: Doc,
    geo: Geometry,
    fonts: FontSet,
    readonly colors: Palette,
  ) {
    super(doc, geo, fonts);
    this.textColor = colors.text;
    this.out = new TextOut(doc as unknown as ConstructorParameters<typeof TextOut>[0], (key) => this.embedded(key));
  }

  /** Flow lines down the column, breaking pages between lines. */
  lines(lines: Line[], opts: LinesOptions = {}): void {
    const size = opts.size ?? this.size;
    const lh = size * (opts.lineHeight ?? this.lineHeight);
    for (const line of lines) {
      this.ensure(lh);
      const top = this.y;
      const x = opts.x ?? this.x;
      const width = opts.width ?? this.width;
      const shift = opts.align === 'right' ? width - line.width : opts.align === 'center' ? (width - line.width) / 2 : 0;
      const baseline = top + baselineOffset(size, opts.lineHeight ?? this.lineHeight);
      this.takeMarker(baseline, top);
      this.paint(() => this.drawLine(line, x + shift, baseline, size, opts.color ?? this.textColor));
      this.y += lh;
    }
  }

  /** Paint one laid-out line with its baseline at `baseline`. */
  drawLine(line: Line, x: number, baseline: number, size: number, color: string): void {
    const doc = this.doc;
    const out = this.out;
    // Backgrounds first, then all text of the line in one text object, then rules and links.
    for (const f of line.frags) {
      const st = f.style;
      if (!st.code) continue;
      const s = runSize(st, size);
      const by = st.sup ? baseline - size * 0.38 : baseline;
      doc.rect(x + f.x - 1.5, by - s * 0.95, f.width + 3, s * 1.25).fill(this.colors.codeBg);
    }
    if (!pdfkitInternals()) this.drawPublic(line, x, baseline, size, color);
    else out.begin();
    for (const f of pdfkitInternals() ? line.frags : []) {
      const st = f.style;
      const s = runSize(st, size);
      const by = st.sup ? baseline - size * 0.38 : baseline;
      if (f.parts) out.glyphs(f.face, s, st.color ?? color, x + f.x, by, f.parts);
      else for (const g of singleLine([{ text: f.text, style: st }], this.fonts, s).frags) out.glyphs(g.face, s, st.color ?? color, x + f.x + g.x, by, g.parts ?? []);
    }
    if (pdfkitInternals()) out.end();
    for (const f of line.frags) {
      const st = f.style;
      if (!st.strike && !st.underline && !st.link && !st.emph) continue;
      const s = runSize(st, size);
      const fx = x + f.x;
      const by = st.sup ? baseline - size * 0.38 : baseline;
      if (st.emph) {
        // 着重号: one dot per em (a CJK character), centred under it.
        const n = Math.max(1, Math.round(f.width / s));
        const step = f.width / n;
        for (let k = 0; k < n; k++) doc.circle(fx + step * (k + 0.5), by + s * 0.3, s * 0.07);
        doc.fill(st.color ?? color);
      }
      if (st.strike || st.underline) {
        const ly = st.strike ? by - s * 0.3 : by + s * 0.14;
        doc.moveTo(fx, ly).lineTo(fx + f.width, ly).lineWidth(s * 0.06).strokeColor(st.color ?? color).stroke();
      }
      if (st.link) doc.link(fx, by - s * 0.95, f.width, s * 1.25, st.link);
    }
  }

  /**
   * The public path (another pdfkit version, see ../internals/pdfkit.ts): each fragment drawn with
   * `doc.text()`, which shapes it again; positions are still ours, so layout does not change.
   */
  private drawPublic(line: Line, x: number, baseline: number, size: number, color: string): void {
    for (const f of line.frags) {
      const st = f.style;
      const s = runSize(st, size);
      const by = st.sup ? baseline - size * 0.38 : baseline;
      this.setFace(f.face, s);
      this.doc.fillColor(st.color ?? color).text(f.text, x + f.x, by, { lineBreak: false, baseline: 'alphabetic' });
    }
  }

  /** One unbroken label (list numbers, footnote marks), left end at `x`. */
  drawText(text: string, x: number, baseline: number, size: number, color: string, style: RunStyle = {}): void {
    this.drawLine(singleLine([{ text, style }], this.fonts, size), x, baseline, size, color);
  }
}
