import type { Cover } from '../../../tree/nodes.js';
import { maxLineWidth, plain, type Line } from '../layout.js';
import { baselineOffset, type Handler, type PdfState } from '../state.js';
import { mm } from '../theme.js';
import { at } from '../../must.js';

/**
 * A page of its own: brand band, logo, kicker, title, subtitle, "prepared for", and the company
 * block with label/value lines at the foot. No running header or footer, and it is not numbered.
 */
export const cover: Handler<Cover> = (state, node) => {
  state.pageBreak();
  state.ensure(0);
  if (!state.measuring) state.coverPages.add(state.page);
  state.paint(() => paintCover(state, node));
  state.y = state.bottom;
  state.pageBreak();
};

function paintCover(state: PdfState, node: Cover): void {
  const { doc, geo, colors } = state;
  const x = geo.left;
  const w = geo.right - geo.left;
  const put = (lines: Line[], y: number, size: number, lh: number, color: string): number => {
    lines.forEach((line, i) => state.drawLine(line, x, y + i * size * lh + baselineOffset(size, lh), size, color));
    return y + lines.length * size * lh;
  };

  doc.rect(0, 0, geo.width, mm(12)).fill(colors.brand);
  doc.rect(0, geo.height - mm(5), geo.width, mm(5)).fill(colors.brand);
  const logo = node.logo ? state.image({ url: node.logo }) : undefined;
  if (logo) {
    const scale = Math.min(mm(50) / logo.width, mm(18) / logo.height);
    // pdfkit's image() is typed for paths/Buffers; it also takes the image object embedded up front.
    doc.image(logo.image as unknown as string, x, mm(24), { width: logo.width * scale, height: logo.height * scale });
  }

  let y = geo.height * 0.3;
  if (node.kicker) y = put(state.layout(plain(node.kicker, { bold: true }), w, 12), y, 12, 1.5, colors.brand) + 6;
  y = put(state.layout(plain(node.title, { bold: true }), w, 26), y, 26, 1.3, colors.heading) + 10;
  doc.rect(x, y, 48, 2.5).fill(colors.brand);
  y += 16;
  if (node.subtitle) y = put(state.layout(plain(node.subtitle), w, 14), y, 14, 1.45, colors.muted) + 18;
  if (node.preparedFor) put(state.layout(plain(node.preparedFor, { bold: true }), w, 12), y, 12, 1.5, colors.text);

  // Foot block, anchored to the bottom: company, then label/value lines.
  const labelLines = node.lines.map((l) => state.layout(plain(l.label), w * 0.35, 9));
  const labelW = Math.min(w * 0.35, Math.max(0, ...labelLines.map(maxLineWidth))) + 14;
  const valueLines = node.lines.map((l) => state.layout(plain(l.value), w - labelW, 10));
  const rows = node.lines.map((_, i) => Math.max(at(labelLines, i).length, at(valueLines, i).length) * 10 * 1.6);
  const company = state.layout(plain(node.company, { bold: true }), w, 13);
  const secondary = node.companySecondary ? state.layout(plain(node.companySecondary), w, 9) : [];
  const blockH = company.length * 13 * 1.4 + secondary.length * 9 * 1.5 + 12 + rows.reduce((a, b) => a + b, 0);
  y = geo.height - mm(30) - blockH;
  doc.moveTo(x, y - 10).lineTo(x + w, y - 10).lineWidth(0.6).strokeColor(colors.rule).stroke();
  y = put(company, y, 13, 1.4, colors.heading);
  y = put(secondary, y, 9, 1.5, colors.muted) + 12;
  node.lines.forEach((_, i) => {
    at(labelLines, i).forEach((line, k) => state.drawLine(line, x, y + k * 10 * 1.6 + baselineOffset(10, 1.6), 9, colors.muted));
    at(valueLines, i).forEach((line, k) => state.drawLine(line, x + labelW, y + k * 10 * 1.6 + baselineOffset(10, 1.6), 10, colors.text));
    y += at(rows, i);
  });
}
