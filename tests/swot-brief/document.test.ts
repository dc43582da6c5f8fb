import type { Root } from 'mdast';
import { describe, expect, it } from 'vitest';
import { compose, createTemplateStore } from '../../src/compose/index.js';
import type { IsoDate } from '../../src/domain/dates.js';
import { STAGE_INFO, STYLE_INFO, ROLE_INFO } from '../../src/domain/method/index.js';
import { Decimal } from '../../src/domain/money.js';
import type { CustomerPaymentRecord } from '../../src/domain/receivables/types.js';
import { planSwotBrief } from '../../src/documents/swot-brief/index.js';
import type { PeopleMap, SwotGrid } from '../../src/tree/nodes.js';
import { briefContext, dealFromYaml, fixtureDeal } from './fixture.js';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { customerPaymentRecord } from '../../src/domain/receivables/index.js';
import { invoice, ledgerOf, payment } from '../receivables/build.js';
import { policy } from '../receivables/helpers.js';

const templates = createTemplateStore();

/** Every string a reader could see: text nodes, table cells, labels and items of custom nodes. */
function allText(node: unknown, out: string[] = []): string[] {
  if (typeof node === 'string') out.push(node);
  else if (Array.isArray(node)) for (const n of node) allText(n, out);
  else if (node && typeof node === 'object')
    for (const [k, v] of Object.entries(node)) if (k !== 'type' && k !== 'position' && k !== 'align') allText(v, out);
  return out;
}

function findNode<T extends { type: string }>(tree: Root, type: T['type']): T {
  const hit = tree.children.find((n) => n.type === type);
  if (!hit) throw new Error(`no ${type} node`);
  return hit as unknown as T;
}

const headings = (tree: Root) => tree.children.filter((n) => n.type === 'heading').map((h) => allText(h).join(''));

function build(name: 'rich-zh' | 'rich-en' | 'sparse-zh', payment?: CustomerPaymentRecord) {
  const deal = fixtureDeal(name);
  const plan = planSwotBrief(deal, briefContext(payment ? { payment } : {}));
  const tree = compose(plan, templates);
  return { deal, plan, tree, text: allText(tree).join('\n') };
}

