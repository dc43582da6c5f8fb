import { describe, expect, it } from 'vitest';
import type { Deal } from '../../src/data/deal-schema.js';
import type { IsoDate } from '../../src/domain/dates.js';
import {
  buildSwot,
  deriveSwot,
  findGaps,
  planActions,
  qualify,
  STAGE_INFO,
  STAGE_ORDER,
  STYLE_INFO,
  assessDeal,
} from '../../src/domain/method/index.js';
import { dealFromYaml, DOC_DATE, fixtureDeal } from './fixture.js';

/** A small deal in evaluation with every qualification answer; tests change one thing at a time. */
const BASE = `
locale: zh-CN
title: 测试项目
rep: { name: 李明 }
customer: { name: 测试客户, industry: 电子, scale: 100 人, situation: [人工目检], organization: [{ department: 生产部, head: 张工 }] }
contacts:
  - { name: 王总, role: decision_maker, influence: high, attitude: supporter, style: wolf, personal: { age: 50 } }
  - { name: 张工, role: evaluator, influence: medium, attitude: supporter, style: owl, guide: true }
  - { name: 陈工, role: designer, influence: low, attitude: neutral, style: koala }
  - { name: 赵工, role: initiator, influence: low, attitude: neutral, style: peacock }
  - { name: 小李, role: user, influence: low, attitude: supporter, style: koala }
competitors:
  - { name: 对手A, strengths: [{ point: 检出率行业领先, criterion: 检出率 ≥ 99.5% }], weaknesses: [{ point: 交期 16 周, criterion: 交货期 ≤ 8 周 }, 外观设计一般], tactics: 低价 }
needs:
  goal: 提升直通率
  problems:
    - { problem: 漏检, solution: 3D AOI, products: [KS-1], criteria: [检出率 ≥ 99.5%, 交货期 ≤ 8 周] }
qualification: { budget: 150 万元, timeline: 12 月, fit: 3D 检测, cost_risk: 3-6-1, path_to_order: 技术评分 }
stage: evaluation
quote: { items: [{ sku: KS-1, name: 3D AOI, qty: 1, unit_price: "100" }], valid_until: 2026-12-31 }
`;

const base = (): Deal => dealFromYaml(BASE);
const edit = (change: (d: Deal) => void): Deal => {
  const d = base();
  change(d);
  return d;
};

describe('SWOT derivation', () => {
  it('turns a competitor weakness on a criterion the customer named into an opportunity with its source', () => {
    const { opportunities } = deriveSwot(base());
    expect(opportunities).toHaveLength(1);
    expect(opportunities[0].origin).toBe('competitor_weakness');
    expect(opportunities[0].text['zh-CN']).toContain('对手A：交期 16 周');
    expect(opportunities[0].text['zh-CN']).toContain('交货期 ≤ 8 周');
    // Compact provenance: who, what kind, which criterion.
    expect(opportunities[0].source?.['zh-CN']).toBe('对手A弱项 · 交货期 ≤ 8 周');
    expect(opportunities[0].source?.en).toBe('对手A weakness · 交货期 ≤ 8 周');
  });
  it('ignores a competitor weakness no named criterion speaks to', () => {
    expect(deriveSwot(base()).opportunities.some((o) => o.text['zh-CN'].includes('外观设计'))).toBe(false);
  });
  it('turns a competitor strength on a named criterion into a threat', () => {
    const threats = deriveSwot(base()).threats;
    expect(threats.map((t) => t.origin)).toEqual(['competitor_strength']);
    expect(threats[0].text['zh-CN']).toContain('检出率行业领先');
    expect(threats[0].source?.['zh-CN']).toBe('对手A优势 · 检出率 ≥ 99.5%');
  });
  it('never guesses from words: an untagged point, or a tag naming no criterion, derives nothing', () => {
    const d = edit((x) => {
      x.competitors[0].strengths = ['检出率行业领先', { point: '节拍快', criterion: '节拍' }];
      x.competitors[0].weaknesses = ['交期 16 周'];
    });
    const s = deriveSwot(d);
    expect(s.threats).toEqual([]);
    expect(s.opportunities).toEqual([]);
  });
  it('matches a tag by the criterion key as well as its text', () => {
    const d = edit((x) => {
      x.needs.problems[0].criteria = [{ criterion: '误报率 ≤ 0.3%', key: 'false_call_rate' }];
      x.competitors[0].weaknesses = [{ point: '误报率 1.5%', criterion: 'false_call_rate' }];
    });
    expect(deriveSwot(d).opportunities.map((o) => o.text['zh-CN'])).toEqual(['对手A：误报率 1.5%（采购标准「误报率 ≤ 0.3%」）']);
  });
  it('reads per-criterion comparisons: ours → strength, theirs on a named criterion → threat, otherwise → weakness', () => {
    const d = edit((x) => {
      x.competitors[0].comparison = [
        { criterion: '本地服务', us: '4 小时到场', them: '48 小时', advantage: 'us' },
        { criterion: '检出率 ≥ 99.5%', advantage: 'them' },
        { criterion: '品牌知名度', advantage: 'them' },
        // Not the criterion's text or key: no guessing that it is the same thing.
        { criterion: '检出率', advantage: 'them' },
        { criterion: '培训', advantage: 'even' },
      ];
    });
    const s = deriveSwot(d);
    expect(s.strengths.filter((e) => e.origin === 'comparison').map((e) => e.text['zh-CN'])).toEqual(['「本地服务」领先 对手A（我方：4 小时到场；对方：48 小时）']);
    expect(s.threats.some((e) => e.origin === 'comparison' && e.text['zh-CN'].includes('检出率'))).toBe(true);
    expect(s.weaknesses.some((e) => e.origin === 'comparison' && e.text['zh-CN'].includes('品牌知名度'))).toBe(true);
    expect(s.weaknesses.some((e) => e.origin === 'comparison' && e.text['zh-CN'].startsWith('「检出率」'))).toBe(true);
    expect(JSON.stringify(s)).not.toContain('培训');
  });
  it('sees our guide and a supporting decision maker as strengths and an influential opponent as a threat', () => {
    const d = edit((x) => x.contacts.push({ name: '刘经理', role: 'evaluator', influence: 'high', attitude: 'opponent', guide: false }));
    const s = deriveSwot(d);
    const strengths = s.strengths.map((e) => e.text['zh-CN']).join('\n');
    expect(strengths).toContain('王总（决策者）支持我们');
    expect(strengths).toContain('张工（评估者）是我们在客户内部的向导');
    expect(s.threats.some((e) => e.origin === 'people' && e.text['zh-CN'].includes('刘经理'))).toBe(true);
  });
  it('counts a missing budget as a weakness', () => {
    const s = deriveSwot(edit((x) => delete x.qualification.budget));
    expect(s.weaknesses.map((e) => e.text.en)).toContain("The customer's budget is not confirmed");
  });
  it("puts the rep's own items first and does not repeat them", () => {
    const d = edit((x) => {
      x.swot.threats = ['客户担心国产设备稳定性'];
    });
    const { threats } = buildSwot(d);
    expect(threats[0]).toEqual({ origin: 'deal', text: { 'zh-CN': '客户担心国产设备稳定性', en: '客户担心国产设备稳定性' } });
    expect(threats[0].source).toBeUndefined();
    expect(threats).toHaveLength(2);
  });
});

