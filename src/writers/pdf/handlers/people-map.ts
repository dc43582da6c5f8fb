import type { Attitude, Level, PeopleMap } from '../../../tree/nodes.js';
import { star } from '../diagram.js';
import { maxLineWidth, plain, type Line } from '../layout.js';
import { baselineOffset, type Handler, type PdfState } from '../state.js';
import { tint } from '../theme.js';
import { at } from '../../must.js';

const ATTITUDES: Attitude[] = ['opponent', 'neutral', 'supporter'];
const LEVELS: Level[] = ['high', 'medium', 'low'];
const CELL_TINT: Record<Attitude, string> = { opponent: '#EFC3BE', neutral: '#DADADA', supporter: '#BFDEC7' };
const DOT: Record<Attitude, string> = { opponent: '#B83232', neutral: '#6E6E6E', supporter: '#2F7D4F' };
const LEVEL_LIGHTEN: Record<Level, number> = { high: 0.35, medium: 0.6, low: 0.8 };
const GUIDE = '#C98A0B';
const NAME = 9;
const CAPTION = 7.5;
const PAD = 5;
const BADGE_GAP = 4;
const MIN_ROW = 56;

interface Badge {
  name: Line[];
  caption: Line[];
  guide: boolean;
  attitude: Attitude;
  height: number;
}

const nameH = (b: Badge): number => b.name.length * NAME * 1.3;

/**
 * Influence (rows, high at the top) × attitude (columns, opponent → supporter) as a tinted 3×3
 * grid; each person is a badge with a coloured dot (a star for guides), stacked within the cell.
 */
