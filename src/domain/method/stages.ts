/**
 * The customer's buying process in six stages and the sales method that walks beside it.
 * Guiding phase (discover needs, internal deliberation): shape the need before anyone compares.
 * Competitive phase (procurement design, evaluation): make our strengths the customer's criteria,
 * then prove them. Then closing (commitment) and after-sales (use and maintenance).
 */
import type { Stage } from '../deal.js';
import type { Role } from './roles.js';
import { bi, type Bilingual } from './text.js';

export type { Stage };
export type Phase = 'guiding' | 'competitive' | 'closing' | 'after_sales';

export const PHASE_LABELS: Readonly<Record<Phase, Bilingual>> = {
  guiding: bi('引导期', 'Guiding phase'),
  competitive: bi('竞争期', 'Competitive phase'),
  closing: bi('成交期', 'Closing'),
  after_sales: bi('售后期', 'After-sales'),
};

/** One step of the six-step sales method, with the signs that it has begun and is done. */
export interface SalesStep {
  number: number;
  label: Bilingual;
  start: Bilingual;
  end: Bilingual;
}

export interface StageInfo {
  id: Stage;
  number: number;
  label: Bilingual;
  phase: Phase;
  /** The buying role that leads this stage. */
  leader: Role;
  /** What the customer is doing in this stage. */
  customer: Bilingual;
  /** The method's sales action for this stage. */
  action: Bilingual;
  /** The sign that the stage is over. */
  endsWhen: Bilingual;
  step: SalesStep;
}

const stage = (info: StageInfo): StageInfo => info;

