// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- the types of exceljs internals (no typings of their own)
/// <reference path="./exceljs-internals.d.ts" />
/**
 * A sheet's data rows as one block of sheet XML, written without exceljs's cell objects. Why: a
 * report's detail sheet has thousands of cells, and building a Row and a Cell per cell, then a
 * model per cell, then preparing and serialising each model through exceljs's xforms was most of
 * the workbook's time and garbage (issue 16). The title, header and note rows (merged, few) still
 * go through exceljs.
 *
 * The bytes are exceljs's (4.4) own: the block stands in the worksheet model's rows as one marker
 * row, and exceljs's row serialiser (RowXform) is wrapped once so that, for a marker, it registers
 * every cell's style and shared string with the workbook's style and string tables in exactly the
 * order its cells would have (so every style id and string index is the same), and writes the rows
 * as exceljs writes them: `<row r spans [s customFormat] x14ac:dyDescent>`, then per cell
 * `<c r [s] [t]>` with `<v>`, `<f>` or nothing (an empty cell without style is left out).
 * tests/writers/xlsx-rows.test.ts checks the block against exceljs's own cells, byte for byte.
 */
import ExcelJS from 'exceljs';
import RowXform from 'exceljs/lib/xlsx/xform/sheet/row-xform.js';
import exceljsUtils from 'exceljs/lib/utils/utils.js';

const { ValueType } = ExcelJS;

/**
 * A block's cells, row by row and column by column in flat arrays (a detail sheet has tens of
 * thousands: no object per cell): each a value as exceljs would hold it, the shared style object
 * it is written with, and, by the same index, a formula whose cached result is the value.
 */
export interface BlockCells {
  values: ExcelJS.CellValue[];
  styles: Partial<ExcelJS.Style>[];
  formulas: Map<number, string>;
}

/** What a data row block needs from the workbook: exceljs's style and shared-string tables. */
interface PrepareOptions {
  styles: { addStyleModel(style: object, cellType?: number): number };
  sharedStrings: { add(value: string): number };
}

/**
 * Rows `first`…`last` of a sheet, every row with a cell per column (`columns` of them, the first
 * in column A), all rows sharing the row style `rowStyle`.
 */
export class RowBlock {
  private xml = '';
  constructor(
    readonly first: number,
    readonly columns: number,
    private readonly rowStyle: Partial<ExcelJS.Style>,
    private readonly cells: BlockCells,
  ) {}

  get last(): number {
    return this.first + this.cells.values.length / this.columns - 1;
  }

  /** Register styles and strings in exceljs's order and render the rows (exceljs's prepare phase). */
  prepare(options: PrepareOptions): void {
    const { styles, sharedStrings } = options;
    const letters = Array.from({ length: this.columns }, (_v, i) => `<c r="${columnLetter(i)}`);
    // exceljs gives a style object it has met the id it gave it then, whatever the cell type
    // (its weak map): after the first call, the attribute can be kept here.
    const attrs = new Map<object, string>();
    const styleAttr = (style: object, type?: number): string => {
      let a = attrs.get(style);
      if (a === undefined) {
        const id = styles.addStyleModel(style, type);
        attrs.set(style, (a = id ? ` s="${id}"` : ''));
      }
      return a;
    };
    const out: string[] = [];
    const { values, styles: cellStyles, formulas } = this.cells;
    const n = this.columns;
    let k = 0;
    for (let r = this.first; r <= this.last; r++) {
      const rowStyle = styleAttr(this.rowStyle);
      out.push(`<row r="${r}" spans="1:${n}"${rowStyle ? `${rowStyle} customFormat="1"` : ''} x14ac:dyDescent="0.25">`);
      for (let i = 0; i < n; i++, k++) {
        const address = `${letters[i]}${r}"`;
        const value = values[k];
        const s = styleAttr(cellStyles[k]!, valueType(value));
        const formula = formulas.get(k);
        if (formula !== undefined) {
          out.push(`${address}${s}${formulaXml(formula, value)}</c>`);
        } else if (value === null || value === undefined) {
          if (s) out.push(`${address}${s}/>`);
        } else if (typeof value === 'string') {
          out.push(`${address}${s} t="s"><v>${sharedStrings.add(value)}</v></c>`);
        } else if (typeof value === 'number') {
          out.push(`${address}${s}><v>${value}</v></c>`);
        } else if (value instanceof Date) {
          out.push(`${address}${s}><v>${excelDate(value)}</v></c>`);
        } else {
          throw new Error(`xlsx rows: row ${r}, column ${i + 1} holds a value the block does not write`);
        }
      }
      out.push('</row>');
    }
    this.xml = out.join('');
  }

  /** The rows' XML, as prepare() made it. */
  render(): string {
    return this.xml;
  }
}

/** exceljs's value type of a cell value (the formula's cached result for a formula). */
function valueType(v: ExcelJS.CellValue): number {
  if (v === null || v === undefined) return ValueType.Null;
  if (typeof v === 'string') return ValueType.String;
  if (typeof v === 'number') return ValueType.Number;
  if (v instanceof Date) return ValueType.Date;
  throw new Error('xlsx rows: unsupported cell value');
}

/** exceljs's serial date (1900 system): days since 1899-12-30, with the time as a fraction. */
function excelDate(d: Date): number {
  return 25569 + d.getTime() / (24 * 3600 * 1000);
}

/** The end of a formula cell's start tag and its content, as exceljs's renderFormula writes them. */
function formulaXml(formula: string, result: ExcelJS.CellValue): string {
  const f = `<f>${exceljsUtils.xmlEncode(formula)}</f>`;
  if (result === null || result === undefined) return `>${f}`;
  if (typeof result === 'number') return `>${f}<v>${result}</v>`;
  if (typeof result === 'string') return ` t="str">${f}<v>${exceljsUtils.xmlEncode(result)}</v>`;
  if (result instanceof Date) return `>${f}<v>${excelDate(result)}</v>`;
  throw new Error('xlsx rows: unsupported formula result');
}

export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    out = String.fromCharCode(65 + m) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** The marker a block's place in a worksheet model's rows holds. */
const BLOCK = Symbol('dealdoc.xlsx.rowBlock');
type Marked = { [BLOCK]?: RowBlock };

/** A row model standing for the block: exceljs's row serialiser hands it to the block (see installRowHook). */
export function blockRowModel(block: RowBlock): object {
  return { [BLOCK]: block, number: block.first };
}

let installed = false;

/**
 * Wrap exceljs's RowXform once: a marker row model is prepared and rendered by its block, every
 * other row exactly as before (so any other use of exceljs in the process is unaffected).
 */
export function installRowHook(): void {
  if (installed) return;
  const proto = RowXform.prototype;
  const prepare = proto.prepare;
  const render = proto.render;
  proto.prepare = function (this: RowXform, model: object, options: object): void {
    const block = (model as Marked)[BLOCK];
    if (block) block.prepare(options as PrepareOptions);
    else prepare.call(this, model, options);
  };
  proto.render = function (this: RowXform, xmlStream: object, model: object, options?: unknown): void {
    const block = (model as Marked)[BLOCK];
    if (block) (xmlStream as { writeXml(xml: string): void }).writeXml(block.render());
    else render.call(this, xmlStream, model, options);
  };
  installed = true;
}