describe('information gaps', () => {
  const ids = (d: Deal, date: IsoDate = DOC_DATE) => findGaps(d, date).map((g) => g.id);

  it('finds nothing essential missing in a complete deal', () => {
    expect(findGaps(base(), DOC_DATE).filter((g) => g.severity !== 'low')).toEqual([]);
  });
  it('reports a missing evaluator as a high-severity gap with a suggested action', () => {
    const gaps = findGaps(edit((x) => (x.contacts = x.contacts.filter((c) => c.role !== 'evaluator'))), DOC_DATE);
    const g = gaps.find((x) => x.id === 'role:evaluator');
    expect(g).toMatchObject({ kind: 'personal', severity: 'high' });
    expect(g?.text['zh-CN']).toContain('没有已知的评估者');
    expect(g?.action.en).toContain('evaluator');
    expect(gaps[0].severity).toBe('high');
  });
  it('reports one gap per missing role', () => {
    const d = edit((x) => (x.contacts = [x.contacts[0]]));
    expect(ids(d).filter((id) => id.startsWith('role:')).sort()).toEqual(['role:designer', 'role:evaluator', 'role:initiator', 'role:user']);
  });
  it("reports no guide, the decision maker's unknown personal information and an influential opponent", () => {
    const d = edit((x) => {
      x.contacts[1].guide = false;
      delete x.contacts[0].personal;
      x.contacts.push({ name: '刘经理', role: 'evaluator', influence: 'high', attitude: 'opponent', guide: false });
    });
    expect(ids(d)).toEqual(expect.arrayContaining(['guide', 'personal:王总', 'opponent:刘经理']));
  });
  it('reports missing competitors, competitor weaknesses and purchase criteria', () => {
    expect(ids(edit((x) => (x.competitors = [])))).toContain('competitors');
    expect(ids(edit((x) => (x.competitors[0].weaknesses = [])))).toContain('competitor-weaknesses:对手A');
    expect(ids(edit((x) => (x.needs.problems[0].criteria = [])))).toContain('criteria:1');
    expect(ids(edit((x) => (x.customer.situation = [])))).toContain('situation');
    expect(ids(edit((x) => (x.customer.organization = [])))).toContain('organization');
  });
  it('reports each unanswered qualification question', () => {
    expect(ids(edit((x) => (x.qualification = {})))).toEqual(expect.arrayContaining(['question:budget', 'question:timeline', 'question:fit', 'question:cost_risk', 'question:path_to_order']));
  });
  it('judges the quote validity against the document date', () => {
    expect(ids(base(), '2027-01-05' as IsoDate)).toContain('quote-expired');
    expect(ids(base(), '2026-12-20' as IsoDate)).toContain('quote-expiring');
    expect(ids(base(), '2026-11-01' as IsoDate).some((id) => id.startsWith('quote'))).toBe(false);
  });
});