describe('SWOT brief (zh-CN)', () => {
  const { deal, plan, tree, text } = build('rich-zh');

  it('is marked internal on every page, with the company and customer in the running header', () => {
    expect(plan.meta).toMatchObject({
      locale: 'zh-CN',
      header: { left: '深圳市科松电子有限公司', right: '内部资料 · 华新精密 销售简报' },
      banner: '内部资料 / 请勿外传',
      footer: { pageLabel: '第 {page} 页 / 共 {pages} 页', confidentiality: '内部资料 · 请勿外传' },
      orientation: 'portrait',
      brandColor: '#1F5FAF',
    });
  });

  it('has the nine sections in order but the payment record only with a ledger record', () => {
    expect(headings(tree).filter((h) => /^\d\. /.test(h))).toEqual([
      '0. 决策页',
      '1. 交易概况',
      '2. 信息完整度',
      '3. 人员图谱',
      '4. 需求树',
      '5. 竞争分析',
      '6. SWOT 分析',
      '7. 行动计划',
      '8. 机会评估（五个问题）',
    ]);
  });

  it('shows the quote value computed from the quote and where the deal stands', () => {
    expect(text).toContain('CNY 1,271,532.50');
    expect(text).toContain('1,125,250.00 / 146,282.50');
    expect(text).toContain('评估比较（竞争期）');
    expect(text).toContain(STAGE_INFO.evaluation.action['zh-CN']);
    expect(text).toContain(STAGE_INFO.evaluation.endsWhen['zh-CN']);
    expect(text).toContain('第 4 步 呈现价值');
  });

  it('shows every contact with role and style label, on the map and in the table', () => {
    const map = findNode<PeopleMap>(tree, 'peopleMap');
    expect(map.people).toHaveLength(deal.contacts.length);
    for (const c of deal.contacts) {
      const caption = `${ROLE_INFO[c.role!].label['zh-CN']} · ${STYLE_INFO[c.style!].label['zh-CN']}`;
      expect(map.people.find((p) => p.name === c.name)?.caption).toBe(caption);
      expect(text).toContain(c.name);
    }
    expect(map.people.find((p) => p.name === '张工')).toMatchObject({ guide: true, attitude: 'supporter', influence: 'medium' });
    expect(text).toContain('猫头鹰型：张工');
    expect(text).toContain(STYLE_INFO.wolf.advice.commitment['zh-CN']);
  });

  it('draws the need tree with SKUs resolved to the quote item names', () => {
    const tree4 = findNode<{ type: 'needTree'; problems: { products: string[]; criteria: string[] }[] }>(tree, 'needTree');
    expect(tree4.problems[0].products).toEqual(['在线 3D AOI 检测设备']);
    expect(tree4.problems[0].criteria).toContain('交期 ≤ 8 周');
  });

  it('shows every competitor and compares it with us per criterion', () => {
    for (const c of deal.competitors) expect(headings(tree)).toContain(c.name);
    expect(text).toContain('低价切入、耗材盈利');
    expect(text).toContain('对方弱项：交期 16 周');
    expect(text).toContain('深圳 4 小时到场');
  });

  it('fills the four SWOT quadrants: own items first, derived ones with their source', () => {
    const grid = findNode<SwotGrid>(tree, 'swotGrid');
    expect(grid.labels).toMatchObject({ strengths: '优势 S', weaknesses: '劣势 W', opportunities: '机会 O', threats: '威胁 T' });
    expect(grid.strengths[0]).toEqual({ text: '深圳本地团队，4 小时到场' });
    const opportunity = grid.opportunities.find((o) => o.text.includes('交期 16 周'));
    expect(opportunity?.text).toContain('交期 ≤ 8 周');
    expect(opportunity?.source).toBe('某国际品牌弱项 · 交期 ≤ 8 周');
    expect(grid.threats.some((t) => t.text.includes('检出率行业领先') && t.source)).toBe(true);
    expect(grid.threats.some((t) => t.text.includes('刘经理'))).toBe(true);
    for (const q of ['strengths', 'weaknesses', 'opportunities', 'threats'] as const) for (const i of grid[q]) expect(text).toContain(i.text);
  });

  it('lists the deal actions first and the suggested ones after', () => {
    const i = text.indexOf('安排王总参观东莞标杆客户产线');
    expect(i).toBeGreaterThan(0);
    expect(text.indexOf(STAGE_INFO.evaluation.action['zh-CN'], i)).toBeGreaterThan(i);
    expect(text).not.toContain('制定应对措施：客户对国产设备稳定性有顾虑');
  });

  it('gives each qualification answer and the verdict', () => {
    for (const a of Object.values(deal.qualification)) expect(text).toContain(a);
    expect(tree.children.some((n) => n.type === 'callout' && n.tone === 'success' && n.title === '结论：合格')).toBe(true);
  });

  it('puts the gaps in a warning box', () => {
    const box = tree.children.find((n) => n.type === 'callout' && n.tone === 'warning');
    expect(box && allText(box).join('')).toContain('刘经理 影响力大但反对我们');
  });
});

describe('SWOT brief of a sparse deal', () => {
  const { tree, text } = build('sparse-zh');

  it('says prominently what is missing', () => {
    const box = tree.children.find((n) => n.type === 'callout' && n.tone === 'warning');
    const gaps = box ? allText(box).join('\n') : '';
    for (const g of ['没有已知的评估者', '没有已知的决策者', '客户内部没有向导', '没有记录任何竞争对手', '需求「测试节拍慢」没有采购标准', '五个问题之“预算”没有答案']) expect(gaps).toContain(g);
  });

  it('draws a contact whose influence and attitude are unknown in the middle, and says so', () => {
    expect(findNode<PeopleMap>(tree, 'peopleMap').people).toEqual([
      { name: '周工', caption: '使用者 · 风格未知 · 位置待核实', influence: 'medium', attitude: 'neutral', guide: false },
    ]);
  });

  it('gives unknown answers and a not-qualified verdict', () => {
    expect(text.match(/未知/g)?.length).toBeGreaterThanOrEqual(5);
    expect(tree.children.some((n) => n.type === 'callout' && n.tone === 'danger' && n.title === '结论：不合格')).toBe(true);
    expect(text).toContain('尚未记录任何竞争对手。');
  });
});

