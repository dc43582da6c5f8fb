import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/domain/money.js';
import { sharesOf } from '../../src/domain/money.js';
import { planProvisionReport, workbookForProvisionReport } from '../../src/documents/provision-report/index.js';
import { renderXlsx } from '../../src/writers/xlsx/index.js';
import { ctx, workedExample } from './fixture.js';
import { readXlsxValues as readXlsx } from './xlsx-read.js';

const D = (s: string) => new Decimal(s);
const text = (xs: (Decimal | null)[]) => xs.map((x) => (x === null ? null : x.toFixed(3)));

describe('shares printed to 0.1% add up to exactly 100%', () => {
  it('gives the leftover steps to the largest remainders, ties to the earlier row', () => {
    expect(text(sharesOf([D('1'), D('1'), D('1')]))).toEqual(['0.334', '0.333', '0.333']);
    expect(text(sharesOf([D('55000'), D('100000'), D('102184.50'), D('48888.88'), D('3333.33'), D('12000')]))).toEqual([
      '0.171', '0.311', '0.318', '0.152', '0.011', '0.037',
    ]);
    const odd = sharesOf([D('0.01'), D('0.01'), D('0.01'), D('0.01'), D('0.01'), D('0.01'), D('99.94')]);
    expect(odd.reduce<Decimal>((a, b) => a.plus(b!), D('0')).toFixed(3)).toBe('1.000');
  });

  it('has no shares of a zero total', () => {
    expect(sharesOf([D('0'), D('0')])).toEqual([null, null]);
  });
});

describe('rates print with the precision that matters', () => {
  it('a 5.5% bucket prints 5.5% in the report and gets a 0.0% format in the workbook', async () => {
    const r = workedExample();
    r.buckets[2] = { ...r.buckets[2], rate: D('0.055') };
    const aging = planProvisionReport(r, ctx()).slots.aging[0];
    if (aging.type !== 'dataTable') throw new Error('aging slot is not a table');
    expect(aging.rows.map((x) => x.cells[4])).toEqual(['0.0%', '0.0%', '5.5%', '20.0%', '50.0%', '', '', '']);
    const book = await readXlsx(await renderXlsx(workbookForProvisionReport(r, ctx())));
    const cell = book.getWorksheet('账龄')!.getCell('E5');
    expect([cell.value, cell.numFmt]).toEqual([0.055, '0.0%']);
  });
});
