/** Words of the SWOT brief in each locale: headings, table columns, markers. The method's own wording lives in domain/method. */
import type { Locale } from '../../tree/nodes.js';

export interface BriefLabels {
  kicker: string;
  title: (customer: string) => string;
  headerRight: (customer: string) => string;
  banner: string;
  confidentiality: string;
  pageLabel: string;
  intro: (rep: string, date: string) => string;
  sections: Record<'glance' | 'completeness' | 'people' | 'needs' | 'competition' | 'swot' | 'actions' | 'qualification' | 'payment', string>;
  prose: Record<'process' | 'completeness' | 'people' | 'styles' | 'needs' | 'competition' | 'swot' | 'actions' | 'qualification' | 'payment' | 'noCompetitors', string>;
  glance: Record<'field' | 'value' | 'project' | 'customer' | 'industry' | 'rep' | 'stage' | 'quoteTotal' | 'quoteSplit' | 'validUntil' | 'documentDate' | 'nextStep', string>;
  stage: Record<'number' | 'stage' | 'phase' | 'leader' | 'status' | 'done' | 'current' | 'ahead' | 'currentTitle' | 'customer' | 'action' | 'endsWhen' | 'step' | 'stepStart' | 'stepEnd', string>;
  stepName: (n: number, label: string) => string;
  gaps: { title: (n: number) => string; none: string; suggestion: string; severity: Record<'high' | 'medium' | 'low', string> };
  unknownRole: string;
  unknownStyle: string;
  completeness: Record<'kind' | 'known' | 'missing' | 'nothingKnown', string>;
  people: Record<'name' | 'title' | 'role' | 'influence' | 'attitude' | 'guide' | 'style' | 'unknown' | 'yes' | 'no' | 'unplaced' | 'mapInfluence' | 'mapAttitude', string>;
  levels: Record<'low' | 'medium' | 'high', string>;
  attitudes: Record<'supporter' | 'neutral' | 'opponent', string>;
  advice: Record<'traits' | 'open' | 'material' | 'commitment' | 'avoid', string>;
  need: Record<'goal' | 'problem' | 'solution' | 'products' | 'criteria', string>;
  competitor: Record<'strengths' | 'weaknesses' | 'tactics' | 'products' | 'price' | 'criterion' | 'us' | 'them' | 'verdict' | 'theirStrength' | 'theirWeakness' | 'opportunity' | 'threat', string>;
  advantage: Record<'us' | 'them' | 'even', string>;
  swot: Record<'strengths' | 'weaknesses' | 'opportunities' | 'threats' | 'empty', string>;
  action: Record<'number' | 'action' | 'owner' | 'due' | 'addresses' | 'status' | 'done' | 'open' | 'suggested', string>;
  qualification: Record<'question' | 'answer' | 'unknown' | 'verdictTitle', string>;
  verdict: Record<'qualified' | 'at_risk' | 'not_qualified', string>;
  payment: Record<'field' | 'value' | 'asOf' | 'outstanding' | 'overdue' | 'provision' | 'averageDaysLate' | 'paidInvoices' | 'noPaid' | 'bucket' | 'balance' | 'rate' | 'count' | 'notDue', string> & {
    days: (n: number) => string;
    range: (min: number, max: number) => string;
    over: (n: number) => string;
  };
}

