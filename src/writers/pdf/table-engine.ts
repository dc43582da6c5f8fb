/**
 * The one table engine (dataTable and GFM tables): drawn by hand because pdfkit's doc.table is
 * slow with embedded fonts and silently truncates tall cells. Horizontal rules only, header on a
 * brand tint repeated on every page, rows kept whole unless a single row is taller than a page —
 * then it is split cleanly between lines, never truncated.
 */
import type { Align } from '../../tree/nodes.js';
import { minContentOf, type Line, type Run, type Tokens } from './layout.js';
import { baselineOffset, type PdfState } from './state.js';
import { SIZES } from './theme.js';
import { capWidest, fillByWeight, MAX_MIN_SHARE } from '../column-widths.js';
import { at } from '../must.js';

/** Tables with at most this many rows move to the next page whole rather than split. */
const SHORT_TABLE_ROWS = 12;

interface TableColumn {
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

interface Cell {
  col: number;
  span: number;
  lines: Line[];
}

interface Prepared {
  kind: RowKind;
  cells: Cell[];
  lines: number;
}

const LINE_HEIGHT = 1.4;

const bolden = (runs: Run[]): Run[] => runs.map((r) => ({ ...r, style: { ...r.style, bold: true } }));
const isEmpty = (runs: Run[] | undefined): boolean => !runs?.some((r) => r.text.trim());

/**
 * Column widths from the weights, widened where a column could not hold its longest unbreakable
 * word or number (a header like "Discount" must not split as "Disco|unt"), taking the room from
 * the columns that have slack.
 */
function columnWidths(spec: TableSpec, header: Tokens[], body: (Tokens | undefined)[][], rowSpans: number[][], total: number, padX: number): number[] {
  const weights = spec.columns.map((c) => Math.max(c.weight, 0.01));
  /** Widest unbreakable piece of column i's body cells (codes broken after their hyphens with `codeHyphens`). */
  const widestBody = (i: number, codeHyphens: boolean): number => {
    let widest = 0;
    spec.rows.forEach((r, k) => {
      const t = at(body, k)[i];
      if (r.kind !== 'group' && at(rowSpans, k)[i] === 1 && t) widest = Math.max(widest, minContentOf(t, codeHyphens));
    });
    return widest;
  };
  const mins = spec.columns.map((_, i) => {
    // A short header label ("序号", "单价（元）") is never broken: its whole width is the minimum.
    const head = at(header, i);
    const label = head.atoms;
    const widest = Math.max(label.length <= 6 ? label.reduce((w, a) => w + a.width, 0) : minContentOf(head), widestBody(i, false));
    return Math.min(widest + 2 * padX + 0.5, total * MAX_MIN_SHARE);
  });
  // The narrowest a column may get when room is short: its codes broken after their hyphens.
  capWidest(mins, (i, min) => Math.min(widestBody(i, true) + 2 * padX + 0.5, min), total * 0.9);
  return fillByWeight(mins, weights, total);
}

/**
 * Cells per column: 1 normally, 0 when covered. In total and subtotal rows the label (the first
 * filled cell) stretches over the empty cells after it, e.g. "合计" written in a narrow 序号 column.
 */
function spansOf(row: TableSpec['rows'][number], n: number): number[] {
  const spans = new Array<number>(n).fill(1);
  if (row.kind !== 'total' && row.kind !== 'subtotal') return spans;
  const label = row.cells.findIndex((c) => !isEmpty(c));
  if (label < 0) return spans;
  let j = label + 1;
  while (j < n && isEmpty(row.cells[j])) spans[j++] = 0;
  spans[label] = j - label;
  return spans;
}

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
  const rowSpans = spec.rows.map((row) => spansOf(row, n));
  // Every cell is measured once; the same measurement sizes the columns and breaks the lines.
  const empty = state.tokens([], size);
  const measure = (runs: Run[] | undefined): Tokens => (runs?.length ? state.tokens(runs, size) : empty);
  const headTokens = spec.columns.map((_, i) => measure(bolden(spec.header[i] ?? [])));
  const bodyTokens = spec.rows.map((row, k) => {
    if (row.kind === 'group') return [measure(bolden(row.cells[0] ?? []))];
    const bold = row.kind !== 'normal';
    return at(rowSpans, k).map((span, i) => (span ? measure(bold ? bolden(row.cells[i] ?? []) : row.cells[i]) : undefined));
  });
  const widths = columnWidths(spec, headTokens, bodyTokens, rowSpans, total, padX);
  const xs = widths.map((_, i) => left + widths.slice(0, i).reduce((s, w) => s + w, 0));
  const spanWidth = (col: number, span: number): number => widths.slice(col, col + span).reduce((a, b) => a + b, 0);
  const inners = widths.map((w) => w - 2 * padX);
  const cell = (tokens: Tokens, col: number, span = 1): Cell => ({
    col,
    span,
    lines: state.layoutTokens(tokens, span === 1 ? at(inners, col) : spanWidth(col, span) - 2 * padX),
  });

