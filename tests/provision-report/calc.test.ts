/**
 * An independent reader: LibreOffice Calc opens the workbook and saves every sheet as CSV
 * "as shown" (through the cells' number formats). The figures must be the printed report's.
 * Skipped where Calc is not installed (the DOCX checks need only LibreOffice Writer).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compose, createTemplateStore } from '../../src/compose/index.js';
import { planProvisionReport, workbookForProvisionReport } from '../../src/documents/provision-report/index.js';
import { renderXlsx } from '../../src/writers/xlsx/index.js';
import { ctx, workedExample } from './fixture.js';
import { dataTables } from './tree-helpers.js';
import { need } from '../helpers/prereqs.js';

// Separator, quote, UTF-8, from line 1, …, save cell contents as shown, all sheets.
const CSV_FILTER = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1';

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') endCell();
    else if (ch === '\n') {
      endCell();
      rows.push(row);
      row = [];
    } else if (ch !== '\r') cell += ch;
  }
  if (cell || row.length) {
    endCell();
    rows.push(row);
  }
  return rows;
}

describe('the workbook as LibreOffice Calc shows it', () => {
  beforeAll(() => need('libreoffice-calc'));
  it('shows every sheet with the same figures as the printed report', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dealdoc-calc-'));
    const file = join(dir, 'report.xlsx');
    writeFileSync(file, await renderXlsx(workbookForProvisionReport(workedExample(), ctx())));
    execFileSync('soffice', [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', CSV_FILTER, '--outdir', dir, file], {
      stdio: 'ignore',
      timeout: 120_000,
    });
    const tables = dataTables(compose(planProvisionReport(workedExample(), ctx()), createTemplateStore()));
    const names = ['汇总', '账龄', '变动', '分录', '客户', '业务员', '明细', '例外'];
    names.forEach((name, i) => {
      const csv = parseCsv(readFileSync(join(dir, `report-${name}.csv`), 'utf8'));
      expect(csv[0][0]).toBe(`华芯电子科技有限公司 · 应收账款坏账准备月报 2024-03-31 · ${name}`);
      const header = csv[1];
      const body: string[][] = [];
      for (const r of csv.slice(2)) {
        if (r.every((c) => c === '')) break;
        body.push(r);
      }
      const printed = tables[i];
      const drop = name === '业务员' ? 1 : 0; // the printed rep table shows reps as band rows
      expect(header.slice(drop), name).toEqual(printed.columns.map((c) => c.label));
      const want = printed.rows.filter((r) => r.kind !== 'group').map((r) => r.cells);
      // The workbook's rep sheet puts the subtotals below the total (outside the filter range): same rows, another order.
      const order = (rows: string[][]) => (name === '业务员' ? rows.map((r) => JSON.stringify(r)).sort() : rows);
      expect(order(body.map((r) => r.slice(drop))), name).toEqual(order(want));
    });
  }, 180_000);
});
