/**
 * The ruled table behind GFM tables and dataTables: Dealdoc Table style, horizontal rules
 * only, bold header row on the brand tint marked to repeat, rows that never split, bold
 * totals under a heavier rule, group rows as a shaded band.
 */
import type { Align } from '../../tree/nodes.js';
import type { Block, ParagraphChild, State } from './state.js';
import { TABLE_STYLE } from './styles.js';
import { cell, contentWidths, fixedTable, line, NONE, row, totalSpans } from './table-kit.js';
import { GREY } from './theme.js';
import { paragraphXml } from './xml.js';
import { at } from '../must.js';

/** Tables with at most this many rows are kept on one page (the PDF writer's rule too). */
const SHORT_TABLE_ROWS = 12;

export type RowKind = 'normal' | 'total' | 'subtotal' | 'group';

interface RuledTable {
  /** Relative column weights; the widths come from them and the cells' unbreakable tokens. */
  weights: number[];
  /** Total width in twips. */
  width: number;
  /** Plain text of the header and of every row's cells (sizes the columns, finds total labels). */
  text: { header: string[]; rows: string[][] };
  align: (Align | undefined)[];
  /** Half-points. */
  size: number;
  header: (() => ParagraphChild[])[];
  rows: { kind?: RowKind; cells: (() => ParagraphChild[])[] }[];
}

export function ruledTable(state: State, t: RuledTable): string {
  const { brand, brandTint } = state.theme;
  const n = t.weights.length;
  const spans = t.rows.map((r, k) => (r.kind === 'total' || r.kind === 'subtotal' ? totalSpans(t.text.rows[k] ?? [], n) : undefined));
  const widths = contentWidths(
    t.weights,
    t.text.header,
    t.rows.map((r, k) => (r.kind === 'group' ? [] : (t.text.rows[k] ?? []).map((c, i) => (spans[k] && spans[k][i] !== 1 ? null : c)))),
    t.width,
    t.size,
  );
  const content = (c: number, render: (() => ParagraphChild[]) | undefined, bold: boolean, width: number, alignment = t.align[c]) =>
    state.inCell(width, { alignment, size: t.size, bold }, () => [state.paragraph(render ? render() : [])]);

  const header = row(
    widths.map((w, c) => cell(content(c, t.header[c], true, w), { width: w, fill: brandTint, borders: { bottom: line(8, brand) } })),
    // Kept with the first row: a header alone at a page's foot is an orphan, and LibreOffice then
    // loses the rows that follow (seen on a quote table that starts near the foot of a page).
    { tableHeader: true, cantSplit: true, keepNext: true },
  );

  const short = t.rows.length <= SHORT_TABLE_ROWS;
  const rows = t.rows.map(({ kind = 'normal', cells }, k) => {
    if (kind === 'group') {
      const width = widths.reduce((a, b) => a + b, 0);
      const band = cell(
        state.inCell(width, { size: t.size, bold: true }, () => [state.paragraph(cells[0] ? cells[0]() : [])]),
        { width, fill: GREY.band, columnSpan: n },
      );
      return row([band], { cantSplit: true, keepNext: true });
    }
    const bold = kind === 'total' || kind === 'subtotal';
    const top = kind === 'total' ? line(12, GREY.dark) : kind === 'subtotal' ? line(6, '8A94A6') : undefined;
    const span = spans[k];
    const out = [];
    for (let c = 0; c < n; c++) {
      const cols = span ? at(span, c) : 1;
      if (cols === 0) continue;
      const w = widths.slice(c, c + cols).reduce((a, b) => a + b, 0);
      out.push(cell(content(c, cells[c], bold, w, cols > 1 ? 'left' : t.align[c]), { width: w, borders: top ? { top } : undefined, columnSpan: cols > 1 ? cols : undefined }));
    }
    // The totals at the foot stay together and with the last row above them; a short table
    // (an acceptance block, a price-floor table) moves to the next page whole, as in the PDF.
    const next = t.rows[k + 1]?.kind;
    const keep = next === 'total' || next === 'subtotal' || (short && k < t.rows.length - 1);
    return row(out, keep ? { cantSplit: true, keepNext: true } : { cantSplit: true });
  });

  return fixedTable({
    widths,
    rows: [header, ...rows],
    style: TABLE_STYLE,
    indent: state.frame.indent,
    borders: { top: line(8, brand), bottom: line(8, brand), left: NONE, right: NONE, insideHorizontal: line(4, GREY.rule), insideVertical: NONE },
  });
}

/** A short gap after a table (Word puts the next paragraph flush against it). */
export const spacer = (): Block => paragraphXml({ spacing: { before: 0, after: 0, line: 160, lineRule: 'exact' } });