  const header = headTokens.map((t, i) => cell(t, i));
  const headerLines = Math.max(1, ...header.map((c) => c.lines.length));
  const headerH = headerLines * lineH + 2 * padY;
  const rows: Prepared[] = spec.rows.map((row, k) => {
    let cells: Cell[];
    if (row.kind === 'group') cells = [cell(at(at(bodyTokens, k), 0), 0, n)];
    else {
      cells = [];
      const spans = at(rowSpans, k);
      for (let i = 0; i < n; i++) if (spans[i]) cells.push(cell(at(at(bodyTokens, k), i), i, at(spans, i)));
    }
    let lines = 1;
    for (const c of cells) lines = Math.max(lines, c.lines.length);
    return { kind: row.kind, cells, lines };
  });
  const rowH = (lines: number): number => lines * lineH + 2 * padY;

  const drawCells = (row: Prepared, from: number, to: number, top: number): void => {
    state.paint(() => {
      for (const c of row.cells) {
        const align = c.span > 1 ? 'left' : at(spec.columns, c.col).align;
        const inner = c.span > 1 ? spanWidth(c.col, c.span) - 2 * padX : at(inners, c.col);
        for (let k = from; k < to && k < c.lines.length; k++) {
          const line = at(c.lines, k);
          const shift = align === 'right' ? inner - line.width : align === 'center' ? (inner - line.width) / 2 : 0;
          const baseline = top + padY + (k - from) * lineH + baselineOffset(size, LINE_HEIGHT);
          state.drawLine(line, at(xs, c.col) + padX + shift, baseline, size, colors.text);
        }
      }
    });
  };
  // Rules join the row's text batch: one content chunk per row.
  const rule = (y: number, width: number, color: string): void => state.paint(() => state.out.rule(left, y, left + total, y, width, color));

  const drawHeader = (): void => {
    const top = state.y;
    state.paint((doc) => doc.rect(left, top, total, headerH).fill(colors.brandTint));
    state.out.begin();
    drawCells({ kind: 'normal', cells: header, lines: headerLines }, 0, headerLines, top);
    rule(top, 0.9, colors.brand);
    rule(top + headerH, 0.6, colors.brand);
    state.out.end();
    state.y += headerH;
  };
  const drawSlice = (row: Prepared, from: number, to: number): void => {
    const top = state.y;
    const h = rowH(to - from);
    if (row.kind === 'group' && from === 0) state.paint((doc) => doc.rect(left, top, total, h).fill(colors.band));
    state.out.begin();
    drawCells(row, from, to, top);
    if (from === 0 && row.kind === 'total') rule(top, 1, colors.ruleStrong);
    else if (from === 0 && row.kind === 'subtotal') rule(top, 0.7, colors.muted);
    rule(top + h, 0.4, colors.rule);
    state.out.end();
    state.y += h;
  };
  const continuePage = (): void => {
    state.newPage();
    drawHeader();
  };

  // Keep caption, header and the first row together.
  const captionLines = spec.caption ? state.layout([{ text: spec.caption, style: { bold: true } }], total, size) : [];
  const first = rows[0] ? Math.min(rowH(rows[0].lines), state.pageRoom / 2) : 0;
  const captionH = captionLines.length * lineH + (captionLines.length ? 4 : 0);
  // A short table that fits on one page is kept whole (a 6-row schedule split 2 + 4 reads badly);
  // a long one only keeps its caption, header and first row together.
  const whole = rows.length <= SHORT_TABLE_ROWS ? captionH + headerH + rows.reduce((sum, r) => sum + rowH(r.lines), 0) : Infinity;
  state.begin(whole <= state.pageRoom ? whole : captionH + headerH + first);
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
  state.out.begin();
  rule(state.y, 0.8, colors.ruleStrong);
  state.out.end();
  state.gap(state.size * 0.9);
}