const zh: BriefLabels = {
  kicker: '内部销售简报',
  title: (c) => `${c} 销售简报`,
  headerRight: (c) => `内部资料 · ${c} 销售简报`,
  banner: '内部资料 / 请勿外传',
  confidentiality: '内部资料 · 请勿外传',
  pageLabel: '第 {page} 页 / 共 {pages} 页',
  intro: (rep, date) => `销售代表：${rep} · 编制日期：${date}。本简报供演示前内部准备使用，包含客户个人信息和竞争信息，请勿外传。`,
  sections: {
    glance: '1. 交易概况',
    completeness: '2. 信息完整度',
    people: '3. 人员图谱',
    needs: '4. 需求树',
    competition: '5. 竞争分析',
    swot: '6. SWOT 分析',
    actions: '7. 行动计划',
    qualification: '8. 机会评估（五个问题）',
    payment: '9. 回款记录',
  },
  prose: {
    process: '客户采购流程',
    completeness: '演示前对四类信息（客户现状、组织结构、个人信息、竞争信息）以及需求、五个问题和报价的掌握情况。缺口按严重程度排列。',
    people: '横轴为对我方的态度，纵轴为影响力：右上方是要巩固的支持者，左上方是必须化解的反对者。',
    styles: '沟通风格与应对建议',
    needs: '从左到右：客户的目标 → 问题 → 解决方案 → 产品/服务 → 采购标准。',
    competition: '各竞争对手的优势、弱项和销售策略，以及在客户采购标准上与我方的对比。',
    swot: '由数据推导出的条目下方用小字说明其来源；没有说明的条目来自交易文件。',
    actions: '交易文件中已有的行动在前；其后为根据阶段、威胁、机会和信息缺口建议的行动。',
    qualification: '五个问题判断这是否是一个明确、临近、有价值的机会。',
    payment: '该客户在应收账款台账中的记录。',
    noCompetitors: '尚未记录任何竞争对手。',
  },
  glance: {
    field: '项目',
    value: '内容',
    project: '项目名称',
    customer: '客户',
    industry: '行业 / 规模',
    rep: '销售代表',
    stage: '当前阶段',
    quoteTotal: '报价金额（含税）',
    quoteSplit: '不含税 / 税额',
    validUntil: '报价有效期至',
    documentDate: '简报日期',
    nextStep: '下一步',
  },
  stage: {
    number: '序号',
    stage: '采购阶段',
    phase: '时期',
    leader: '主导角色',
    status: '进度',
    done: '已过',
    current: '当前',
    ahead: '未到',
    currentTitle: '当前阶段',
    customer: '客户在做什么：',
    action: '本阶段销售动作：',
    endsWhen: '阶段结束标志：',
    step: '销售六步法：',
    stepStart: '开始标志：',
    stepEnd: '完成标志：',
  },
  stepName: (n, label) => `第 ${n} 步 ${label}`,
  gaps: {
    title: (n) => `演示前需要补齐的信息（${n} 项）`,
    none: '四类信息齐全，没有发现缺口。',
    suggestion: '建议：',
    severity: { high: '【高】', medium: '【中】', low: '【低】' },
  },
  unknownRole: '角色未知',
  unknownStyle: '风格未知',
  completeness: { kind: '信息类别', known: '已掌握', missing: '缺口', nothingKnown: '无' },
  people: {
    name: '姓名',
    title: '职务',
    role: '角色',
    influence: '影响力',
    attitude: '态度',
    guide: '向导',
    style: '沟通风格',
    unknown: '未知',
    yes: '是',
    no: '否',
    unplaced: '位置待核实',
    mapInfluence: '影响力',
    mapAttitude: '对我方的态度',
  },
  levels: { low: '低', medium: '中', high: '高' },
  attitudes: { supporter: '支持', neutral: '中立', opponent: '反对' },
  advice: { traits: '特点', open: '开场：', material: '准备材料：', commitment: '请求承诺：', avoid: '避免：' },
  need: { goal: '目标', problem: '问题', solution: '解决方案', products: '产品/服务', criteria: '采购标准' },
  competitor: {
    strengths: '优势：',
    weaknesses: '弱项：',
    tactics: '销售策略：',
    products: '产品：',
    price: '价格：',
    criterion: '采购标准',
    us: '我方',
    them: '对方',
    verdict: '判断',
    theirStrength: '对方优势：',
    theirWeakness: '对方弱项：',
    opportunity: '机会',
    threat: '威胁',
  },
  advantage: { us: '我方领先', them: '对方领先', even: '持平' },
  swot: { strengths: '优势 S', weaknesses: '劣势 W', opportunities: '机会 O', threats: '威胁 T', empty: '暂无' },
  action: { number: '序号', action: '行动', owner: '负责人', due: '完成时间', addresses: '针对', status: '状态', done: '已完成', open: '进行中', suggested: '建议' },
  qualification: { question: '问题', answer: '答案', unknown: '未知', verdictTitle: '结论' },
  verdict: { qualified: '合格', at_risk: '有风险', not_qualified: '不合格' },
  payment: {
    field: '项目',
    value: '数值',
    asOf: '截至日期',
    outstanding: '应收余额（元）',
    overdue: '逾期金额（元）',
    provision: '坏账准备（元）',
    averageDaysLate: '已结清发票平均逾期',
    paidInvoices: '已结清发票',
    noPaid: '暂无已结清发票',
    bucket: '账龄',
    balance: '余额（元）',
    rate: '计提比例',
    count: '发票数',
    notDue: '未到期',
    days: (n) => `${n} 天`,
    range: (min, max) => `逾期 ${min}–${max} 天`,
    over: (n) => `逾期 ${n} 天以上`,
  },
};

