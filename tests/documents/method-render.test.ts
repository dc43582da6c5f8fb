/**
 * Derivations of the method on deals written for the purpose, read back from the rendered PDF
 * and DOCX: gaps that say "未知", an opponent in a buying role, the action plan a rep would
 * write (at most 8 suggestions, each owned and dated, worded for the stage), catalogue lines
 * with overrides and a discount below the floor, a credit-risk customer's brief.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compose, createTemplateStore } from '../../src/compose/index.js';
import { parseCatalog } from '../../src/data/catalog.js';
import type { Deal } from '../../src/data/deal-schema.js';
import { assessDeal, MAX_SUGGESTED } from '../../src/domain/method/index.js';
import { Decimal } from '../../src/domain/money.js';
import { planSwotBrief, type SwotBriefContext } from '../../src/documents/swot-brief/index.js';
import { renderDocx } from '../../src/writers/docx/index.js';
import { renderPdf } from '../../src/writers/pdf/index.js';
import { docxText } from '../helpers/extract.js';
import { briefContext, dealFromYaml, DOC_DATE } from '../swot-brief/fixture.js';
import { need } from '../helpers/prereqs.js';

// These tests read the PDFs with poppler's pdftotext: without it, fail here with the package to install.
need('poppler');

const squash = (s: string) => s.replace(/\s+/g, '');
const dir = mkdtempSync(join(tmpdir(), 'dealdoc-method-'));
let n = 0;

async function render(deal: Deal, ctx: Partial<SwotBriefContext> = {}): Promise<{ pdf: string; page1: string; docx: string }> {
  const plan = planSwotBrief(deal, briefContext(ctx));
  const tree = compose(plan, createTemplateStore());
  const [pdf, docx] = await Promise.all([renderPdf(tree, plan.meta, { assetRoots: [] }), renderDocx(tree, plan.meta, { assetRoots: [] })]);
  const f = join(dir, `${n++}.pdf`);
  writeFileSync(f, pdf);
  const text = (args: string[]) => squash(execFileSync('pdftotext', [...args, '-enc', 'UTF-8', f, '-'], { encoding: 'utf8' }));
  return { pdf: text([]), page1: text(['-f', '1', '-l', '1']), docx: squash(docxText(docx)) };
}

const CATALOG = parseCatalog(
  `currency: CNY
items:
  - sku: KS-AOI
    name: { zh: 在线 AOI, en: Inline AOI }
    unit: { zh: 台, en: set }
    list_price: 100000
    max_discount: 0.08
    specs:
      - { criterion: false_call_rate, value: { zh: 误报率 ≤ 0.25%（目录规格）, en: False calls ≤ 0.25% }, proof: 实验室报告 TR-9 }
`,
  'catalog.yaml',
).catalog!;

const DEAL = `
locale: zh-CN
title: 测试项目
rep: { name: 李明 }
customer: { name: 测试客户, industry: 未知, scale: 100 人, situation: [人工目检], organization: [{ department: 生产部, head: 不详 }] }
contacts:
  - { name: 王总, role: decision_maker, influence: high, attitude: supporter, style: wolf, personal: { family: 未知, education: unknown, hometown: "?" } }
  - { name: 周经理, title: 采购经理, role: evaluator, influence: medium, attitude: opponent, style: chameleon, guide: false }
  - { name: 张工, role: designer, influence: medium, attitude: supporter, style: owl, guide: true }
competitors:
  - name: 对手A
    strengths: [{ point: 检出率行业领先, criterion: 检出率 ≥ 99.5% }]
    weaknesses: [{ point: 误报率 1.5%, criterion: false_call_rate }, { point: 交期 16 周, criterion: 交期 ≤ 8 周 }]
    tactics: 低价
    comparison: [{ criterion: 误报率 ≤ 0.3%, them: 约 1.5%, advantage: us }]
  - name: 对手B
    strengths: [{ point: 价格低 15%, criterion: 交期 ≤ 8 周 }]
    weaknesses: [{ point: 无本地服务, criterion: 检出率 ≥ 99.5% }]
    tactics: 以旧换新
needs:
  goal: 提升直通率
  problems:
    - problem: 漏检
      solution: 3D AOI
      products: [KS-AOI]
      criteria: [检出率 ≥ 99.5%, { criterion: 误报率 ≤ 0.3%, key: false_call_rate }, { criterion: 交期 ≤ 8 周, response: 45 天交付 }]
    - { problem: 培训慢, solution: 现场培训 }
    - { problem: 数据分散, solution: MES }
qualification: { budget: 150 万元, timeline: 未知, fit: 3D 检测, cost_risk: 3-6-1, path_to_order: 技术评分 }
stage: STAGE
next_steps: [{ step: 技术交流, date: 2026-11-20, owner: 李明 }, { step: 演示, date: 2026-11-27 }]
quote:
  items:
    - { sku: KS-AOI, qty: 2, discount: 0.12 }
    - { sku: KS-AOI, name: 在线 AOI（特价）, qty: 1, unit_price: 95000 }
  payment_terms: 30% 预付，70% 验收后
  valid_until: 2026-11-25
`;
const deal = (stage = 'evaluation') => dealFromYaml(DEAL.replace('STAGE', stage));

describe('gaps and people', () => {
  it('counts "未知", "unknown", "?" and "不详" as missing, and an opponent in a buying role as a gap and a weakness', async () => {
    const r = await render(deal());
    for (const text of [r.pdf, r.docx]) {
      expect(text).toContain(squash('决策者 王总 的个人信息未知'));
      expect(text).toContain(squash('客户行业或规模未填写'));
      expect(text).toContain(squash('部门负责人未知：生产部'));
      expect(text).toContain(squash('五个问题之“采购时间”没有答案'));
      expect(text).toContain(squash('【高】周经理（评估者）反对我们'));
      expect(text).toContain(squash('支持者：决策者 王总、设计者 张工；反对者：评估者 周经理'));
      // Weakness quadrant: the opponent with its source.
      expect(text).toContain(squash('周经理（采购经理，评估者）反对我们人员图谱'));
    }
  });
});

describe('the action plan a rep would write', () => {
  it('suggests at most 8 actions, deduplicated, each with the rep as owner and a due date before the next step and within the quote', () => {
    const a = assessDeal(deal(), DOC_DATE).actions;
    expect(a.length).toBeLessThanOrEqual(MAX_SUGGESTED);
    expect(new Set(a.map((x) => x.action['zh-CN'])).size).toBe(a.length);
    for (const x of a) {
      expect(x.owner).toBe('李明');
      expect(x.due! >= DOC_DATE && x.due! <= '2026-11-25').toBe(true);
    }
    // One answer per competitor, not one per point.
    expect(a.filter((x) => x.action['zh-CN'].startsWith('演示时用实测数据证明')).length).toBe(2);
  });
  it('prints them in the brief with owner and due date, and words them for the stage', async () => {
    const r = await render(deal('commitment'));
    expect(r.pdf).toContain(squash('谈判时以「误报率 ≤ 0.3%」「交期 ≤ 8 周」上的优势守住价格，不以降价换单（对手A）'));
    expect(r.pdf).not.toContain('演示时用实测数据证明');
    const plan = r.pdf.slice(r.pdf.indexOf('7.行动计划'));
    expect(plan).not.toContain(squash('与设计者确认这一需求的采购标准'));
    expect(r.pdf).toMatch(/谈判时以.{0,80}李明2026-11-\d\d/);
  });
});

describe('catalogue in the brief', () => {
  it('answers a keyed criterion with the catalogue spec in "Us", flags the discount below the floor and notes the override', async () => {
    const r = await render(deal(), { catalog: CATALOG });
    expect(r.pdf).toContain(squash('误报率 ≤ 0.3%误报率 ≤ 0.25%（目录规格）（实验室报告 TR-9）目录 KS-AOI'));
    expect(r.pdf).toContain(squash('检出率 ≥ 99.5%—缺：无应对、无目录规格'));
    expect(r.page1).toContain(squash('KS-AOI 100,000.00 8% 92,000.00 88,000.00 (−12%) 需审批'));
    expect(r.page1).toContain(squash('KS-AOI: −12% > 8%'));
    expect(r.pdf).toContain(squash('与目录不同（以交易文件为准）：KS-AOI: 名称 在线 AOI（特价） ≠ 在线 AOI, 单价 95,000.00 ≠ 100,000.00'));
    // The comparison row without our figure takes the catalogue's.
    expect(r.pdf).toContain(squash('误报率 ≤ 0.3%误报率 ≤ 0.25%（目录规格）约 1.5%'));
    // …and so does the strength derived from it.
    expect(r.pdf).toContain(squash('「误报率 ≤ 0.3%」领先 对手A（我方：误报率 ≤ 0.25%（目录规格）；对方：约 1.5%）'));
  });
});

describe('a credit-risk customer', () => {
  const record = {
    customerId: 'C-9',
    asOf: DOC_DATE,
    outstanding: new Decimal('722951.40'),
    overdue: new Decimal('722951.40'),
    provision: new Decimal('361475.70'),
    averageDaysLate: 61.25,
    paidInvoices: 3,
    byBucket: [
      { bucket: 'not_due', minDays: -100000, maxDays: 0, rate: new Decimal(0), balance: new Decimal(0), provision: new Decimal(0), count: 0 },
      { bucket: '>90', minDays: 91, rate: new Decimal('0.5'), balance: new Decimal('722951.40'), provision: new Decimal('361475.70'), count: 4 },
    ],
  };
  it('shows the risk, the collection action and the at-risk verdict on page 1, and a threat in the SWOT', async () => {
    const r = await render(deal(), { payment: record });
    for (const s of ['结论：有风险', '回款风险：¥722,951.40 逾期未收，先收回欠款再谈新条件', '回款状况：回款风险', '未收：¥722,951.40', '逾期 90 天以上 ¥722,951.40', '坏账准备：¥361,475.70', '已结清发票平均晚付：61.3 天', '先收回逾期货款 ¥722,951.40，再谈新的付款条件'])
      expect(r.page1).toContain(squash(s));
    expect(r.pdf).toContain(squash('测试客户回款风险：未收 ¥722,951.40，其中¥722,951.40 逾期超过 90 天，坏账准备 ¥361,475.70'));
  });
  it('does not call a customer with a small, recent overdue a risk', async () => {
    const small = { ...record, overdue: new Decimal('1000'), provision: new Decimal('100'), byBucket: [{ ...record.byBucket[1], minDays: 31, maxDays: 60, balance: new Decimal('1000') }] };
    const r = await render(deal(), { payment: small });
    expect(r.page1).toContain(squash('回款状况：回款正常'));
    expect(r.page1).not.toContain('先收回逾期货款');
  });
});
