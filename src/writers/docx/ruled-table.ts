/**
 * The ruled table behind GFM tables and dataTables: Dealdoc Table style, horizontal rules
 * only, bold header row on the brand tint marked to repeat, rows that never split, bold
 * totals under a heavier rule, group rows as a shaded band.
 */
import type { Align } from '../../tree/nodes.js';
import type { Block, ParagraphChild, State } from './state.js';
import { TABLE_STYLE } from './styles.js';
import { cell, fixedTable, line, NONE, row } from './table-kit.js';
import { GREY } from './theme.js';
import { paragraphXml } from './xml.js';

export type RowKind = 'normal' | 'total' | 'subtotal' | 'group';

export interface RuledTable {
  widths: number[];
  align: (Align | undefined)[];
  /** Half-points. */
  size: number;
  header: (() => ParagraphChild[])[];
  rows: { kind?: RowKind; cells: (() => ParagraphChild[])[] }[];
}

export function ruledTable(state: State, t: RuledTable): string {
  const { brand, brandTint } = state.theme;
  const n = t.widths.length;
  const content = (c: number, render: (() => ParagraphChild[]) | undefined, bold: boolean, width: number) =>
    state.inCell(width, { alignment: t.align[c], size: t.size, bold }, () => [state.paragraph(render ? render() : [])]);

  const header = row(
    t.widths.map((w, c) => cell(content(c, t.header[c], true, w), { width: w, fill: brandTint, borders: { bottom: line(8, brand) } })),
    { tableHeader: true, cantSplit: true },
  );

  const rows = t.rows.map(({ kind = 'normal', cells }) => {
    if (kind === 'group') {
      const width = t.widths.reduce((a, b) => a + b, 0);
      const band = cell(
        state.inCell(width, { size: t.size, bold: true }, () => [state.paragraph(cells[0] ? cells[0]() : [])]),
        { width, fill: GREY.band, columnSpan: n },
      );
      return row([band], { cantSplit: true, keepNext: true });
    }
    const bold = kind === 'total' || kind === 'subtotal';
    const top = kind === 'total' ? line(12, GREY.dark) : kind === 'subtotal' ? line(6, '8A94A6') : undefined;
    return row(
      t.widths.map((w, c) => cell(content(c, cells[c], bold, w), { width: w, borders: top ? { top } : undefined })),
      { cantSplit: true },
    );
  });

  return fixedTable({
    widths: t.widths,
    rows: [header, ...rows],
    style: TABLE_STYLE,
    indent: state.frame.indent,
    borders: { top: line(8, brand), bottom: line(8, brand), left: NONE, right: NONE, insideHorizontal: line(4, GREY.rule), insideVertical: NONE },
  });
}

/** A short gap after a table (Word puts the next paragraph flush against it). */
export const spacer = (): Block => paragraphXml({ spacing: { before: 0, after: 0, line: 160, lineRule: 'exact' } });