describe('qualification', () => {
  it('is qualified when all five questions are answered', () => {
    expect(qualify(base())).toMatchObject({ verdict: 'qualified', missing: [] });
  });
  it('is not qualified without a budget answer', () => {
    const q = qualify(edit((x) => delete x.qualification.budget));
    expect(q.verdict).toBe('not_qualified');
    expect(q.reason['zh-CN']).toContain('预算');
    expect(q.answers.find((a) => a.id === 'budget')?.answer).toBeUndefined();
  });
  it('is not qualified when the answer says there is no budget', () => {
    expect(qualify(edit((x) => (x.qualification.budget = '暂无预算，明年再议'))).verdict).toBe('not_qualified');
    expect(qualify(edit((x) => (x.qualification.budget = 'Not budgeted yet'))).verdict).toBe('not_qualified');
  });
  it('is at risk when the timeline is unknown or more than one answer is missing', () => {
    expect(qualify(edit((x) => delete x.qualification.timeline))).toMatchObject({ verdict: 'at_risk', missing: ['timeline'] });
    const two = qualify(edit((x) => (delete x.qualification.fit, delete x.qualification.path_to_order)));
    expect(two.verdict).toBe('at_risk');
    expect(two.reason.en).toContain('Fit and advantage, How to win the order');
  });
});

describe('action plan', () => {
  it("keeps the deal's actions first, then the stage action, threats, opportunities and gaps", () => {
    const d = edit((x) => {
      x.actions = [{ action: '安排参观标杆客户', owner: '王五', due: '2026-11-20' as IsoDate, addresses: '稳定性顾虑', done: false }];
      x.competitors[0].weaknesses = [];
    });
    const a = assessDeal(d, DOC_DATE).actions;
    expect(a[0]).toMatchObject({ origin: 'deal', owner: '王五', due: '2026-11-20', done: false });
    expect(a[1]).toMatchObject({ origin: 'stage', owner: '李明', action: STAGE_INFO.evaluation.action });
    expect(a.map((x) => x.origin)).toEqual(['deal', 'stage', 'threat', 'gap']);
  });
  it('does not suggest what the rep already plans for the same point', () => {
    const d = edit((x) => {
      x.swot.threats = ['稳定性顾虑'];
      x.actions = [{ action: '安排参观标杆客户', addresses: '稳定性顾虑', done: false }];
    });
    const a = assessDeal(d, DOC_DATE);
    expect(planActions({ deal: d, date: DOC_DATE, gaps: a.completeness.gaps, swot: a.swot }).filter((x) => x.addresses?.['zh-CN'] === '稳定性顾虑')).toHaveLength(1);
  });
});

describe('the method as data', () => {
  it('has six stages in buying order with phase, leader, action, end marker and sales step', () => {
    expect(STAGE_ORDER).toEqual(['discover_needs', 'internal_deliberation', 'procurement_design', 'evaluation', 'commitment', 'use_maintenance']);
    expect(STAGE_ORDER.map((s) => STAGE_INFO[s].phase)).toEqual(['guiding', 'guiding', 'competitive', 'competitive', 'closing', 'after_sales']);
    expect(STAGE_ORDER.map((s) => STAGE_INFO[s].leader)).toEqual(['initiator', 'decision_maker', 'designer', 'evaluator', 'decision_maker', 'user']);
    expect(STAGE_ORDER.map((s) => STAGE_INFO[s].step.label.en)).toEqual(['Customer analysis', 'Building trust', 'Uncovering needs', 'Presenting value', 'Winning commitment', 'Collecting receivables']);
    expect(STAGE_INFO.evaluation.action.en).toMatch(/features, advantages and benefits/);
    expect(STAGE_INFO.evaluation.endsWhen.en).toBe('Negotiation starts');
    for (const s of Object.values(STAGE_INFO)) for (const t of [s.label, s.action, s.endsWhen, s.step.start, s.step.end]) expect(t['zh-CN'] && t.en).toBeTruthy();
  });
  it('has advice for each of the five styles in both languages', () => {
    expect(Object.keys(STYLE_INFO).sort()).toEqual(['chameleon', 'koala', 'owl', 'peacock', 'wolf']);
    for (const s of Object.values(STYLE_INFO)) for (const t of [s.label, s.traits, ...Object.values(s.advice)]) expect(t['zh-CN'] && t.en).toBeTruthy();
  });
  it('assesses the example fixtures without throwing', () => {
    for (const n of ['rich-zh', 'rich-en', 'sparse-zh'] as const) expect(assessDeal(fixtureDeal(n), DOC_DATE).actions.length).toBeGreaterThan(0);
  });
});
