import type { NeedTree } from '../../../tree/nodes.js';
import { drawTextBox, elbow, listBox, textBox, type TextBox } from '../diagram.js';
import { plain } from '../layout.js';
import type { Handler, PdfState } from '../state.js';
import { at as nth } from '../../must.js';

const SIZE = 9;
const GAP_X = 16;
const GAP_Y = 10;
const STACK = 4;
// Products wide enough for "（KS-3D-AOI-500）" on one line (issue 9).
const WEIGHTS = [0.85, 1.05, 1.15, 1.25, 1.05];
const CONNECTOR = '#8C96A0';

interface Row {
  problem: TextBox;
  solution: TextBox;
  products: TextBox[];
  criteria: TextBox;
  productsH: number;
  height: number;
}

const CONT = { 'zh-CN': '（续）', en: ' (cont.)' } as const;

/**
 * Goal → problems → solution → products → criteria as five columns of boxes joined by connectors.
 * Each problem is one row; rows that do not fit move to the next page with the goal repeated.
 */
export const needTree: Handler<NeedTree> = (state, node) => {
  const { colors } = state;
  const total = state.width - GAP_X * (WEIGHTS.length - 1);
  const sum = WEIGHTS.reduce((a, b) => a + b, 0);
  const widths = WEIGHTS.map((w) => (total * w) / sum);
  const xs = widths.map((_, i) => state.x + widths.slice(0, i).reduce((a, b) => a + b, 0) + GAP_X * i);
  const box = (text: string, col: number, bold = false): TextBox => textBox(state, plain(text, bold ? { bold: true } : {}), nth(widths, col), SIZE);
  const bullets = (items: string[]): TextBox => listBox(state, items.map((t) => plain(t)), nth(widths, 4), SIZE);

  const rows: Row[] = node.problems.map((p) => {
    const products = (p.products.length ? p.products : ['—']).map((t) => box(t, 3));
    const productsH = products.reduce((s, b) => s + b.height, 0) + STACK * (products.length - 1);
    const r = { problem: box(p.problem, 1, true), solution: box(p.solution, 2), products, criteria: p.criteria.length ? bullets(p.criteria) : box('—', 4) };
    return { ...r, productsH, height: Math.max(r.problem.height, r.solution.height, productsH, r.criteria.height) };
  });
  const labels = [node.labels.goal, node.labels.problem, node.labels.solution, node.labels.products, node.labels.criteria].map((t, i) =>
    state.layout(plain(t, { bold: true, color: colors.muted }), nth(widths, i), 8),
  );
  const labelH = Math.max(...labels.map((l) => l.length)) * 8 * 1.3 + 5;

  state.gap(state.size);
  let first = true;
  let i = 0;
  do {
    const goal = box(first ? node.goal : node.goal + CONT[state.meta.locale], 0, true);
    const need = (k: number): number => labelH + Math.max(goal.height, rows.slice(i, k).reduce((s, r) => s + r.height + GAP_Y, -GAP_Y));
    // Take as many rows as fit here; if not even one does, start on a fresh page.
    let k = i + 1;
    // A tree that fits on one page is never split: it moves to the next page whole (issue 9).
    const whole = first && need(rows.length) <= state.pageRoom ? need(rows.length) : Math.min(need(k), state.pageRoom);
    state.begin(whole);
    state.ensure(whole);
    while (k < rows.length && state.y + need(k + 1) <= state.bottom) k++;
    drawChunk(state, goal, rows.slice(i, k), labels, labelH, xs, widths);
    state.y += need(k);
    i = k;
    first = false;
    if (i < rows.length) state.newPage();
  } while (i < rows.length);
  state.gap(state.size);
};

function drawChunk(state: PdfState, goal: TextBox, rows: Row[], labels: ReturnType<PdfState['layout']>[], labelH: number, xs: number[], widths: number[]): void {
  const { colors } = state;
  const top = state.y;
  state.takeMarker(top + 8, top);
  state.paint((doc) => {
    labels.forEach((lines, c) =>
      lines.forEach((line, n) => state.drawLine(line, nth(xs, c) + (nth(widths, c) - line.width) / 2, top + 8 + n * 8 * 1.3, 8, colors.muted)),
    );
    const rowsH = rows.reduce((s, r) => s + r.height + GAP_Y, -GAP_Y);
    const bodyTop = top + labelH;
    const chunkH = Math.max(goal.height, rowsH);
    const goalY = bodyTop + (chunkH - goal.height) / 2;
    drawTextBox(state, goal, nth(xs, 0), goalY, { fill: colors.brand, color: '#FFFFFF', align: 'center' });
    let y = bodyTop + (chunkH - rowsH) / 2;
    const spineX = nth(xs, 1) - GAP_X / 2;
    for (const row of rows) {
      const mid = y + row.height / 2;
      const at = (b: { height: number }): number => y + (row.height - b.height) / 2;
      elbow(doc, nth(xs, 0) + nth(widths, 0), goalY + goal.height / 2, nth(xs, 1), mid, CONNECTOR, spineX);
      drawTextBox(state, row.problem, nth(xs, 1), at(row.problem), { fill: '#F6E3DF', color: colors.text });
      elbow(doc, nth(xs, 1) + nth(widths, 1), mid, nth(xs, 2), mid, CONNECTOR);
      drawTextBox(state, row.solution, nth(xs, 2), at(row.solution), { fill: colors.brandTint, color: colors.text });
      let py = y + (row.height - row.productsH) / 2;
      for (const p of row.products) {
        const pm = py + p.height / 2;
        elbow(doc, nth(xs, 2) + nth(widths, 2), mid, nth(xs, 3), pm, CONNECTOR, nth(xs, 3) - GAP_X / 2);
        drawTextBox(state, p, nth(xs, 3), py, { fill: '#FFFFFF', stroke: colors.brand, color: colors.text });
        elbow(doc, nth(xs, 3) + nth(widths, 3), pm, nth(xs, 4), mid, CONNECTOR, nth(xs, 4) - GAP_X / 2, false);
        py += p.height + STACK;
      }
      const cx = nth(xs, 4);
      doc.polygon([cx, mid], [cx - 4, mid - 2.4], [cx - 4, mid + 2.4]).fill(CONNECTOR);
      drawTextBox(state, row.criteria, nth(xs, 4), at(row.criteria), { fill: '#F0F1F3', color: colors.text });
      y += row.height + GAP_Y;
    }
  });
}
