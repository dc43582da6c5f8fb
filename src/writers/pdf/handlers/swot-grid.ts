import type { SwotGrid, SwotItem } from '../../../tree/nodes.js';
import type { Line } from '../layout.js';
import { baselineOffset, type Handler, type PdfState } from '../state.js';
import { SWOT_TONES } from '../theme.js';
import { at } from '../../must.js';

const GAP = 8;
const PAD = 9;
const HEAD = 11;
const ITEM = 9.5;
const SOURCE = 8;
const LH = 1.4;
const BULLET = 10;

type Key = keyof typeof SWOT_TONES;

interface Block {
  lines: Line[];
  size: number;
  color?: string;
  /** First line of an item carries the bullet. */
  bullet: boolean;
  indent: number;
  after: number;
}

interface Quadrant {
  key: Key;
  heading: Line[];
  blocks: Block[];
}

const blockH = (b: Block): number => b.lines.length * b.size * LH + b.after;
const headH = (q: Quadrant): number => q.heading.length * HEAD * 1.3 + 5;

function quadrant(state: PdfState, node: SwotGrid, key: Key, width: number): Quadrant {
  const inner = width - 2 * PAD;
  const heading = state.layout([{ text: node.labels[key], style: { bold: true, color: SWOT_TONES[key].ink } }], inner, HEAD);
  const items: SwotItem[] = node[key];
  const blocks: Block[] = [];
  if (!items.length) {
    blocks.push({ lines: state.layout([{ text: node.labels.empty, style: {} }], inner, ITEM), size: ITEM, color: state.colors.muted, bullet: false, indent: 0, after: 0 });
  }
  for (const item of items) {
    blocks.push({ lines: state.layout([{ text: item.text, style: {} }], inner - BULLET, ITEM), size: ITEM, bullet: true, indent: BULLET, after: item.source ? 1 : 5 });
    if (item.source) {
      blocks.push({ lines: state.layout([{ text: item.source, style: {} }], inner - BULLET, SOURCE), size: SOURCE, color: state.colors.muted, bullet: false, indent: BULLET, after: 5 });
    }
  }
  return { key, heading, blocks };
}

/**
 * A real 2×2 grid of tinted quadrants. Each row of two quadrants grows with its content and the
 * grid starts on a new page when it does not fit; a row taller than a page continues item by item.
 */
export const swotGrid: Handler<SwotGrid> = (state, node) => {
  const w = (state.width - GAP) / 2;
  const q = (key: Key): Quadrant => quadrant(state, node, key, w);
  const rows: [Quadrant, Quadrant][] = [
    [q('strengths'), q('weaknesses')],
    [q('opportunities'), q('threats')],
  ];
  const fullH = (x: Quadrant): number => headH(x) + x.blocks.reduce((s, b) => s + blockH(b), 0) + 2 * PAD;
  const rowH = rows.map(([a, b]) => Math.max(fullH(a), fullH(b)));
  const gridH = at(rowH, 0) + GAP + at(rowH, 1);
  state.gap(state.size);
  state.begin(gridH <= state.pageRoom ? gridH : Math.min(at(rowH, 0), state.pageRoom));
  rows.forEach((row, r) => {
    if (r > 0) {
      state.y += GAP;
      if (state.y + at(rowH, r) > state.bottom && at(rowH, r) <= state.pageRoom) state.newPage();
    }
    drawRow(state, row, w);
  });
  state.gap(state.size);
};

function drawRow(state: PdfState, row: [Quadrant, Quadrant], w: number): void {
  const next = [0, 0];
  let first = true;
  for (;;) {
    // Fill this page with as many blocks of each quadrant as fit.
    const room = state.bottom - state.y - 2 * PAD;
    const take = row.map((q, c) => {
      let h = first ? headH(q) : 0;
      let k = at(next, c);
      while (k < q.blocks.length && h + blockH(at(q.blocks, k)) <= room) h += blockH(at(q.blocks, k++));
      return { k, h };
    });
    const remaining = row.some((quad, c) => at(next, c) < quad.blocks.length);
    const stuck = remaining && take.every((t, c) => t.k === at(next, c));
    if (stuck && !state.atPageTop) {
      state.newPage();
      continue;
    }
    // A single block taller than a page: draw it anyway rather than loop.
    if (stuck) {
      take.forEach((t, c) => {
        if (t.k < at(row, c).blocks.length) t.h += blockH(at(at(row, c).blocks, t.k++));
      });
    }
    const height = Math.max(...take.map((t) => t.h)) + 2 * PAD;
    const top = state.y;
    state.takeMarker(top + PAD + HEAD, top);
    state.paint(() => row.forEach((quad, c) => paintQuadrant(state, quad, state.x + c * (w + GAP), top, w, height, first, at(next, c), at(take, c).k)));
    state.y += height;
    take.forEach((t, c) => (next[c] = t.k));
    first = false;
    if (next.every((k, c) => k >= at(row, c).blocks.length)) return;
    state.newPage();
  }
}

function paintQuadrant(state: PdfState, q: Quadrant, x: number, top: number, w: number, h: number, withHead: boolean, from: number, to: number): void {
  const doc = state.doc;
  doc.roundedRect(x, top, w, h, 4).fill(SWOT_TONES[q.key].fill);
  let y = top + PAD;
  if (withHead) {
    q.heading.forEach((line, i) => state.drawLine(line, x + PAD, y + i * HEAD * 1.3 + baselineOffset(HEAD, 1.3), HEAD, state.colors.heading));
    y += headH(q);
  }
  for (const b of q.blocks.slice(from, to)) {
    b.lines.forEach((line, i) => {
      const baseline = y + i * b.size * LH + baselineOffset(b.size, LH);
      if (b.bullet && i === 0) doc.circle(x + PAD + 3, baseline - b.size * 0.34, 1.7).fill(SWOT_TONES[q.key].ink);
      state.drawLine(line, x + PAD + b.indent, baseline, b.size, b.color ?? state.colors.text);
    });
    y += blockH(b);
  }
}
