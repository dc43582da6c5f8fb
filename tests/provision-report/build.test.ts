import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal, formatMoney } from '../../src/domain/money.js';
import { buildProvisionReport, planProvisionReport, provisionReportChecks, workbookForProvisionReport } from '../../src/documents/provision-report/index.js';
import { money } from '../../src/documents/provision-report/format.js';
import { renderXlsx } from '../../src/writers/xlsx/index.js';
import { ctx, reversalExample, workedExample } from './fixture.js';

describe('buildProvisionReport: one report model for the checks, the plan and the workbook', () => {
  it.each([
    ['worked example, zh-CN', workedExample, 'zh-CN'],
    ['worked example, en', workedExample, 'en'],
    ['reversal example', reversalExample, 'zh-CN'],
  ] as const)('%s: the same as the separate functions', async (_name, example, locale) => {
    const report = buildProvisionReport(example(), ctx(locale));
    expect({ reconciled: report.reconciled, mismatches: report.mismatches }).toEqual(provisionReportChecks(example(), ctx(locale)));
    expect(report.plan()).toEqual(planProvisionReport(example(), ctx(locale)));
    expect(report.workbook()).toEqual(workbookForProvisionReport(example(), ctx(locale)));
    const shared = await renderXlsx(report.workbook());
    expect(shared.equals(await renderXlsx(workbookForProvisionReport(example(), ctx(locale))))).toBe(true);
  });

  it('makes the plan and the workbook once', () => {
    const report = buildProvisionReport(workedExample(), ctx());
    expect(report.plan()).toBe(report.plan());
    expect(report.workbook()).toBe(report.workbook());
  });
});

describe('money(): the report format of an amount', () => {
  it('prints what formatMoney prints with parentheses, for cents and for finer amounts', () => {
    const cases = ['0', '-0', '-0.00', '0.004', '-0.004', '-0.005', '1234.5', '-1234.5', '999', '1000', '-1000000.01', '9999999999999.99', '12.345'];
    for (const c of cases) expect(money(new Decimal(c)), c).toBe(formatMoney(new Decimal(c), { parens: true }));
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), fc.integer({ min: 0, max: 4 }), (units, scale) => {
        const d = new Decimal(units.toString()).dividedBy(10 ** scale);
        expect(money(d)).toBe(formatMoney(d, { parens: true }));
      }),
    );
  });
});