describe('SWOT brief (en)', () => {
  const { plan, tree, text } = build('rich-en');

  it('uses English labels throughout', () => {
    expect(plan.meta).toMatchObject({
      header: { left: 'Shenzhen Kesong Electronics Co., Ltd.', right: 'Internal — Mekong Assembly sales brief' },
      banner: 'Internal — do not forward',
      footer: { pageLabel: 'Page {page} of {pages}' },
    });
    expect(headings(tree)).toEqual(expect.arrayContaining(['1. Deal at a glance', '2. Information completeness', '6. SWOT', '8. Qualification (the five questions)']));
    expect(findNode<SwotGrid>(tree, 'swotGrid').labels).toMatchObject({ strengths: 'Strengths', threats: 'Threats' });
    expect(findNode<PeopleMap>(tree, 'peopleMap').people.map((p) => p.caption)).toEqual(['Decision maker · Wolf', 'Evaluator · Owl', 'Initiator · Peacock']);
    expect(text).toContain(STAGE_INFO.procurement_design.action.en);
    // Only the rep's own data may be Chinese in an English brief; none is here.
    expect(text).not.toMatch(/[\u4e00-\u9fff]/);
    // Curly quotes take a full-width glyph in the CJK font: English text uses straight ones.
    expect(text).not.toMatch(/[“”‘’]/);
  });

  it('reports the expired quote, the missing budget and the verdict in English', () => {
    expect(text).toContain('The quote expired on 2026-10-31');
    expect(text).toContain('Budget\nunknown');
    expect(tree.children.some((n) => n.type === 'callout' && n.tone === 'danger' && n.title === 'Verdict: not qualified')).toBe(true);
  });
});

describe('payment record', () => {
  const record: CustomerPaymentRecord = {
    customerId: 'C-1001',
    asOf: '2026-10-31' as IsoDate,
    outstanding: new Decimal('350000'),
    overdue: new Decimal('120000.5'),
    provision: new Decimal('12000.05'),
    averageDaysLate: 12.25,
    paidInvoices: 4,
    byBucket: [
      { bucket: 'not_due', minDays: -100000, maxDays: 0, rate: new Decimal(0), balance: new Decimal('229999.5'), provision: new Decimal(0), count: 2 },
      { bucket: 'd31_60', minDays: 31, maxDays: 60, rate: new Decimal('0.1'), balance: new Decimal('120000.5'), provision: new Decimal('12000.05'), count: 1 },
      { bucket: 'over_90', minDays: 91, rate: new Decimal('0.5'), balance: new Decimal(0), provision: new Decimal(0), count: 0 },
    ],
  };

  it('adds section 9 with outstanding, overdue by bucket, provision and average days late', () => {
    const { tree, text } = build('rich-zh', record);
    expect(headings(tree)).toContain('9. 回款记录');
    for (const s of ['350,000.00', '120,000.50', '12,000.05', '12.3 天', '未到期', '逾期 31–60 天', '逾期 90 天以上', '10%', '2026年10月31日']) expect(text).toContain(s);
  });
});

describe('payment record from the receivables computation', () => {
  it('shows what customerPaymentRecord computes for the customer', () => {
    const ledger = ledgerOf({
      invoices: [
        invoice({ no: 'P1', customer: 'C-1001', date: '2026-02-01', due: '2026-03-01', amount: '1000.00' }),
        invoice({ no: 'P4', customer: 'C-1001', date: '2026-07-01', due: '2026-08-01', amount: '4000.00' }),
      ],
      payments: [payment('R1', '2026-03-11', '1000.00', { invoice: 'P1' })],
    });
    const record = customerPaymentRecord(ledger, policy(), 'C-1001', '2026-10-31' as IsoDate);
    const { text } = build('rich-zh', record);
    // P4 is 91 days overdue: 50% of 4,000.00; P1 was paid 10 days late.
    for (const s of ['4,000.00', '2,000.00', '10 天', '逾期 90 天以上', '50%', '逾期 1–30 天']) expect(text).toContain(s);
  });
});

describe('deal values print literally', () => {
  it('does not read Markdown in a customer name or a criterion', () => {
    const yaml = readFileSync(fileURLToPath(new URL('./fixtures/sparse-zh.yaml', import.meta.url)), 'utf8').replace('name: 东莞某电源有限公司', 'name: "A | B *Co* # [x](y)"');
    const deal = dealFromYaml(yaml);
    const tree = compose(planSwotBrief(deal, briefContext()), templates);
    expect(headings(tree)[0]).toBe('A | B *Co* # [x](y) 销售简报');
  });
});
