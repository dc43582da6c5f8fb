import type { BarChart } from '../../../tree/nodes.js';
import { plain, singleLine, widthOf, type Line } from '../layout.js';
import { baselineOffset, type Handler } from '../state.js';
import { at } from '../../must.js';

const SIZE = 9;
const LH = 1.3;
const BAR = 13;
const ROW_GAP = 7;
const NEGATIVE = '#B4574F';
const UNIT = { 'zh-CN': (u: string) => `单位：${u}`, en: (u: string) => `Unit: ${u}` } as const;

/** Horizontal bars with direct value labels; negative values extend left of a zero axis. */
export const barChart: Handler<BarChart> = (state, node) => {
  const { colors, fonts } = state;
  const labelCol = Math.min(state.width * 0.32, Math.max(40, ...node.bars.map((b) => widthOf(fonts, 'regular', b.label, SIZE))) + 10);
  const labels: Line[][] = node.bars.map((b) => state.layout(plain(b.label), labelCol - 10, SIZE));
  const valueW = Math.max(0, ...node.bars.map((b) => widthOf(fonts, 'regular', b.display, SIZE))) + 6;
  const values = node.bars.map((b) => (Number.isFinite(b.value) ? b.value : 0));
  const pos = Math.max(0, ...values);
  const neg = Math.max(0, ...values.map((v) => -v));
  const areaX = state.x + labelCol + (neg > 0 ? valueW : 0);
  const areaW = state.width - labelCol - valueW * (neg > 0 ? 2 : 1);
  const scale = pos + neg > 0 ? areaW / (pos + neg) : 0;
  const zeroX = areaX + neg * scale;
  const labelX = state.x + labelCol - 10;
  const rowH = labels.map((l) => Math.max(BAR, l.length * SIZE * LH) + ROW_GAP);
  const title = node.title ? state.layout(plain(node.title, { bold: true, color: colors.heading }), state.width, state.size) : [];
  const titleH = title.length * state.size * LH + (title.length ? 4 : 0);
  const unit = state.layout(plain(UNIT[state.meta.locale](node.unit), { color: colors.muted }), areaW, 8);
  const unitH = unit.length * 8 * LH + 4;
  const total = titleH + rowH.reduce((a, b) => a + b, 0) + unitH;

  state.gap(state.size);
  state.begin(total <= state.pageRoom ? total : titleH + (rowH[0] ?? 0));
  state.takeMarker(state.y + baselineOffset(state.size, LH), state.y);
  if (title.length) {
    state.lines(title, { lineHeight: LH });
    state.y += 4;
  }
  let axisTop = state.y;
  node.bars.forEach((bar, i) => {
    if (state.y + at(rowH, i) > state.bottom) {
      axis(axisTop, state.y);
      state.newPage();
      axisTop = state.y;
    }
    const top = state.y;
    const v = at(values, i);
    state.paint((doc) => {
      const lines = at(labels, i);
      const ly = top + (at(rowH, i) - ROW_GAP - lines.length * SIZE * LH) / 2;
      lines.forEach((line, k) => state.drawLine(line, labelX - line.width, ly + k * SIZE * LH + baselineOffset(SIZE, LH), SIZE, colors.text));
      const by = top + (at(rowH, i) - ROW_GAP - BAR) / 2;
      const len = Math.abs(v) * scale;
      if (len > 0) doc.rect(v < 0 ? zeroX - len : zeroX, by, len, BAR).fill(v < 0 ? NEGATIVE : colors.brand);
      const dw = widthOf(state.fonts, 'regular', bar.display, SIZE);
      const vx = v < 0 ? zeroX - len - 4 - dw : zeroX + len + 4;
      state.drawLine(singleLine(plain(bar.display), fonts, SIZE), vx, by + BAR / 2 + SIZE * 0.36, SIZE, colors.text);
    });
    state.y += at(rowH, i);
  });
  axis(axisTop, state.y);
  state.lines(unit, { x: zeroX - neg * scale, width: areaW, size: 8, lineHeight: LH, align: 'right' });
  state.gap(state.size);

  function axis(from: number, to: number): void {
    state.paint((doc) => doc.moveTo(zeroX, from - 2).lineTo(zeroX, to - ROW_GAP + 2).lineWidth(0.8).strokeColor(colors.ruleStrong).stroke());
  }
};
