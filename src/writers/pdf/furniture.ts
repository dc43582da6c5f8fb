/**
 * Running header, footer with page numbers, and the internal banner, added once all pages exist
 * (bufferPages + switchToPage). Text here is drawn with lineBreak:false, so writing into the
 * margins never makes pdfkit add a page. Cover pages get no header/footer and are not counted.
 */
import { singleLine, type Line } from './layout.js';
import type { PdfState } from './state.js';
import { mm } from './theme.js';

const HEADER = 8;
const FOOTER = 8.5;
const SMALL = 7.5;

/**
 * The same labels come back on every page (header, confidentiality, banner): each text is laid
 * out once per document and size. Lines are only read when drawn, so sharing them is safe.
 */
const laidOut = new WeakMap<PdfState, Map<string, Line>>();

function lineOf(state: PdfState, text: string, size: number, bold: boolean): Line {
  let lines = laidOut.get(state);
  if (!lines) laidOut.set(state, (lines = new Map()));
  const key = `${bold ? 'b' : 'r'}${size}\0${text}`;
  let line = lines.get(key);
  if (!line) lines.set(key, (line = singleLine([{ text, style: { bold } }], state.fonts, size)));
  return line;
}

/** Width in points of a label as it is drawn. */
const widthOf = (state: PdfState, text: string, size: number, bold = false): number => lineOf(state, text, size, bold).width;

/** Shrink a single-line label until it fits `width` (never cut it). */
function fit(state: PdfState, text: string, size: number, width: number, bold = false): number {
  const w = widthOf(state, text, size, bold);
  return w <= width ? size : Math.max(5, (size * width) / w);
}

function put(state: PdfState, text: string, x: number, baseline: number, size: number, color: string, bold = false): void {
  if (!text) return;
  state.drawLine(lineOf(state, text, size, bold), x, baseline, size, color);
}

export function pageLabel(template: string, page: number, pages: number): string {
  return template.replace(/\{page\}/g, String(page)).replace(/\{pages\}/g, String(pages));
}

export function decoratePages(state: PdfState): void {
  const { doc, geo, meta, colors } = state;
  const range = doc.bufferedPageRange();
  const numbered: number[] = [];
  for (let i = range.start; i < range.start + range.count; i++) if (!state.coverPages.has(i)) numbered.push(i);
  const width = geo.right - geo.left;
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const isCover = state.coverPages.has(i);
    if (meta.draft) watermark(state, meta.draft);
    if (meta.banner) banner(state, meta.banner, isCover);
    if (isCover) continue;

    // Header: left and right texts share the line; each shrinks rather than collide.
    const hb = geo.top - 14;
    const left = meta.header.left;
    const right = meta.header.right;
    const lw = widthOf(state, left, HEADER);
    const rw = widthOf(state, right, HEADER);
    const ratio = lw + rw + 24 > width ? (width - 24) / (lw + rw) : 1;
    put(state, left, geo.left, hb, HEADER * ratio, colors.muted);
    put(state, right, geo.right - rw * ratio, hb, HEADER * ratio, colors.muted);
    doc.moveTo(geo.left, geo.top - 8).lineTo(geo.right, geo.top - 8).lineWidth(0.5).strokeColor(colors.rule).stroke();

    // Footer: page label centred; confidentiality at the left, or above when it would collide.
    const label = pageLabel(meta.footer.pageLabel, numbered.indexOf(i) + 1, numbered.length);
    const fs = fit(state, label, FOOTER, width);
    const labelW = widthOf(state, label, fs);
    const fb = geo.height - mm(12);
    put(state, label, geo.left + (width - labelW) / 2, fb, fs, colors.muted);
    const conf = meta.footer.confidentiality;
    if (conf) {
      const cw = widthOf(state, conf, SMALL);
      if (cw <= (width - labelW) / 2 - 12) put(state, conf, geo.left, fb, SMALL, colors.muted);
      else {
        const cs = fit(state, conf, SMALL, width);
        put(state, conf, geo.left + (width - widthOf(state, conf, cs)) / 2, fb - FOOTER * 1.6, cs, colors.muted);
      }
    }
  }
}

/** A draft's watermark: large, light, diagonal across the page (drawn over the content, so translucent). */
function watermark(state: PdfState, text: string): void {
  const { doc, geo } = state;
  const size = Math.min(110, fit(state, text, 110, Math.hypot(geo.width, geo.height) * 0.6, true));
  const w = widthOf(state, text, size, true);
  doc.save();
  doc.rotate(-45, { origin: [geo.width / 2, geo.height / 2] });
  doc.fillOpacity(0.12);
  put(state, text, geo.width / 2 - w / 2, geo.height / 2 + size * 0.35, size, '#808080', true);
  doc.restore();
}

/** A red tag at the top centre of every page (internal documents). */
function banner(state: PdfState, text: string, cover: boolean): void {
  const { doc, geo, colors } = state;
  const size = fit(state, text, SMALL, geo.right - geo.left - 12, true);
  const w = widthOf(state, text, size, true) + 12;
  const h = size * 1.9;
  const x = cover ? geo.right - w : (geo.width - w) / 2;
  const y = cover ? mm(12) + mm(5) : mm(7);
  doc.roundedRect(x, y, w, h, 2).fill(colors.banner);
  put(state, text, x + 6, y + h / 2 + size * 0.36, size, '#FFFFFF', true);
}