export const STAGE_INFO: Readonly<Record<Stage, StageInfo>> = {
  discover_needs: stage({
    id: 'discover_needs',
    number: 1,
    label: bi('发现需求', 'Discovering needs'),
    phase: 'guiding',
    leader: 'initiator',
    customer: bi('使用部门感到问题，开始意识到需要改变', 'The using department feels a problem and starts to see that something must change'),
    action: bi(
      '找到并接触发起者，了解现状和痛点，帮他算清问题每月在质量、产能和成本上的代价，把模糊的不满变成明确、可量化的需求',
      'Find and meet the initiator, learn the current situation and pain, help him put a monthly cost on the problem in quality, output and money, and turn vague dissatisfaction into a clear, measurable need',
    ),
    endsWhen: bi('发起者决定推动解决，问题在客户内部被正式提出', 'The initiator decides to push for a fix and raises the problem formally inside the customer'),
    step: {
      number: 1,
      label: bi('客户分析', 'Customer analysis'),
      start: bi('获得线索、确定目标客户', 'A lead comes in and the account is chosen as a target'),
      end: bi('掌握四类信息（客户现状、组织结构、个人信息、竞争信息），找到发起者', 'The four kinds of information (situation, organisation, people, competition) are known and the initiator is found'),
    },
  }),
  internal_deliberation: stage({
    id: 'internal_deliberation',
    number: 2,
    label: bi('内部酝酿', 'Internal deliberation'),
    phase: 'guiding',
    leader: 'decision_maker',
    customer: bi('内部讨论要不要解决、何时解决、花多少钱', 'The customer debates internally whether, when and for how much to act'),
    action: bi(
      '协助发起者向决策者讲清问题的影响和投资价值，争取拜访决策者，推动立项、落实预算，并发展内部向导',
      'Help the initiator make the impact and the return clear to the decision maker, get a meeting with the decision maker, push for a project and a budget, and develop a guide inside the customer',
    ),
    endsWhen: bi('决策者同意立项，预算落实，采购启动', 'The decision maker approves the project, the budget is set and procurement starts'),
    step: {
      number: 2,
      label: bi('建立信任', 'Building trust'),
      start: bi('第一次正式拜访', 'The first formal visit'),
      end: bi('客户愿意分享内部信息，我们有了向导', 'The customer shares inside information and we have a guide'),
    },
  }),
  procurement_design: stage({
    id: 'procurement_design',
    number: 3,
    label: bi('采购设计', 'Procurement design'),
    phase: 'competitive',
    leader: 'designer',
    customer: bi('设计者制定技术规格、采购标准和采购方式', 'The designers write the specification, the purchase criteria and the buying procedure'),
    action: bi(
      '与设计者一起把需求落到技术规格和采购标准上：提供样板方案、测试方法和行业标准，把我方的优势写进标准，让对手的弱项成为门槛',
      'Work with the designers to turn the need into a specification and purchase criteria: offer reference designs, test methods and industry standards, write our strengths into the criteria and make the competitors\' weaknesses a threshold',
    ),
    endsWhen: bi('规格书和采购标准定稿，发出招标或询价', 'The specification and criteria are final and the tender or request for quotation goes out'),
    step: {
      number: 3,
      label: bi('挖掘需求', 'Uncovering needs'),
      start: bi('客户开始讨论具体的采购要求', 'The customer starts discussing concrete requirements'),
      end: bi('需求树和采购标准得到客户确认，且标准体现我方优势', 'The need tree and the purchase criteria are confirmed by the customer and reflect our strengths'),
    },
  }),
  evaluation: stage({
    id: 'evaluation',
    number: 4,
    label: bi('评估比较', 'Evaluation'),
    phase: 'competitive',
    leader: 'evaluator',
    customer: bi('评估者按采购标准比较各家方案、测试、打分', 'The evaluators compare, test and score the offers against the criteria'),
    action: bi(
      '向评估者呈现方案的特征、优势和利益（FAB），逐条对应采购标准，用现场演示、样品测试、数据和标杆客户证明，并针对对手的弱项设问',
      'Present the solution\'s features, advantages and benefits (FAB) to the evaluators, criterion by criterion; prove them with live demos, sample tests, data and reference customers, and raise the questions that expose the competitors\' weaknesses',
    ),
    endsWhen: bi('开始商务谈判', 'Negotiation starts'),
    step: {
      number: 4,
      label: bi('呈现价值', 'Presenting value'),
      start: bi('客户邀请提交方案或安排演示', 'The customer asks for a proposal or a demonstration'),
      end: bi('评估者认可我方方案，进入商务谈判', 'The evaluators accept our solution and negotiation begins'),
    },
  }),
  commitment: stage({
    id: 'commitment',
    number: 5,
    label: bi('购买承诺', 'Commitment'),
    phase: 'closing',
    leader: 'decision_maker',
    customer: bi('决策者权衡价格、条件和风险，决定向谁购买', 'The decision maker weighs price, terms and risk and decides whom to buy from'),
    action: bi(
      '与决策者谈判：处理价格异议和风险顾虑，在付款条件、交期、验收和服务上找到双方都能接受的方案，请求承诺并尽快签约',
      'Negotiate with the decision maker: handle price objections and risk concerns, find terms on payment, delivery, acceptance and service both sides can live with, ask for the commitment and sign quickly',
    ),
    endsWhen: bi('合同签订', 'The contract is signed'),
    step: {
      number: 5,
      label: bi('赢取承诺', 'Winning commitment'),
      start: bi('商务谈判开始', 'Negotiation starts'),
      end: bi('签订合同、收到预付款', 'The contract is signed and the down payment received'),
    },
  }),
  use_maintenance: stage({
    id: 'use_maintenance',
    number: 6,
    label: bi('使用维护', 'Use and maintenance'),
    phase: 'after_sales',
    leader: 'user',
    customer: bi('使用者安装、使用设备，验证是否达到承诺的效果', 'The users install and run the equipment and check it delivers what was promised'),
    action: bi(
      '按时交付、安装调试、培训使用者，确保达到承诺的指标；按合同节点催收货款，定期回访，挖掘新需求并争取转介绍',
      'Deliver on time, install, commission and train the users until the promised figures are met; collect each payment at its contract milestone, visit regularly, find the next need and ask for referrals',
    ),
    endsWhen: bi('货款全部收回，新的需求出现（进入下一轮）', 'All payments are collected and a new need appears (the next cycle begins)'),
    step: {
      number: 6,
      label: bi('回收货款', 'Collecting receivables'),
      start: bi('发货、安装', 'Shipment and installation'),
      end: bi('验收完成，货款全部收回，客户愿意转介绍', 'Acceptance is signed, every payment is collected and the customer gives referrals'),
    },
  }),
};

/** The six stages in buying order. */
export const STAGE_ORDER: readonly Stage[] = Object.values(STAGE_INFO)
  .sort((a, b) => a.number - b.number)
  .map((s) => s.id);

export const stageInfo = (stage: Stage): StageInfo => STAGE_INFO[stage];

/** Stages already passed (before `stage`). */
export const isBefore = (a: Stage, b: Stage): boolean => STAGE_INFO[a].number < STAGE_INFO[b].number;
