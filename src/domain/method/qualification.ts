/**
 * The five questions that decide whether a deal is a clear, near and valuable opportunity:
 * is there money, is there a date, do we fit and lead, what does it cost us and risk, and how
 * do we win the order. No budget means no opportunity yet, however keen the people are.
 */
import type { Deal } from '../deal.js';
import type { CreditAssessment } from './credit.js';
import { knownValue } from './known-value.js';
import { bi, joinList, pick, type Bilingual } from './text.js';
import { formatMoney } from '../money.js';

export const QUESTION_IDS = ['budget', 'timeline', 'fit', 'cost_risk', 'path_to_order'] as const;
export type QuestionId = (typeof QUESTION_IDS)[number];

export const QUESTIONS: Readonly<Record<QuestionId, { label: Bilingual; ask: Bilingual }>> = {
  budget: { label: bi('预算', 'Budget'), ask: bi('客户有没有为此列支预算？多少？', 'Is there a budget for this, and how much?') },
  timeline: { label: bi('采购时间', 'Purchase timeline'), ask: bi('什么时候选型、招标、签约、到货？', 'When will they select, tender, sign and take delivery?') },
  fit: { label: bi('匹配与优势', 'Fit and advantage'), ask: bi('我们的方案是否满足需求？相对对手优势在哪里？', 'Does our solution meet the need, and where do we lead the competitors?') },
  cost_risk: {
    label: bi('成本与风险', 'Cost and risk'),
    ask: bi('赢下这单要投入多少？付款条件、回款和交付风险如何？', 'What will winning cost us, and what are the payment terms, collection and delivery risks?'),
  },
  path_to_order: { label: bi('如何赢单', 'How to win the order'), ask: bi('谁来推动、怎样拿到订单？', 'Who drives it, and how do we get the order?') },
};

export type Verdict = 'qualified' | 'at_risk' | 'not_qualified';

export interface QualificationAnswer {
  id: QuestionId;
  label: Bilingual;
  ask: Bilingual;
  answer?: string;
}

export interface Qualification {
  answers: QualificationAnswer[];
  missing: QuestionId[];
  verdict: Verdict;
  reason: Bilingual;
}

/** An answer that states there is no budget ("暂无预算", "not budgeted") counts as no budget. */
const NO_BUDGET = /(暂无|没有|尚无|未列入|未落实|无)预算|预算(未落实|未批|待定|没有)|\bno budget\b|\bnot budgeted\b|\bunbudgeted\b/i;

/** The five questions' verdict, lowered to "at risk" for a customer whose receivables are a credit risk. */
export function qualify(deal: Pick<Deal, 'qualification'>, credit?: CreditAssessment): Qualification {
  const q = qualifyAnswers(deal);
  if (!credit?.risk || q.verdict === 'not_qualified') return q;
  const amount = formatMoney(credit.longOverdue.gt(0) ? credit.longOverdue : credit.record.overdue);
  const why = bi(`回款风险：¥${amount} 逾期未收，先收回欠款再谈新条件`, `Credit risk: ¥${amount} overdue and unpaid — collect it before discussing new terms`);
  return {
    ...q,
    verdict: 'at_risk',
    reason: q.verdict === 'qualified' ? why : bi(`${why['zh-CN']}；${q.reason['zh-CN']}`, `${why.en}; ${q.reason.en}`),
  };
}

function qualifyAnswers(deal: Pick<Deal, 'qualification'>): Qualification {
  // "未知", "unknown", "?" are no answer.
  const answers = QUESTION_IDS.map((id) => ({ id, ...QUESTIONS[id], answer: knownValue(deal.qualification[id]) }));
  const missing = answers.filter((a) => a.answer === undefined).map((a) => a.id);
  const missingLabels = (loc: 'zh-CN' | 'en') => pick(joinList(missing.map((id) => pick(QUESTIONS[id].label, loc))), loc);
  const budget = knownValue(deal.qualification.budget);

  if (budget === undefined) {
    return {
      answers,
      missing,
      verdict: 'not_qualified',
      reason: bi('预算未知：没有确认的预算就还不是一个明确的机会，先找决策者落实预算', 'Budget unknown: without a confirmed budget this is not yet a real opportunity — get the decision maker to confirm one first'),
    };
  }
  if (NO_BUDGET.test(budget)) {
    return {
      answers,
      missing,
      verdict: 'not_qualified',
      reason: bi(`预算答复表明尚无预算（“${budget}”）：先推动立项和预算`, `The budget answer says there is no budget ("${budget}"): push for a project and a budget first`),
    };
  }
  if (missing.length === 0) {
    return { answers, missing, verdict: 'qualified', reason: bi('五个问题都有答案：机会明确、临近、有价值', 'All five questions are answered: the opportunity is clear, near and worth pursuing') };
  }
  if (missing.includes('timeline')) {
    return {
      answers,
      missing,
      verdict: 'at_risk',
      reason: bi(`采购时间未知，机会是否临近无法判断；未回答：${missingLabels('zh-CN')}`, `Purchase timeline unknown, so we cannot tell whether the deal is near; unanswered: ${missingLabels('en')}`),
    };
  }
  return {
    answers,
    missing,
    verdict: 'at_risk',
    reason: bi(`还有问题未回答：${missingLabels('zh-CN')}`, `Questions still unanswered: ${missingLabels('en')}`),
  };
}