export const peopleMap: Handler<PeopleMap> = (state, node) => {
  const colors = state.colors;
  const labels = node.labels;
  const levelLines = LEVELS.map((l) => state.layout(plain(labels.levels[l], { bold: true, color: colors.muted }), 60, 8.5));
  const axisW = Math.max(...levelLines.map(maxLineWidth)) + 12;
  const cellW = (state.width - axisW) / 3;
  const badgeW = cellW - 2 * PAD;
  const textW = badgeW - 18;

  const cells = new Map<string, Badge[]>();
  for (const p of node.people) {
    const badge: Badge = {
      name: state.layout(plain(p.name, { bold: true }), textW, NAME),
      caption: p.caption ? state.layout(plain(p.caption), textW, CAPTION) : [],
      guide: p.guide,
      attitude: p.attitude,
      height: 0,
    };
    badge.height = nameH(badge) + badge.caption.length * CAPTION * 1.3 + 8;
    const key = `${p.influence}/${p.attitude}`;
    cells.set(key, [...(cells.get(key) ?? []), badge]);
  }
  const stackH = (list: Badge[] | undefined): number => (list ?? []).reduce((s, b) => s + b.height + BADGE_GAP, 2 * PAD - BADGE_GAP);
  const rowH = LEVELS.map((l) => Math.max(MIN_ROW, ...ATTITUDES.map((a) => stackH(cells.get(`${l}/${a}`)))));
  const titleH = 8.5 * 1.4 + 4;
  const xLabelH = 8.5 * 1.4 + 4;
  const legendH = node.people.some((p) => p.guide) ? 8 * 1.4 + 6 : 0;
  const total = titleH + rowH.reduce((a, b) => a + b, 0) + 4 + xLabelH + 8.5 * 1.4 + legendH;

  state.gap(state.size);
  state.begin(Math.min(total, state.pageRoom));
  state.ensure(titleH + at(rowH, 0));
  const gridX = state.x + axisW;
  const gridW = 3 * cellW;
  const label = (text: string, x: number, y: number, width: number, align: 'left' | 'center', size = 8.5, bold = true): void => {
    for (const [i, line] of state.layout(plain(text, { bold, color: colors.muted }), width, size).entries()) {
      const shift = align === 'center' ? (width - line.width) / 2 : 0;
      state.drawLine(line, x + shift, y + i * size * 1.3 + baselineOffset(size, 1.3), size, colors.muted);
    }
  };
  // The y axis with its title; drawn once per page the grid occupies.
  const yAxis = (from: number, to: number): void =>
    state.paint((doc) => {
      label(labels.influence, gridX + 8, from - titleH, gridW - 8, 'left');
      doc.moveTo(gridX, from - 4).lineTo(gridX, to).lineWidth(0.8).strokeColor(colors.ruleStrong).stroke();
      doc.polygon([gridX, from - 8], [gridX - 2.6, from - 3], [gridX + 2.6, from - 3]).fill(colors.ruleStrong);
    });
  state.takeMarker(state.y + 8.5, state.y);
  state.y += titleH;
  let segmentTop = state.y;
  LEVELS.forEach((level, r) => {
    if (r > 0 && state.y + at(rowH, r) > state.bottom) {
      yAxis(segmentTop, state.y);
      state.newPage();
      state.y += titleH;
      segmentTop = state.y;
    }
    const y = state.y;
    state.paint((doc) => {
      const lines = at(levelLines, r);
      const ly = y + at(rowH, r) / 2 - (lines.length * 8.5 * 1.3) / 2;
      lines.forEach((line, i) => state.drawLine(line, gridX - 8 - line.width, ly + i * 8.5 * 1.3 + baselineOffset(8.5, 1.3), 8.5, colors.muted));
      ATTITUDES.forEach((att, c) => {
        const cx = gridX + c * cellW;
        doc.rect(cx, y, cellW, at(rowH, r)).fill(tint(CELL_TINT[att], LEVEL_LIGHTEN[level]));
        let by = y + PAD;
        for (const b of cells.get(`${level}/${att}`) ?? []) {
          drawBadge(state, b, cx + PAD, by, badgeW);
          by += b.height + BADGE_GAP;
        }
      });
      // White gutters between cells.
      for (let c = 1; c < 3; c++) doc.moveTo(gridX + c * cellW, y).lineTo(gridX + c * cellW, y + at(rowH, r)).lineWidth(2).strokeColor('#FFFFFF').stroke();
      if (y > segmentTop) doc.moveTo(gridX, y).lineTo(gridX + gridW, y).lineWidth(2).strokeColor('#FFFFFF').stroke();
    });
    state.y += at(rowH, r);
  });
  yAxis(segmentTop, state.y);
  const bottom = state.y;
  state.paint((doc) => {
    doc.moveTo(gridX, bottom).lineTo(gridX + gridW + 4, bottom).lineWidth(0.8).strokeColor(colors.ruleStrong).stroke();
    doc.polygon([gridX + gridW + 8, bottom], [gridX + gridW + 3, bottom - 2.6], [gridX + gridW + 3, bottom + 2.6]).fill(colors.ruleStrong);
  });
  state.y += 4;
  state.ensure(xLabelH + 8.5 * 1.4 + legendH);
  const y = state.y;
  state.paint((doc) => {
    ATTITUDES.forEach((att, c) => label(labels.attitudes[att], gridX + c * cellW, y, cellW, 'center'));
    label(labels.attitude, gridX, y + xLabelH, gridW, 'center');
    if (legendH) {
      const ly = y + xLabelH + 8.5 * 1.4 + 4;
      star(doc, gridX + 5, ly + 5, 4.5, GUIDE);
      label(labels.guide, gridX + 13, ly, gridW - 13, 'left', 8, false);
    }
  });
  state.y += xLabelH + 8.5 * 1.4 + legendH;
  state.gap(state.size);
};

function drawBadge(state: PdfState, b: Badge, x: number, y: number, w: number): void {
  const doc = state.doc;
  doc.roundedRect(x, y, w, b.height, 3).fill('#FFFFFF');
  doc.roundedRect(x, y, w, b.height, 3).lineWidth(b.guide ? 1.2 : 0.5).strokeColor(b.guide ? GUIDE : '#C4C4C4').stroke();
  const cy = y + 4 + (NAME * 1.3) / 2;
  if (b.guide) star(doc, x + 9, cy, 4.8, GUIDE);
  else doc.circle(x + 9, cy, 3.4).fill(DOT[b.attitude]);
  let ly = y + 4;
  b.name.forEach((line, i) => state.drawLine(line, x + 18, ly + i * NAME * 1.3 + baselineOffset(NAME, 1.3), NAME, state.colors.text));
  ly += nameH(b);
  b.caption.forEach((line, i) => state.drawLine(line, x + 18, ly + i * CAPTION * 1.3 + baselineOffset(CAPTION, 1.3), CAPTION, state.colors.muted));
}
