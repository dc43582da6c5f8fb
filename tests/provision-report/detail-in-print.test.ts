import { describe, expect, it } from 'vitest';
import { compose, createTemplateStore } from '../../src/compose/index.js';
import { planProvisionReport, workbookForProvisionReport } from '../../src/documents/provision-report/index.js';
import { ctx, workedExample } from './fixture.js';
import { assertFoots, tableWithHeader, textOf } from './tree-helpers.js';

const store = createTemplateStore();
const tree = (c = ctx()) => compose(planProvisionReport(workedExample(), c), store);

describe('provisioning.detail_rows_in_print: a long invoice detail is printed per customer, the workbook keeps every line', () => {
  it('at or under the limit (default 300) the PDF/DOCX print every invoice line and no note', () => {
    const t = tree();
    expect(() => tableWithHeader(t, '逾期天数')).not.toThrow();
    expect(textOf(t)).not.toContain('按客户汇总列示');
  });

  it('over the limit: a per-customer summary that foots, equals the detail totals, and a note pointing to the XLSX sheet', () => {
    const t = tree(ctx('zh-CN', { detail_rows_in_print: 3 }));
    const text = textOf(t);
    expect(text).toContain('明细超过 3 笔，本文件按客户汇总列示；全部 9 笔发票逐笔列示于同名 Excel 工作簿（provision-report.xlsx）的“明细”工作表');
    expect(() => tableWithHeader(t, '逾期天数')).toThrow();
    const summary = tableWithHeader(t, '最长逾期天数');
    expect(summary.columns.map((c) => c.label)).toEqual(['客户编号', '客户', '笔数', '最长逾期天数', '本位币余额（元）', '坏账准备（元）']);
    // Printed total = sum of the printed rows (every figure column) …
    expect(assertFoots({ ...summary, rows: summary.rows.map((r) => ({ ...r, cells: r.cells.map((c, i) => (i === 3 ? '' : c)) })) })).toBeGreaterThan(0);
    const total = summary.rows.at(-1)!.cells;
    // … and equals the full detail's totals (the workbook's 明细 sheet and the aging table).
    expect(total.slice(2)).toEqual(['9', '', '321,406.71', '33,662.91']);
    expect(summary.rows.filter((r) => r.kind === 'normal').length).toBeLessThan(9);
    const wb = workbookForProvisionReport(workedExample(), ctx('zh-CN', { detail_rows_in_print: 3 }));
    const detail = wb.sheets.find((s) => s.name === '明细')!;
    expect(detail.rows.filter((r) => (r.kind ?? 'normal') === 'normal')).toHaveLength(9);
  });

  it('the note is in English for an English report', () => {
    expect(textOf(tree(ctx('en', { detail_rows_in_print: 0 })))).toContain('all 9 invoices are listed line by line, with the balance and allowance formulas, in the "Detail" sheet of the workbook of the same name (provision-report.xlsx)');
  });
});
