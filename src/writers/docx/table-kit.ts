/** Small builders shared by every handler that draws with tables (data tables and diagrams). */
import type { Align } from '../../tree/nodes.js';
import { tableXml, type BorderSpec, type CellSpec, type Margins, type RowSpec, type TableSpec } from './xml.js';

export const NONE: BorderSpec = { style: 'nil' };
export const line = (size: number, color: string): BorderSpec => ({ style: 'single', size, color, space: 0 });

export type TableBorders = TableSpec['borders'];

export const NO_BORDERS: TableBorders = {
  top: NONE,
  bottom: NONE,
  left: NONE,
  right: NONE,
  insideHorizontal: NONE,
  insideVertical: NONE,
};

/** White rules between shaded cells, so each cell reads as a separate box. */
export const gutters = (size: number): TableBorders => ({
  top: NONE,
  bottom: NONE,
  left: NONE,
  right: NONE,
  insideHorizontal: line(size, 'FFFFFF'),
  insideVertical: line(size, 'FFFFFF'),
});

export const ALIGN = {
  left: 'left',
  right: 'right',
  center: 'center',
} as const satisfies Record<Align, string>;

/** Integer twips proportional to `weights`, summing exactly to `total`. */
export function distribute(weights: readonly number[], total: number): number[] {
  const clean = weights.map((w) => (Number.isFinite(w) && w > 0 ? w : 1));
  const sum = clean.reduce((a, b) => a + b, 0);
  const widths = clean.map((w) => Math.floor((w / sum) * total));
  widths[widths.length - 1] += total - widths.reduce((a, b) => a + b, 0);
  return widths;
}

export type CellOptions = Omit<CellSpec, 'children' | 'verticalMerge'>;
export type Cell = CellSpec;
export type Row = RowSpec;

export const cell = (children: string[], o: CellOptions): Cell => ({ ...o, children });

export const row = (cells: Cell[], o: Omit<RowSpec, 'cells'> = {}): Row => ({ ...o, cells });

export interface TableOptions {
  widths: number[];
  rows: Row[];
  borders?: TableBorders;
  style?: string;
  indent?: number;
  margins?: Margins;
}

/** A fixed-layout table whose grid and width are given in twips (Word, LibreOffice and Pages agree then). */
export function fixedTable(o: TableOptions): string {
  return tableXml({
    widths: o.widths,
    rows: o.rows,
    borders: o.borders ?? NO_BORDERS,
    style: o.style,
    indent: o.indent,
    margins: o.margins ?? { top: 57, bottom: 57, left: 85, right: 85 },
  });
}
