/**
 * The report over the real computation: every month end of the example ledger in
 * data/receivables/ is planned, composed and turned into a workbook; every one reconciles
 * (detail = buckets = summary, movement, customer and rep schedules) and every table foots.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { provisioningSchema } from '../../src/config/schema.js';
import { compose, createTemplateStore } from '../../src/compose/index.js';
import { readLedger } from '../../src/data/ledger/index.js';
import { planProvisionReport, workbookForProvisionReport } from '../../src/documents/provision-report/index.js';
import { computePeriods, monthEnds } from '../../src/domain/receivables/index.js';
import { Decimal } from '../../src/domain/money.js';
import { renderXlsx } from '../../src/writers/xlsx/index.js';
import { ctx } from './fixture.js';
import { assertFoots, callouts, dataTables, parseFigure, tableWithHeader, textOf } from './tree-helpers.js';
import { readXlsxValues as readXlsx } from './xlsx-read.js';

const dir = join(import.meta.dirname, '../../data/receivables');

describe('provision report of the example ledger', async () => {
  const { ledger, diagnostics } = await readLedger(dir);
  const policy = provisioningSchema.parse({});
  const results = ledger ? computePeriods(ledger, policy, monthEnds(ledger, policy)) : [];
  const store = createTemplateStore();

  it('reads the ledger', () => {
    expect(diagnostics.map((d) => d.format())).toEqual([]);
    expect(results.length).toBeGreaterThanOrEqual(12);
  });

  it('reconciles and foots at every month end, in both languages', () => {
    for (const result of results) {
      for (const locale of ['zh-CN', 'en'] as const) {
        const tree = compose(planProvisionReport(result, ctx(locale)), store);
        const danger = callouts(tree).filter((c) => c.tone === 'danger');
        expect(danger.map(textOf), `${result.asOf} ${locale}`).toEqual([]);
        for (const t of dataTables(tree)) assertFoots(t);
      }
    }
  });

  it('prints the computation’s totals in the aging table and the detail, to the cent', () => {
    const last = results[results.length - 1];
    const tree = compose(planProvisionReport(last, ctx()), store);
    const aging = tableWithHeader(tree, '占比');
    const total = aging.rows.at(-1)!.cells;
    expect(parseFigure(total[2])!.eq(last.totals.balance)).toBe(true);
    expect(parseFigure(total[5])!.eq(last.totals.provision)).toBe(true);
    const detail = tableWithHeader(tree, '逾期天数');
    expect(detail.rows.length).toBe(last.lines.length + 1);
  });

  it('writes the latest month’s workbook with the same totals as numbers', async () => {
    const last = results[results.length - 1];
    const book = await readXlsx(await renderXlsx(workbookForProvisionReport(last, ctx())));
    const aging = book.getWorksheet('账龄')!;
    let totalRow = 0;
    aging.eachRow((r, i) => {
      if (r.getCell(1).value === '合计') totalRow = i;
    });
    expect(new Decimal(String(aging.getRow(totalRow).getCell(3).value)).eq(last.totals.balance)).toBe(true);
    expect(new Decimal(String(aging.getRow(totalRow).getCell(6).value)).eq(last.totals.provision)).toBe(true);
  });
});