const en: BriefLabels = {
  kicker: 'Internal sales brief',
  title: (c) => `${c} sales brief`,
  headerRight: (c) => `Internal — ${c} sales brief`,
  banner: 'Internal — do not forward',
  confidentiality: 'Internal — do not forward',
  pageLabel: 'Page {page} of {pages}',
  intro: (rep, date) => `Rep: ${rep} · Prepared: ${date}. For internal preparation before the presentation; it holds personal and competitive information — do not forward.`,
  sections: {
    glance: '1. Deal at a glance',
    completeness: '2. Information completeness',
    people: '3. People map',
    needs: '4. Need tree',
    competition: '5. Competition',
    swot: '6. SWOT',
    actions: '7. Action plan',
    qualification: '8. Qualification (the five questions)',
    payment: '9. Payment record',
  },
  prose: {
    process: 'The customer\'s buying process',
    completeness: 'What we know before the presentation about the four kinds of information (current situation, organisation, personal information, competitive information), the needs, the five questions and the quote. Gaps are listed most severe first.',
    people: 'Attitude towards us across, influence up: top right are the supporters to keep close, top left the opponents we must win over.',
    styles: 'Communication styles and how to deal with them',
    needs: 'Left to right: the customer\'s goal → problems → solutions → products and services → purchase criteria.',
    competition: 'Each competitor\'s strengths, weaknesses and sales tactics, and how they compare with us on the customer\'s purchase criteria.',
    swot: 'The small line under a derived item says where it comes from; items without one come from the deal file.',
    actions: 'The deal file\'s own actions first, then actions suggested by the stage, the threats, the opportunities and the information gaps.',
    qualification: 'The five questions decide whether this is a clear, near and valuable opportunity.',
    payment: 'This customer\'s record in the receivables ledger.',
    noCompetitors: 'No competitor recorded yet.',
  },
  glance: {
    field: 'Item',
    value: 'Details',
    project: 'Project',
    customer: 'Customer',
    industry: 'Industry / size',
    rep: 'Rep',
    stage: 'Current stage',
    quoteTotal: 'Quote value (incl. tax)',
    quoteSplit: 'Before tax / tax',
    validUntil: 'Quote valid until',
    documentDate: 'Brief date',
    nextStep: 'Next step',
  },
  stage: {
    number: 'No.',
    stage: 'Buying stage',
    phase: 'Phase',
    leader: 'Led by',
    status: 'Status',
    done: 'passed',
    current: 'current',
    ahead: 'ahead',
    currentTitle: 'Current stage',
    customer: 'What the customer does:',
    action: 'Sales action for this stage:',
    endsWhen: 'The stage ends when:',
    step: 'Six-step sales method:',
    stepStart: 'Starts when:',
    stepEnd: 'Done when:',
  },
  stepName: (n, label) => `Step ${n}: ${label}`,
  gaps: {
    title: (n) => `To find out before the presentation (${n})`,
    none: 'All four kinds of information are complete; no gaps found.',
    suggestion: 'Suggested:',
    severity: { high: '[High] ', medium: '[Medium] ', low: '[Low] ' },
  },
  unknownRole: 'role unknown',
  unknownStyle: 'style unknown',
  completeness: { kind: 'Kind of information', known: 'Known', missing: 'Gaps', nothingKnown: 'nothing' },
  people: {
    name: 'Name',
    title: 'Title',
    role: 'Role',
    influence: 'Influence',
    attitude: 'Attitude',
    guide: 'Guide',
    style: 'Style',
    unknown: 'unknown',
    yes: 'yes',
    no: 'no',
    unplaced: 'position unverified',
    mapInfluence: 'Influence',
    mapAttitude: 'Attitude towards us',
  },
  levels: { low: 'Low', medium: 'Medium', high: 'High' },
  attitudes: { supporter: 'Supporter', neutral: 'Neutral', opponent: 'Opponent' },
  advice: { traits: 'Traits', open: 'Opening:', material: 'Bring:', commitment: 'Asking for commitment:', avoid: 'Avoid:' },
  need: { goal: 'Goal', problem: 'Problem', solution: 'Solution', products: 'Products / services', criteria: 'Purchase criteria' },
  competitor: {
    strengths: 'Strengths:',
    weaknesses: 'Weaknesses:',
    tactics: 'Sales tactics:',
    products: 'Products:',
    price: 'Price:',
    criterion: 'Purchase criterion',
    us: 'Us',
    them: 'Them',
    verdict: 'Assessment',
    theirStrength: 'Their strength: ',
    theirWeakness: 'Their weakness: ',
    opportunity: 'Opportunity',
    threat: 'Threat',
  },
  advantage: { us: 'We lead', them: 'They lead', even: 'Even' },
  swot: { strengths: 'Strengths', weaknesses: 'Weaknesses', opportunities: 'Opportunities', threats: 'Threats', empty: 'None yet' },
  action: { number: 'No.', action: 'Action', owner: 'Owner', due: 'Due', addresses: 'Addresses', status: 'Status', done: 'done', open: 'open', suggested: 'suggested' },
  qualification: { question: 'Question', answer: 'Answer', unknown: 'unknown', verdictTitle: 'Verdict' },
  verdict: { qualified: 'qualified', at_risk: 'at risk', not_qualified: 'not qualified' },
  payment: {
    field: 'Item',
    value: 'Value',
    asOf: 'As of',
    outstanding: 'Outstanding (CNY)',
    overdue: 'Overdue (CNY)',
    provision: 'Provision (CNY)',
    averageDaysLate: 'Average days late on paid invoices',
    paidInvoices: 'Paid invoices',
    noPaid: 'no paid invoices yet',
    bucket: 'Aging',
    balance: 'Balance (CNY)',
    rate: 'Rate',
    count: 'Invoices',
    notDue: 'Not yet due',
    days: (n) => `${n} days`,
    range: (min, max) => `${min}–${max} days overdue`,
    over: (n) => `over ${n} days overdue`,
  },
};

export function briefLabels(locale: Locale): BriefLabels {
  return locale === 'zh-CN' ? zh : en;
}
