import { describe, expect, it } from 'vitest';
import { compose, createTemplateStore } from '../../src/compose/index.js';
import { Decimal } from '../../src/domain/money.js';
import { planProvisionReport, provisionReportChecks } from '../../src/documents/provision-report/index.js';
import { ctx, reversalExample, workedExample } from './fixture.js';
import { assertFoots, barCharts, callouts, dataTables, parseFigure, tableWithHeader, textOf } from './tree-helpers.js';

const store = createTemplateStore();
const build = (result = workedExample(), c = ctx()) => {
  const plan = planProvisionReport(result, c);
  return { plan, tree: compose(plan, store) };
};

describe('planProvisionReport: document plan', () => {
  it('names the template, landscape pages, running header and footer in Chinese by default', () => {
    const { plan } = build();
    expect(plan.template).toBe('provision-report');
    expect(plan.locale).toBe('zh-CN');
    expect(plan.meta.orientation).toBe('landscape');
    expect(plan.meta.header).toEqual({ left: '华芯电子科技有限公司', right: '应收账款坏账准备月报 2024-03-31' });
    expect(plan.meta.footer).toEqual({ pageLabel: '第 {page} 页 / 共 {pages} 页', confidentiality: '内部资料 · 请勿外传' });
    expect(plan.meta.created.toISOString()).toBe('2024-04-01T00:00:00.000Z');
    expect(plan.meta.brandColor).toBe('#1F5FAF');
  });

  it('switches every label to English when the locale is en', () => {
    const { plan, tree } = build(workedExample(), ctx('en'));
    expect(plan.meta.header).toEqual({ left: 'Huaxin Electronics Co., Ltd.', right: 'Receivables Provisioning Report 2024-03-31' });
    expect(plan.meta.footer).toEqual({ pageLabel: 'Page {page} of {pages}', confidentiality: 'Internal — do not forward' });
    const text = textOf(tree);
    expect(text).toContain('Aging and matrix provision');
    expect(text).toContain('Balance (CNY)');
    expect(text).toContain('Over 90 days');
    expect(text).toContain('"more than 30 days" excludes day 30');
    expect(text).not.toMatch(/账龄|坏账准备（元）|计提比例/);
  });
});

