/**
 * The workbook takes the same look as the PDF and DOCX (src/writers/theme.ts): its header rows are
 * filled with the brand colour's tint, its rules drawn in the theme's inks.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Workbook } from '../../src/tree/workbook.js';
import { colours, INK } from '../../src/writers/theme.js';
import { renderXlsx } from '../../src/writers/xlsx/index.js';

const book = (brandColor?: string): Workbook => ({
  created: new Date(Date.UTC(2026, 10, 30)),
  title: 'Ageing',
  company: 'Kesong',
  ...(brandColor ? { brandColor } : {}),
  sheets: [{ name: 'Aging', columns: [{ header: 'Customer', kind: 'text' }, { header: 'Balance', kind: 'int' }], rows: [{ cells: ['C-1', 5] }, { cells: ['Total', 5], kind: 'total' }] }],
});

async function headerCell(wb: Workbook) {
  const read = new ExcelJS.Workbook();
  await read.xlsx.load((await renderXlsx(wb)) as unknown as ArrayBuffer);
  const ws = read.getWorksheet('Aging');
  if (!ws) throw new Error('no sheet');
  let header: ExcelJS.Cell | undefined;
  let total: ExcelJS.Cell | undefined;
  ws.eachRow((row) => row.eachCell((cell) => {
    if (cell.value === 'Customer') header = cell;
    if (cell.value === 'Total') total = cell;
  }));
  if (!header || !total) throw new Error('cells not found');
  return { header, total };
}

const argb = (hex: string) => `FF${hex.slice(1)}`;

describe('XLSX look', () => {
  it('fills header rows with the brand tint the PDF and DOCX use', async () => {
    const red = await headerCell(book('#8B1A1A'));
    expect((red.header.fill as ExcelJS.FillPattern).fgColor?.argb).toBe(argb(colours('#8B1A1A').brandTint));
    const plain = await headerCell(book());
    expect((plain.header.fill as ExcelJS.FillPattern).fgColor?.argb).toBe(argb(colours(undefined).brandTint));
    expect(argb(colours('#8B1A1A').brandTint)).not.toBe(argb(colours(undefined).brandTint));
  });
  it('draws the total rule in the theme ink', async () => {
    const { total } = await headerCell(book());
    expect(total.border?.top?.color?.argb).toBe(argb(INK.ruleStrong));
  });
});
