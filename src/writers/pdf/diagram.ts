/** Shared drawing helpers for the diagram handlers: boxes of wrapped text and connectors. */
import type { Line, Run } from './layout.js';
import { baselineOffset, type Doc, type PdfState } from './state.js';

export interface TextBox {
  lines: Line[];
  width: number;
  height: number;
  size: number;
  lineHeight: number;
  pad: number;
  /** Bulleted boxes: the first line of each item carries a dot, the rest hang under the text. */
  bullets?: boolean[];
}

const BULLET = 8;

export function listBox(state: PdfState, items: Run[][], width: number, size: number, pad = 5, lineHeight = 1.35): TextBox {
  const lines: Line[] = [];
  const bullets: boolean[] = [];
  for (const runs of items) {
    state.layout(runs, width - 2 * pad - BULLET, size).forEach((line, i) => {
      lines.push(line);
      bullets.push(i === 0);
    });
  }
  return { lines, width, height: Math.max(1, lines.length) * size * lineHeight + 2 * pad, size, lineHeight, pad, bullets };
}

export function textBox(state: PdfState, runs: Run[], width: number, size: number, pad = 5, lineHeight = 1.35): TextBox {
  const lines = state.layout(runs, width - 2 * pad, size);
  return { lines, width, height: Math.max(1, lines.length) * size * lineHeight + 2 * pad, size, lineHeight, pad };
}

interface BoxStyle {
  fill?: string;
  stroke?: string;
  color: string;
  radius?: number;
  align?: 'left' | 'center';
  /** Draw the box taller than its text (text stays vertically centred). */
  height?: number;
}

export function drawTextBox(state: PdfState, box: TextBox, x: number, y: number, style: BoxStyle): void {
  const doc = state.doc;
  const h = style.height ?? box.height;
  const r = style.radius ?? 3;
  if (style.fill) doc.roundedRect(x, y, box.width, h, r).fill(style.fill);
  if (style.stroke) doc.roundedRect(x, y, box.width, h, r).lineWidth(0.8).strokeColor(style.stroke).stroke();
  const lh = box.size * box.lineHeight;
  const top = y + (h - box.lines.length * lh) / 2;
  box.lines.forEach((line, i) => {
    const baseline = top + i * lh + baselineOffset(box.size, box.lineHeight);
    let shift = style.align === 'center' ? (box.width - 2 * box.pad - line.width) / 2 : 0;
    if (box.bullets) {
      shift = BULLET;
      if (box.bullets[i]) doc.circle(x + box.pad + 2.5, baseline - box.size * 0.34, 1.3).fill(style.color);
    }
    state.drawLine(line, x + box.pad + shift, baseline, box.size, style.color);
  });
}

/** Orthogonal connector: out horizontally, along x = midX, in horizontally, with an arrow head. */
export function elbow(doc: Doc, x1: number, y1: number, x2: number, y2: number, color: string, midX = (x1 + x2) / 2, arrow = true): void {
  doc.moveTo(x1, y1);
  if (Math.abs(y1 - y2) > 0.5) doc.lineTo(midX, y1).lineTo(midX, y2);
  doc
    .lineTo(x2 - (arrow ? 3 : 0), y2)
    .lineWidth(0.8)
    .strokeColor(color)
    .stroke();
  if (arrow) doc.polygon([x2, y2], [x2 - 4, y2 - 2.4], [x2 - 4, y2 + 2.4]).fill(color);
}

/** Five-pointed star centred at (cx, cy). */
export function star(doc: Doc, cx: number, cy: number, r: number, color: string): void {
  const points: [number, number][] = [];
  for (let i = 0; i < 10; i++) {
    const radius = i % 2 ? r * 0.45 : r;
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    points.push([cx + radius * Math.cos(a), cy + radius * Math.sin(a)]);
  }
  doc.polygon(...points).fill(color);
}
