/** Small builders shared by every handler that draws with tables (data tables and diagrams). */
import {
  AlignmentType,
  BorderStyle,
  Table,
  TableCell,
  TableLayoutType,
  VerticalAlignTable,
  WidthType,
  type IBorderOptions,
  type ITableBordersOptions,
  type ITableCellBorders,
  type Paragraph,
} from 'docx';
import type { Align } from '../../tree/nodes.js';

export const NONE: IBorderOptions = { style: BorderStyle.NIL };
export const line = (size: number, color: string): IBorderOptions => ({ style: BorderStyle.SINGLE, size, color, space: 0 });

export const NO_BORDERS: ITableBordersOptions = {
  top: NONE,
  bottom: NONE,
  left: NONE,
  right: NONE,
  insideHorizontal: NONE,
  insideVertical: NONE,
};

/** White rules between shaded cells, so each cell reads as a separate box. */
export const gutters = (size: number): ITableBordersOptions => ({
  top: NONE,
  bottom: NONE,
  left: NONE,
  right: NONE,
  insideHorizontal: line(size, 'FFFFFF'),
  insideVertical: line(size, 'FFFFFF'),
});

export const ALIGN = {
  left: AlignmentType.LEFT,
  right: AlignmentType.RIGHT,
  center: AlignmentType.CENTER,
} as const satisfies Record<Align, (typeof AlignmentType)[keyof typeof AlignmentType]>;

/** Integer twips proportional to `weights`, summing exactly to `total`. */
export function distribute(weights: readonly number[], total: number): number[] {
  const clean = weights.map((w) => (Number.isFinite(w) && w > 0 ? w : 1));
  const sum = clean.reduce((a, b) => a + b, 0);
  const widths = clean.map((w) => Math.floor((w / sum) * total));
  widths[widths.length - 1] += total - widths.reduce((a, b) => a + b, 0);
  return widths;
}

export interface CellOptions {
  width: number;
  fill?: string;
  borders?: ITableCellBorders;
  columnSpan?: number;
  rowSpan?: number;
  middle?: boolean;
  margins?: { top?: number; bottom?: number; left?: number; right?: number };
}

export function cell(children: (Paragraph | Table)[], o: CellOptions): TableCell {
  return new TableCell({
    children,
    width: { size: o.width, type: WidthType.DXA },
    shading: o.fill ? { type: 'clear', color: 'auto', fill: o.fill } : undefined,
    borders: o.borders,
    columnSpan: o.columnSpan,
    rowSpan: o.rowSpan,
    verticalAlign: o.middle ? VerticalAlignTable.CENTER : undefined,
    margins: o.margins,
  });
}

export interface TableOptions {
  widths: number[];
  rows: ConstructorParameters<typeof Table>[0]['rows'];
  borders?: ITableBordersOptions;
  style?: string;
  indent?: number;
  margins?: { top?: number; bottom?: number; left?: number; right?: number };
}

/** A fixed-layout table whose grid and width are given in twips (Word, LibreOffice and Pages agree then). */
export function fixedTable(o: TableOptions): Table {
  const width = o.widths.reduce((a, b) => a + b, 0);
  return new Table({
    rows: o.rows,
    width: { size: width, type: WidthType.DXA },
    columnWidths: o.widths,
    layout: TableLayoutType.FIXED,
    borders: o.borders,
    style: o.style,
    // Which of the style's conditional formats apply: the header row, no banding.
    tableLook: o.style ? { firstRow: true, lastRow: false, firstColumn: false, lastColumn: false, noHBand: true, noVBand: true } : undefined,
    indent: o.indent ? { size: o.indent, type: WidthType.DXA } : undefined,
    margins: o.margins ?? { top: 57, bottom: 57, left: 85, right: 85 },
  });
}
