/**
 * The one table engine (dataTable and GFM tables): drawn by hand because pdfkit's doc.table is
 * slow with embedded fonts and silently truncates tall cells. Horizontal rules only, header on a
 * brand tint repeated on every page, rows kept whole unless a single row is taller than a page —
 * then it is split cleanly between lines, never truncated.
 */
import type { Align } from '../../tree/nodes.js';
import type { Line, Run } from './layout.js';
import { baselineOffset, type PdfState } from './state.js';
import { SIZES } from './theme.js';

export interface TableColumn {
  align: Align;
  weight: number;
}

export type RowKind = 'normal' | 'total' | 'subtotal' | 'group';

export interface TableSpec {
  columns: TableColumn[];
  header: Run[][];
  rows: { cells: Run[][]; kind: RowKind }[];
  caption?: string;
  dense?: boolean;
}

interface Prepared {
  kind: RowKind;
  cells: Line[][];
  lines: number;
}

const LINE_HEIGHT = 1.4;

const bolden = (runs: Run[]): Run[] => runs.map((r) => ({ ...r, style: { ...r.style, bold: true } }));

export function drawTable(state: PdfState, spec: TableSpec): void {
  const n = spec.columns.length;
  if (n === 0) return;
  const size = spec.dense ? SIZES.tableDense : SIZES.table;
  const lineH = size * LINE_HEIGHT;
  const padX = spec.dense ? 3 : 4.5;
  const padY = spec.dense ? 2.5 : 3.5;
  const { colors } = state;
  const left = state.x;
  const total = state.width;
  const weightSum = spec.columns.reduce((s, c) => s + Math.max(c.weight, 0.01), 0);
  const widths = spec.columns.map((c) => (total * Math.max(c.weight, 0.01)) / weightSum);
  const xs = widths.map((_, i) => left + widths.slice(0, i).reduce((s, w) => s + w, 0));
  const layoutCell = (runs: Run[] | undefined, width: number): Line[] => state.layout(runs ?? [], width - 2 * padX, size);

  const header = spec.columns.map((_, i) => layoutCell(bolden(spec.header[i] ?? []), widths[i]));
  const headerLines = Math.max(1, ...header.map((c) => c.length));
  const headerH = headerLines * lineH + 2 * padY;
  const rows: Prepared[] = spec.rows.map((row) => {
    const bold = row.kind !== 'normal';
    const cells =
      row.kind === 'group'
        ? [layoutCell(bolden(row.cells[0] ?? []), total)]
        : spec.columns.map((_, i) => layoutCell(bold ? bolden(row.cells[i] ?? []) : row.cells[i], widths[i]));
    return { kind: row.kind, cells, lines: Math.max(1, ...cells.map((c) => c.length)) };
  });
  const rowH = (lines: number): number => lines * lineH + 2 * padY;

  const drawCells = (row: Prepared, from: number, to: number, top: number): void => {
    state.paint(() => {
      row.cells.forEach((cell, i) => {
        const width = row.kind === 'group' ? total : widths[i];
        const align = row.kind === 'group' ? 'left' : spec.columns[i].align;
        cell.slice(from, to).forEach((line, k) => {
          const inner = width - 2 * padX;
          const shift = align === 'right' ? inner - line.width : align === 'center' ? (inner - line.width) / 2 : 0;
          const baseline = top + padY + k * lineH + baselineOffset(size, LINE_HEIGHT);
          state.drawLine(line, xs[i] + padX + shift, baseline, size, colors.text);
        });
      });
    });
  };
  const rule = (y: number, width: number, color: string): void =>
    state.paint((doc) => doc.moveTo(left, y).lineTo(left + total, y).lineWidth(width).strokeColor(color).stroke());

  const drawHeader = (): void => {
    const top = state.y;
    state.paint((doc) => doc.rect(left, top, total, headerH).fill(colors.brandTint));
    drawCells({ kind: 'normal', cells: header, lines: headerLines }, 0, headerLines, top);
    rule(top, 0.9, colors.brand);
    rule(top + headerH, 0.6, colors.brand);
    state.y += headerH;
  };
  const drawSlice = (row: Prepared, from: number, to: number): void => {
    const top = state.y;
    const h = rowH(to - from);
    if (row.kind === 'group' && from === 0) state.paint((doc) => doc.rect(left, top, total, h).fill(colors.band));
    drawCells(row, from, to, top);
    if (from === 0 && row.kind === 'total') rule(top, 1, colors.ruleStrong);
    else if (from === 0 && row.kind === 'subtotal') rule(top, 0.7, colors.muted);
    rule(top + h, 0.4, colors.rule);
    state.y += h;
  };
  const continuePage = (): void => {
    state.newPage();
    drawHeader();
  };

  // Keep caption, header and the first row together.
  const captionLines = spec.caption ? state.layout([{ text: spec.caption, style: { bold: true } }], total, size) : [];
  const first = rows.length ? Math.min(rowH(rows[0].lines), state.pageRoom / 2) : 0;
  state.begin(captionLines.length * lineH + (captionLines.length ? 4 : 0) + headerH + first);
  state.takeMarker(state.y + baselineOffset(size, LINE_HEIGHT), state.y);
  if (captionLines.length) {
    state.lines(captionLines, { size, lineHeight: LINE_HEIGHT, color: colors.heading });
    state.y += 4;
  }
  drawHeader();

  for (const row of rows) {
    const h = rowH(row.lines);
    if (state.y + h <= state.bottom + 0.01) {
      drawSlice(row, 0, row.lines);
      continue;
    }
    if (h <= state.pageRoom - headerH) {
      continuePage();
      drawSlice(row, 0, row.lines);
      continue;
    }
    // Taller than a page: split between lines, as many as fit on each page.
    let from = 0;
    while (from < row.lines) {
      const fit = Math.floor((state.bottom - state.y - 2 * padY + 0.01) / lineH);
      if (fit < 1 || (fit < 2 && row.lines - from > 1 && from === 0)) {
        continuePage();
        continue;
      }
      const to = Math.min(row.lines, from + fit);
      drawSlice(row, from, to);
      from = to;
      if (from < row.lines) continuePage();
    }
  }
  rule(state.y, 0.8, colors.ruleStrong);
  state.gap(state.size * 0.9);
}
