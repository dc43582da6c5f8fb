import type { Attitude, Level, PeopleMap } from '../../../tree/nodes.js';
import { star } from '../diagram.js';
import { maxLineWidth, plain, type Line } from '../layout.js';
import { baselineOffset, type Handler, type PdfState } from '../state.js';
import { tint } from '../theme.js';

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
  const { colors, labels } = { colors: state.colors, labels: node.labels };
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
  const total = titleH + rowH.reduce((a, b) => a + b, 0) + xLabelH + 8.5 * 1.4 + legendH;

  state.gap(state.size);
  state.begin(Math.min(total, state.pageRoom));
  const top = state.y;
  const gridX = state.x + axisW;
  state.takeMarker(top + 8.5, top);
  state.paint((doc) => {
    const label = (text: string, x: number, y: number, width: number, align: 'left' | 'center', size = 8.5, bold = true): void => {
      for (const [i, line] of state.layout(plain(text, { bold, color: colors.muted }), width, size).entries()) {
        const shift = align === 'center' ? (width - line.width) / 2 : 0;
        state.drawLine(line, x + shift, y + i * size * 1.3 + baselineOffset(size, 1.3), size, colors.muted);
      }
    };
    label(labels.influence, gridX + 8, top, 3 * cellW - 8, 'left');
    let y = top + titleH;
    LEVELS.forEach((level, r) => {
      levelLines[r].forEach((line, i) =>
        state.drawLine(line, gridX - 8 - line.width, y + rowH[r] / 2 - (levelLines[r].length * 8.5 * 1.3) / 2 + i * 8.5 * 1.3 + baselineOffset(8.5, 1.3), 8.5, colors.muted),
      );
      ATTITUDES.forEach((att, c) => {
        const cx = gridX + c * cellW;
        doc.rect(cx, y, cellW, rowH[r]).fill(tint(CELL_TINT[att], LEVEL_LIGHTEN[level]));
        let by = y + PAD;
        for (const b of cells.get(`${level}/${att}`) ?? []) {
          drawBadge(state, b, cx + PAD, by, badgeW);
          by += b.height + BADGE_GAP;
        }
      });
      y += rowH[r];
    });
    // White gutters between the cells, then the axes.
    for (let c = 1; c < 3; c++) doc.moveTo(gridX + c * cellW, top + titleH).lineTo(gridX + c * cellW, y).lineWidth(2).strokeColor('#FFFFFF').stroke();
    for (let r = 1, ry = top + titleH; r < 3; r++) {
      ry += rowH[r - 1];
      doc.moveTo(gridX, ry).lineTo(gridX + 3 * cellW, ry).lineWidth(2).strokeColor('#FFFFFF').stroke();
    }
    doc.moveTo(gridX, top + titleH - 4).lineTo(gridX, y).lineTo(gridX + 3 * cellW + 4, y).lineWidth(0.8).strokeColor(colors.ruleStrong).stroke();
    doc.polygon([gridX, top + titleH - 8], [gridX - 2.6, top + titleH - 3], [gridX + 2.6, top + titleH - 3]).fill(colors.ruleStrong);
    doc.polygon([gridX + 3 * cellW + 8, y], [gridX + 3 * cellW + 3, y - 2.6], [gridX + 3 * cellW + 3, y + 2.6]).fill(colors.ruleStrong);
    ATTITUDES.forEach((att, c) => label(labels.attitudes[att], gridX + c * cellW, y + 4, cellW, 'center'));
    label(labels.attitude, gridX, y + 4 + xLabelH, 3 * cellW, 'center');
    if (legendH) {
      const ly = y + 4 + xLabelH + 8.5 * 1.4 + 4;
      star(doc, gridX + 5, ly + 5, 4.5, GUIDE);
      label(labels.guide, gridX + 13, ly, 3 * cellW - 13, 'left', 8, false);
    }
  });
  state.y = top + total;
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
