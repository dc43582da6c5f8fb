/** Sign-off block, prior-month comparison, per-customer movement and collection list, as a reader sees them in the tables. */
import { describe, expect, it } from 'vitest';
import { compose, createTemplateStore } from '../../src/compose/index.js';
import type { IsoDate } from '../../src/domain/dates.js';
import { computeProvision } from '../../src/domain/receivables/index.js';
import type { ProvisionResult } from '../../src/domain/receivables/types.js';
import { buildProvisionReport } from '../../src/documents/provision-report/index.js';
import { adjustment, invoice, ledgerOf, payment } from '../receivables/build.js';
import { policy } from '../receivables/helpers.js';
import { ctx, workedExample } from './fixture.js';
import { tableWithHeader } from './tree-helpers.js';

const tree = (r: ProvisionResult, c = ctx()) => compose(buildProvisionReport(r, c).plan(), createTemplateStore());

// Feb: B1 7,999 (due 01-09) 50 days → 10% 799.90; C1 500 53 days → 50.00; G1 20,000 not due. Mar: B1 81 days → 20% 1,600, 3,000 written off
// on G1 (due 02-20, 39 days, 10% of 17,000 = 1,700), C1 paid in full on 03-05.
const ledger = () =>
  ledgerOf({
    invoices: [
      invoice({ no: 'B1', customer: 'BAD', date: '2026-01-01', due: '2026-01-09', amount: '8000.00', rep: '李明' }),
      invoice({ no: 'G1', customer: 'GOOD', date: '2026-01-21', due: '2026-02-20', amount: '20000.00', rep: '陈静' }),
      invoice({ no: 'C1', customer: 'CASH', date: '2026-01-05', due: '2026-01-06', amount: '500.00', rep: '陈静' }),
    ],
    payments: [payment('P1', '2026-03-05', '500.00', { invoice: 'C1' }), payment('P0', '2026-02-10', '1.00', { invoice: 'B1' })],
    adjustments: [adjustment('write_off', 'G1', '2026-03-10', '3000.00')],
  });

describe('controller sections', () => {
  const r = computeProvision(ledger(), policy(), '2026-03-31' as IsoDate);

  it('sign-off: names and roles from provisioning.signoff; default 编制/审核/批准 with blank lines', () => {
    const named = tableWithHeader(tree(r, ctx('zh-CN', { signoff: [{ role: '编制', name: '王会计' }, { role: '审核', name: '李经理', title: '财务经理' }, { role: '批准' }] })), '签字');
    expect(named.rows.map((x) => x.cells.slice(0, 2))).toEqual([
      ['编制', '王会计'],
      ['审核', '李经理 · 财务经理'],
      ['批准', '________________'],
    ]);
    const blank = tableWithHeader(tree(r), '签字');
    expect(blank.rows.map((x) => x.cells)).toEqual(['编制', '审核', '批准'].map((role) => [role, '________________', '________________', '____年__月__日']));
  });

  it('prior-month comparison: by bucket, and per customer with the change', () => {
    const t = tableWithHeader(tree(r), '上月末账面余额（元）');
    const row = (label: string) => t.rows.find((x) => x.cells[0] === label)!.cells;
    expect(row('逾期31–60天')).toEqual(['逾期31–60天', '8,499.00', '17,000.00', '8,501.00', '849.90', '1,700.00', '850.10']);
    expect(row('逾期61–90天')).toEqual(['逾期61–90天', '0.00', '7,999.00', '7,999.00', '0.00', '1,599.80', '1,599.80']);
    expect(row('客户CASH')).toEqual(['客户CASH', '500.00', '0.00', '(500.00)', '50.00', '0.00', '(50.00)']);
  });

  it('movement per customer: opening, charge, reversal, write-off, recovery, closing', () => {
    const t = tableWithHeader(tree(r), '减：本期核销（元）');
    const row = (id: string) => t.rows.find((x) => x.cells[0] === id)!.cells.slice(2);
    expect(row('GOOD')).toEqual(['0.00', '4,700.00', '0.00', '3,000.00', '0.00', '1,700.00']);
    expect(row('CASH')).toEqual(['50.00', '0.00', '50.00', '0.00', '0.00', '0.00']);
    expect(t.rows.at(-1)!.cells.slice(2)).toEqual(['849.90', '5,499.90', '50.00', '3,000.00', '0.00', '3,299.80']);
  });

  it('collection list: overdue customers by provision, with rep, days overdue and last receipt; top N from the config', () => {
    const t = tableWithHeader(tree(r), '最近收款日');
    expect(t.rows.map((x) => x.cells)).toEqual([
      ['客户GOOD', '陈静', '39', '', '17,000.00', '17,000.00', '1,700.00'],
      ['客户BAD', '李明', '81', '2026-02-10', '7,999.00', '7,999.00', '1,599.80'],
      ['合计', '', '', '', '24,999.00', '24,999.00', '3,299.80'],
    ]);
    const one = tableWithHeader(tree(r, ctx('zh-CN', { top_customers: 1 })), '最近收款日');
    expect(one.rows.map((x) => x.cells[0])).toEqual(['客户GOOD', '合计']);
  });

  it('the worked example lists its overdue customers, largest provision first', () => {
    const t = tableWithHeader(tree(workedExample()), '最近收款日');
    expect(t.rows.map((x) => x.cells[6])).toEqual(['12,000.00', '9,666.67', '7,095.00', '4,777.79', '123.45', '33,662.91']);
  });
});