describe('planProvisionReport: figures of the worked example (RECEIVABLES-NOTES §6)', () => {
  it('aging table: bucket balances and provisions, matrix subtotal, 单项 and total', () => {
    const { tree } = build();
    const aging = tableWithHeader(tree, '占比');
    const row = (label: string) => aging.rows.find((r) => r.cells[0] === label)!.cells;
    expect(aging.columns.map((c) => c.label)).toEqual(['账龄区间', '笔数', '账面余额（元）', '占比', '计提比例', '坏账准备（元）', '账面价值（元）']);
    expect(row('未到期')).toEqual(['未到期', '1', '55,000.00', '17.1%', '0%', '0.00', '55,000.00']);
    expect(row('逾期1–30天').slice(2, 6)).toEqual(['100,000.00', '31.1%', '0%', '0.00']);
    expect(row('逾期31–60天').slice(2, 6)).toEqual(['102,184.50', '31.8%', '10%', '10,218.46']);
    expect(row('逾期61–90天').slice(2, 6)).toEqual(['48,888.88', '15.2%', '20%', '9,777.78']);
    expect(row('逾期超过90天').slice(2, 6)).toEqual(['3,333.33', '1.1%', '50%', '1,666.67']);
    expect(row('组合计提小计')).toEqual(['组合计提小计', '8', '309,406.71', '96.3%', '', '21,662.91', '287,743.80']);
    expect(row('单项计提')).toEqual(['单项计提', '1', '12,000.00', '3.7%', '', '12,000.00', '0.00']);
    expect(row('合计')).toEqual(['合计', '9', '321,406.71', '100.0%', '', '33,662.91', '287,743.80']);
    expect(aging.columns.map((c) => c.align)).toEqual(['left', 'right', 'right', 'right', 'right', 'right', 'right']);
  });

  it('the rounding note shows bucket × rate (10,218.45) against the sum of rounded lines (10,218.46)', () => {
    const text = textOf(build().tree);
    expect(text).toContain('逾期31–60天：余额 × 比例 = 10,218.45，逐笔四舍五入之和 = 10,218.46');
  });

  it('summary: total, overdue, opening, charge 7,662.91, closing 33,662.91, net 287,743.80', () => {
    const summary = tableWithHeader(build().tree, '项目');
    expect(summary.rows.map((r) => r.cells)).toEqual([
      ['应收账款余额', '321,406.71'],
      ['其中：已逾期', '266,406.71'],
      ['坏账准备期初余额', '30,000.00'],
      ['本期计提', '7,662.91'],
      ['坏账准备期末余额', '33,662.91'],
      ['应收账款账面价值', '287,743.80'],
    ]);
  });

  it('movement: amounts positive under 加/减 labels (one sign convention), closing = the signed sum', () => {
    const movement = dataTables(build().tree).find((t) => t.rows.some((r) => r.cells[0] === '期初余额'))!;
    expect(movement.rows.map((r) => r.cells)).toEqual([
      ['期初余额', '30,000.00'],
      ['加：本期计提', '7,662.91'],
      ['减：本期转回', '0.00'],
      ['减：本期核销', '5,000.00'],
      ['加：核销后收回', '1,000.00'],
      ['期末余额', '33,662.91'],
    ]);
    expect(movement.rows.at(-1)!.kind).toBe('total');
    expect(textOf(build().tree)).toContain('期初 30,000.00 + 计提 7,662.91 − 转回 0.00 − 核销 5,000.00 + 收回 1,000.00 = 期末 33,662.91，相符。');
  });

  it('journal: provision, write-off and the two recovery entries with 借/贷 and accounts', () => {
    const journal = tableWithHeader(build().tree, '借/贷');
    expect(journal.rows.map((r) => r.cells)).toEqual([
      ['① 计提坏账准备', '借', '信用减值损失', '7,662.91'],
      ['', '贷', '坏账准备', '7,662.91'],
      ['② 核销坏账', '借', '坏账准备', '5,000.00'],
      ['', '贷', '应收账款', '5,000.00'],
      ['③ 收回已核销款项：恢复应收', '借', '应收账款', '1,000.00'],
      ['', '贷', '坏账准备', '1,000.00'],
      ['③ 收回已核销款项：收款', '借', '银行存款', '1,000.00'],
      ['', '贷', '应收账款', '1,000.00'],
      ['④ 汇兑损益（外币应收款）', '借', '财务费用—汇兑损益', '50.00'],
      ['', '贷', '应收账款', '50.00'],
    ]);
    expect(textOf(build().tree)).toContain('外币应收款按截止日汇率重估 (50.00)，本期收款结算差额 0.00，合计汇兑损失 50.00');
  });

  it('a reversal month prints 本期转回 and 借 坏账准备 / 贷 信用减值损失', () => {
    const { tree } = build(reversalExample());
    expect(tableWithHeader(tree, '项目').rows[3].cells).toEqual(['本期转回', '3,000.00']);
    const journal = tableWithHeader(tree, '借/贷');
    expect(journal.rows.slice(0, 2).map((r) => r.cells)).toEqual([
      ['① 转回坏账准备', '借', '坏账准备', '3,000.00'],
      ['', '贷', '信用减值损失', '3,000.00'],
    ]);
    expect(textOf(tree)).toContain('本期转回 3,000.00 元');
  });

  it('detail: one row per open invoice with days, bucket, currency, FX rate, CNY balance, rate and provision', () => {
    const detail = tableWithHeader(build().tree, '逾期天数');
    const row = (no: string) => detail.rows.find((r) => r.cells[2] === no)!.cells;
    expect(row('INV-007')).toEqual([
      'Pacific Components Ltd.', '李娜', 'INV-007', '2024-01-15', '2024-02-14', '46', '逾期31–60天', 'USD', '10,000.00', '7.0950', '70,950.00', '10%', '7,095.00', '',
    ]);
    expect(row('INV-001').slice(5, 7)).toEqual(['30', '逾期1–30天']);
    expect(row('INV-002').slice(5, 7)).toEqual(['31', '逾期31–60天']);
    expect(row('INV-003').slice(10, 13)).toEqual(['30,000.05', '10%', '3,000.01']);
    expect(row('INV-006').slice(10, 13)).toEqual(['3,333.33', '50%', '1,666.67']);
    expect(row('INV-008').slice(5, 7)).toEqual(['-19', '未到期']);
    expect(row('INV-010').slice(6)).toEqual(['单项计提', 'CNY', '12,000.00', '1.0000', '12,000.00', '100%', '12,000.00', '单项：质量争议']);
    expect(detail.rows.at(-1)!.cells[10]).toBe('321,406.71');
    expect(detail.rows.at(-1)!.cells[12]).toBe('33,662.91');
    expect(detail.dense).toBe(true);
  });

  it('per-rep schedule: each rep a band, their customers, a subtotal = sum of those rows', () => {
    const reps = dataTables(build().tree).find((t) => t.rows.some((r) => r.kind === 'group'))!;
    const kinds = reps.rows.map((r) => `${r.kind}:${r.cells[0]}`);
    expect(kinds).toEqual([
      'group:张伟', 'normal:华新精密制造有限公司', 'normal:苏州恒达电子有限公司', 'subtotal:张伟 小计',
      'group:李娜', 'normal:东莞立信科技有限公司', 'normal:Pacific Components Ltd.', 'subtotal:李娜 小计',
      'group:王芳', 'normal:宁波海曙仪表有限公司', 'normal:深圳讯达通信有限公司', 'subtotal:王芳 小计',
      'total:合计',
    ]);
    const provisionCol = reps.columns.findIndex((c) => c.label === '坏账准备（元）');
    expect(reps.rows.filter((r) => r.kind === 'subtotal').map((r) => r.cells[provisionCol])).toEqual(['4,901.24', '16,761.67', '12,000.00']);
    expect(reps.rows.at(-1)!.cells[provisionCol]).toBe('33,662.91');
  });

  it('per-customer schedule: bucket columns foot to the aging table, 单项 in its own column', () => {
    const customers = tableWithHeader(build().tree, '客户编号');
    expect(customers.columns.map((c) => c.label)).toEqual([
      '客户编号', '客户', '账面余额（元）', '未到期（元）', '逾期1–30天（元）', '逾期31–60天（元）', '逾期61–90天（元）', '逾期超过90天（元）', '单项计提（元）', '逾期合计（元）', '坏账准备（元）',
    ]);
    expect(customers.rows.at(-1)!.cells.slice(2)).toEqual([
      '321,406.71', '55,000.00', '100,000.00', '102,184.50', '48,888.88', '3,333.33', '12,000.00', '266,406.71', '33,662.91',
    ]);
  });

  it('every total and subtotal row in every table equals the sum of the printed rows above it', () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      for (const result of [workedExample(), reversalExample()]) {
        const tables = dataTables(build(result, ctx(locale)).tree);
        expect(tables.length).toBe(12);
        const checked = tables.map(assertFoots).reduce((a, b) => a + b, 0);
        expect(checked).toBeGreaterThan(50);
      }
    }
  });

  it('the footing check catches a total that is not the sum of its rows', () => {
    const aging = tableWithHeader(build().tree, '占比');
    const broken = { ...aging, rows: aging.rows.map((r) => (r.kind === 'total' ? { ...r, cells: r.cells.map((c, i) => (i === 5 ? '33,662.90' : c)) } : r)) };
    expect(() => assertFoots(broken)).toThrow(/printed 33,662.90, rows above sum to 33662.91/);
  });

  it('aging bar chart: one bar per bucket plus 单项, amount and share printed, shares add to 100%', () => {
    const [chart] = barCharts(build().tree);
    expect(chart.unit).toBe('元');
    expect(chart.bars.map((b) => b.label)).toEqual(['未到期', '逾期1–30天', '逾期31–60天', '逾期61–90天', '逾期超过90天', '单项计提']);
    expect(chart.bars[2]).toEqual({ label: '逾期31–60天', value: 102184.5, display: '102,184.50（31.8%）' });
    const shares = chart.bars.map((b) => parseFigure(/（(.*)）/.exec(b.display)![1])!);
    expect(shares.reduce((a, b) => a.plus(b), new Decimal(0)).toFixed(1)).toBe('100.0');
  });

  it('the header states the policy, the boundary rule, the FX rate used and the sources', () => {
    const text = textOf(build().tree);
    expect(text).toContain('逾期天数 = 截止日 − 到期日；超过 30 天不含 30 天');
    expect(text).toContain('逾期超过 30 天按 10% 计提，逾期超过 60 天按 20% 计提，逾期超过 90 天按 50% 计提');
    expect(text).toContain('折算汇率：USD 7.0950（2024-03-31）');
    expect(text).toContain('data/receivables/invoices.csv');
    expect(text).toContain('报告期间：2024年3月1日 至 2024年3月31日');
    expect(text).toContain('截至2024年3月31日，应收账款余额 321,406.71 元，其中已逾期 266,406.71 元（占 82.9%）');
    const inclusive = textOf(build(workedExample(), ctx('zh-CN', { boundary_inclusive: 'true' })).tree);
    expect(inclusive).toContain('超过 30 天含 30 天');
  });

  it('exceptions list credit balances, unapplied cash, 单项 items, write-offs, recoveries and post-dated items', () => {
    const ex = tableWithHeader(build().tree, '类别');
    expect(ex.rows.map((r) => [r.cells[0], r.cells[2], r.cells[6]])).toEqual([
      ['贷方余额', 'RCV-F01', '8,000.00'],
      ['未指定发票的收款', 'RCV-E01', '5,000.00'],
      ['未指定发票的收款', 'RCV-F01', '8,000.00'],
      ['单项计提', 'INV-010', '12,000.00'],
      ['本期核销', 'INV-H01', '5,000.00'],
      ['核销后收回', 'INV-J01', '1,000.00'],
      ['截止日后单据', '', ''],
    ]);
    expect(ex.rows[0].cells[7]).toContain('预收款项');
  });

  it('prints "no exceptions" when there are none', () => {
    const r = workedExample();
    r.credits = [];
    r.unappliedCash = [];
    r.lines = r.lines.map(({ specific: _s, ...x }) => x);
    r.periodAdjustments = [];
    r.excluded = { invoicesAfterAsOf: 0, paymentsAfterAsOf: 0 };
    const { tree } = build(r);
    expect(dataTables(tree).some((t) => t.columns.some((c) => c.label === '类别'))).toBe(false);
    expect(textOf(tree)).toContain('本期无例外事项。');
  });

  it('the reconciliation line states detail = buckets = summary with the figures', () => {
    const { tree } = build();
    const last = callouts(tree).at(-1)!;
    expect(last.tone).toBe('success');
    expect(textOf(last)).toBe(
      '账面余额：明细合计 321,406.71 = 账龄合计 321,406.71 = 汇总 321,406.71；坏账准备：明细合计 33,662.91 = 账龄合计 33,662.91 = 汇总 33,662.91。核对相符。',
    );
    expect(callouts(tree).some((c) => c.tone === 'danger')).toBe(false);
  });

  it('a mismatch is flagged loudly at the top and in the reconciliation section', () => {
    const r = workedExample();
    r.totals = { ...r.totals, provision: new Decimal('33662.90') };
    const { tree } = build(r);
    const first = tree.children[0];
    expect(first.type).toBe('callout');
    expect((first as { tone: string }).tone).toBe('danger');
    const text = textOf(first);
    expect(text).toContain('核对不符');
    expect(text).toContain('账龄合计与汇总 · 坏账准备：33,662.91 ≠ 33,662.90（差异 0.01）');
    expect(callouts(tree).at(-1)!.tone).toBe('danger');
    expect(provisionReportChecks(r, ctx()).reconciled).toBe(false);
    expect(provisionReportChecks(workedExample(), ctx())).toEqual({ reconciled: true, mismatches: [] });
  });

  it('a bucket subtotal that does not foot to its lines is caught by the detail check', () => {
    const r = workedExample();
    r.buckets[2] = { ...r.buckets[2], provision: new Decimal('10218.45') }; // bucket × rate instead of Σ lines
    const text = textOf(build(r).tree);
    expect(text).toContain('明细合计与账龄合计 · 坏账准备：33,662.91 ≠ 33,662.90（差异 0.01）');
  });

  it('under 小企业会计准则: no provision entry, a risk-estimate title and the framework note', () => {
    const { plan, tree } = build(workedExample(), ctx('zh-CN', { framework: 'small' }));
    expect(plan.meta.header.right).toBe('应收账款坏账风险估计月报 2024-03-31');
    const journal = tableWithHeader(tree, '借/贷');
    const accounts = journal.rows.map((r) => r.cells[2]);
    expect(accounts).not.toContain('信用减值损失');
    expect(accounts).not.toContain('坏账准备');
    expect(journal.rows.map((r) => r.cells)).toEqual([
      ['② 核销坏账', '借', '营业外支出', '5,000.00'],
      ['', '贷', '应收账款', '5,000.00'],
      ['③ 收回已核销款项：收款', '借', '银行存款', '1,000.00'],
      ['', '贷', '营业外收入', '1,000.00'],
      ['④ 汇兑损益（外币应收款）', '借', '财务费用—汇兑损益', '50.00'],
      ['', '贷', '应收账款', '50.00'],
    ]);
    const note = callouts(tree).find((c) => c.tone === 'warning')!;
    expect(textOf(note)).toContain('小企业会计准则：不设坏账准备');
  });

  it('values print literally: a customer called `A | B *Co*` stays one cell, and the company name is not Markdown', () => {
    const r = workedExample();
    r.byCustomer[0] = { ...r.byCustomer[0], name: 'A | B *Co*' };
    const c = ctx();
    c.company = { name: '# 华芯 *电子*' };
    const { tree } = build(r, c);
    expect(tableWithHeader(tree, '客户编号').rows[0].cells[1]).toBe('A | B *Co*');
    expect(tree.children.filter((n) => n.type === 'heading' && n.depth === 1)).toHaveLength(1);
    expect(textOf(tree)).toContain('# 华芯 *电子* · 2024年3月31日');
  });
});
