/**
 * The XLSX writer writes a sheet's data rows as one XML block (src/writers/xlsx/rows.ts) instead of
 * exceljs cells. These tests render the same rows both ways — exceljs's own Row/Cell objects through
 * its row serialiser, and the block — and require the same XML, the same style table and the same
 * shared strings, byte for byte (style ids and string indexes depend on the order they are met).
 */
import ExcelJS from 'exceljs';
import RowXform from 'exceljs/lib/xlsx/xform/sheet/row-xform.js';
import SharedStringsXform from 'exceljs/lib/xlsx/xform/strings/shared-strings-xform.js';
import StylesXform from 'exceljs/lib/xlsx/xform/style/styles-xform.js';
import XmlStream from 'exceljs/lib/utils/xml-stream.js';
import { describe, expect, it } from 'vitest';
import { blockRowModel, installRowHook, RowBlock, type BlockCells } from '../../src/writers/xlsx/rows.js';

const ROW_STYLE: Partial<ExcelJS.Style> = {};
const TEXT: Partial<ExcelJS.Style> = {};
const MONEY: Partial<ExcelJS.Style> = { numFmt: '#,##0.00;(#,##0.00)', alignment: { horizontal: 'right' } };
const MONEY_EMPTY: Partial<ExcelJS.Style> = { alignment: { horizontal: 'right' } };
const DATE: Partial<ExcelJS.Style> = { numFmt: 'yyyy-mm-dd', alignment: { horizontal: 'center' } };
const TOTAL: Partial<ExcelJS.Style> = { numFmt: '#,##0.00;(#,##0.00)', font: { name: 'Calibri', size: 11, family: 2, bold: true }, border: { top: { style: 'medium', color: { argb: 'FF404040' } } } };
const TOTAL_TEXT: Partial<ExcelJS.Style> = { font: { name: 'Calibri', size: 11, family: 2, bold: true }, border: { top: { style: 'thin', color: { argb: 'FF6B6B6B' } } } };

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
interface TestCell {
  value: ExcelJS.CellValue;
  style: Partial<ExcelJS.Style>;
  formula?: string;
}
const c = (value: ExcelJS.CellValue, style: Partial<ExcelJS.Style>, formula?: string): TestCell => (formula ? { value, style, formula } : { value, style });

/** Rows with every kind of cell the writer makes, text that needs escaping, repeated strings, and formulas with 0, text and no cached result. */
const ROWS: TestCell[][] = [
  [c('C-1 <Acme & "Sons">', TEXT), c(1234.5, MONEY), c(day('2025-11-30'), DATE), c(617.25, MONEY, 'ROUND(B3*0.5,2)')],
  [c("O'Neil\u0001", TEXT), c(0, MONEY), c(null, DATE), c(0, MONEY, "SUM('Q&A''s'!$B$3:$B$9)")],
  [c(null, TEXT), c(null, MONEY_EMPTY), c(day('2024-02-29'), DATE), c(null, MONEY, 'B4+B5')],
  [c('C-1 <Acme & "Sons">', TEXT), c(-98765.43, MONEY), c(day('2025-01-01'), DATE), c('n/a', MONEY, 'IF(B6>0,"x","n/a")')],
  [c('合计', TOTAL_TEXT), c(1135.07, TOTAL, 'SUBTOTAL(9,$B$3:$B$6)'), c(null, TOTAL_TEXT), c(1e13 - 0.01, TOTAL)],
];

/** exceljs's own rendering: Row and Cell objects, their models prepared and written by RowXform. */
function throughExcelJs(first: number) {
  const ws = new ExcelJS.Workbook().addWorksheet('S');
  ROWS.forEach((cells, i) => {
    const row = ws.getRow(first + i);
    (row as unknown as { style: object }).style = ROW_STYLE;
    cells.forEach((cell, j) => {
      const xc = row.getCell(j + 1);
      if (cell.formula) {
        xc.value = { formula: cell.formula } as ExcelJS.CellFormulaValue;
        if (cell.value !== null) (xc as unknown as { _value: { model: { result: unknown } } })._value.model.result = cell.value;
      } else xc.value = cell.value;
      xc.style = cell.style;
    });
  });
  const models = ROWS.map((_r, i) => (ws.getRow(first + i) as unknown as { model: object }).model);
  return render(models);
}

function throughBlock(first: number) {
  const cells: BlockCells = { values: [], styles: [], formulas: new Map() };
  for (const cell of ROWS.flat()) {
    if (cell.formula) cells.formulas.set(cells.values.length, cell.formula);
    cells.values.push(cell.value);
    cells.styles.push(cell.style);
  }
  return render([blockRowModel(new RowBlock(first, 4, ROW_STYLE, cells))]);
}

function render(models: object[]) {
  installRowHook();
  const styles = new StylesXform(true);
  const sharedStrings = new SharedStringsXform();
  // A string and a style met before the rows, as the header row's are.
  sharedStrings.add('Customer');
  styles.addStyleModel({ font: { bold: true } }, ExcelJS.ValueType.String);
  const xform = new RowXform();
  const options = { styles, sharedStrings, comments: [], hyperlinks: [], merges: { add() {} }, formulae: {}, siFormulae: 0 };
  for (const m of models) xform.prepare(m, options);
  const stream = new XmlStream();
  for (const m of models) xform.render(stream, m);
  return { rows: stream.xml, styles: styles.xml, strings: sharedStrings.xml };
}

describe('XLSX data rows as one block', () => {
  it('writes the rows, styles and shared strings exceljs writes for the same cells', () => {
    const own = throughExcelJs(3);
    const block = throughBlock(3);
    expect(block.rows).toBe(own.rows);
    expect(block.styles).toBe(own.styles);
    expect(block.strings).toBe(own.strings);
  });

  it('writes what a reader needs: escaped text by index, serial dates, formulas with their cached results', () => {
    const { rows, strings } = throughBlock(3);
    expect(rows.startsWith('<row r="3" spans="1:4" x14ac:dyDescent="0.25"><c r="A3" t="s"><v>1</v></c>')).toBe(true);
    expect(strings).toContain('<t>C-1 &lt;Acme &amp; &quot;Sons&quot;&gt;</t>');
    expect(rows).toContain('><v>45991</v></c>'); // 2025-11-30
    expect(rows).toContain('<f>SUM(&apos;Q&amp;A&apos;&apos;s&apos;!$B$3:$B$9)</f><v>0</v>');
    expect(rows).toContain(' t="str"><f>IF(B6&gt;0,&quot;x&quot;,&quot;n/a&quot;)</f><v>n/a</v></c>');
    expect(rows).toMatch(/<c r="D5" s="\d+"><f>B4\+B5<\/f><\/c>/);
    expect(rows).not.toContain('r="A5"'); // an empty, unstyled cell is left out
    expect(rows.match(/<row /g)).toHaveLength(ROWS.length);
  });
});
