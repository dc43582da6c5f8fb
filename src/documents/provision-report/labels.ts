/**
 * Every word the provisioning report prints, in Chinese (default) and English. Sentences that
 * carry figures are functions of already formatted strings, so numbers are formatted in one
 * place (format.ts) and the two languages cannot drift apart in what they state.
 */
import type { Locale } from '../../tree/nodes.js';

export interface ReportLabels {
  title: string;
  riskEstimateTitle: string;
  pageLabel: string;
  confidentiality: string;
  /** "账面余额" + unit → "账面余额（元）" */
  withUnit: (label: string, unit: string) => string;
  unit: (currency: string) => string;
  sheets: Record<SheetKey, string>;
  headings: Record<SheetKey | 'reconciliation', string>;
  info: {
    company: string;
    asOf: string;
    period: string;
    currency: string;
    fx: string;
    policy: string;
    boundary: string;
    rounding: string;
    framework: string;
    sources: string;
    created: string;
  };
  col: {
    item: string;
    amount: string;
    bucket: string;
    count: string;
    balance: string;
    share: string;
    rate: string;
    provision: string;
    carrying: string;
    customer: string;
    customerId: string;
    rep: string;
    invoiceNo: string;
    invoiceDate: string;
    dueDate: string;
    days: string;
    currency: string;
    outstanding: string;
    fxRate: string;
    balanceCny: string;
    flags: string;
    overdue: string;
    entry: string;
    drcr: string;
    account: string;
    kind: string;
    document: string;
    date: string;
    amountCcy: string;
    note: string;
  };
  row: { matrixSubtotal: string; specific: string; total: string; subtotal: (rep: string) => string };
  /** Comparison, per-customer movement, collection list and sign-off. */
  more: {
    prior: (label: string) => string;
    current: (label: string) => string;
    change: (label: string) => string;
    topCustomers: (n: number) => string;
    others: string;
    lastPayment: string;
    maxDays: string;
    role: string;
    name: string;
    signature: string;
    signDate: string;
    roles: string[];
    noOverdue: string;
    /** Printed above the per-customer summary that replaces a long invoice detail in PDF/DOCX. */
    detailInWorkbook: (lines: number, limit: number, sheet: string) => string;
  };
  summary: {
    balance: string;
    overdue: string;
    opening: string;
    charge: string;
    reversal: string;
    noCharge: string;
    closing: string;
    net: string;
  };
  movement: { opening: string; charge: string; reversal: string; writeOffs: string; recoveries: string; closing: string };
  dr: string;
  cr: string;
  account: {
    creditLoss: string;
    allowance: string;
    receivables: string;
    bank: string;
    nonOpExpense: string;
    nonOpIncome: string;
    fxGainLoss: string;
  };
  entry: { provision: string; reversal: string; writeOff: string; recoveryRestore: string; recoveryCash: string; none: string; fx: string };
  bucket: { notDue: string; range: (min: number, max: number) => string; over: (days: number) => string; from: (days: number) => string };
  exception: {
    writeOff: string;
    writeOffNote: string;
    recovery: string;
    recoveryNote: string;
    creditInvoice: string;
    unappliedRemaining: (amount: string) => string;
    credit: string;
    creditNote: string;
    unapplied: string;
    unappliedTo: (invoices: string) => string;
    unappliedNone: string;
    missingDue: string;
    missingDueNote: string;
    specific: string;
    specificNote: (reason: string, rate: string, provision: string) => string;
    excluded: string;
    excludedNote: (invoices: number, payments: number) => string;
    none: string;
  };
  flag: { specific: (reason: string) => string; missingDue: string };
  text: {
    policy: (steps: { days: number; rate: string }[], inclusive: boolean) => string;
    boundary: (firstDays: number, inclusive: boolean) => string;
    rounding: string;
    noFx: string;
    fxItem: (currency: string, rate: string, date: string) => string;
    frameworkCas: string;
    frameworkSmall: string;
    period: (from: string, to: string) => string;
    list: (items: string[]) => string;
    roundingCheck: (bucket: string, product: string, rows: string) => string;
    movementCheck: (parts: { opening: string; charge: string; reversal: string; writeOffs: string; recoveries: string; closing: string }, ok: boolean) => string;
    reconciliation: (balance: [string, string, string], provision: [string, string, string]) => string;
    mismatchTitle: string;
    mismatch: (what: string, a: string, b: string, diff: string) => string;
    checks: {
      detailBuckets: string;
      bucketsSummary: string;
      customers: string;
      customerBuckets: string;
      reps: string;
      movement: string;
      closing: string;
      net: string;
      adjustments: string;
    };
    fxMemo: (parts: { revaluation: string; settlement: string; total: string }, gain: boolean) => string;
    chartTitle: string;
    chartBar: (amount: string, share: string) => string;
  };
}

export type SheetKey = 'summary' | 'aging' | 'movement' | 'journal' | 'customers' | 'reps' | 'detail' | 'exceptions' | 'comparison' | 'customerMovement' | 'collection' | 'signoff';

const zh: ReportLabels = {
  title: '应收账款坏账准备月报',
  riskEstimateTitle: '应收账款坏账风险估计月报',
  pageLabel: '第 {page} 页 / 共 {pages} 页',
  confidentiality: '内部资料 · 请勿外传',
  withUnit: (label, unit) => `${label}（${unit}）`,
  unit: (currency) => (currency === 'CNY' ? '元' : currency),
  sheets: {
    summary: '汇总',
    aging: '账龄',
    movement: '变动',
    journal: '分录',
    customers: '客户',
    reps: '业务员',
    detail: '明细',
    exceptions: '例外',
    comparison: '上月对比',
    customerMovement: '客户变动',
    collection: '催收',
    signoff: '签核',
  },
  headings: {
    summary: '一、汇总',
    aging: '二、账龄分析与组合计提',
    movement: '三、坏账准备变动表',
    journal: '四、建议会计分录',
    customers: '五、按客户汇总',
    reps: '六、按业务员汇总',
    detail: '七、应收账款明细',
    exceptions: '八、例外清单',
    comparison: '九、与上月末对比',
    customerMovement: '十、按客户坏账准备变动',
    collection: '十一、催收清单',
    reconciliation: '十二、核对与编制说明',
    signoff: '十三、签核',
  },
  info: {
    company: '公司',
    asOf: '截止日期',
    period: '报告期间',
    currency: '本位币',
    fx: '折算汇率',
    policy: '计提政策',
    boundary: '账龄规则',
    rounding: '舍入规则',
    framework: '会计准则',
    sources: '数据来源',
    created: '生成日期',
  },
  col: {
    item: '项目',
    amount: '金额',
    bucket: '账龄区间',
    count: '笔数',
    balance: '账面余额',
    share: '占比',
    rate: '计提比例',
    provision: '坏账准备',
    carrying: '账面价值',
    customer: '客户',
    customerId: '客户编号',
    rep: '业务员',
    invoiceNo: '发票号',
    invoiceDate: '开票日期',
    dueDate: '到期日',
    days: '逾期天数',
    currency: '币种',
    outstanding: '原币余额',
    fxRate: '汇率',
    balanceCny: '本位币余额',
    flags: '标记',
    overdue: '逾期合计',
    entry: '分录',
    drcr: '借/贷',
    account: '会计科目',
    kind: '类别',
    document: '单据号',
    date: '日期',
    amountCcy: '原币金额',
    note: '说明',
  },
  row: { matrixSubtotal: '组合计提小计', specific: '单项计提', total: '合计', subtotal: (rep) => `${rep} 小计` },
  more: {
    prior: (label) => `上月末${label}`,
    current: (label) => `本月末${label}`,
    change: (label) => `${label}增减`,
    topCustomers: (n) => `余额最大的 ${n} 家客户`,
    others: '其他客户',
    lastPayment: '最近收款日',
    maxDays: '最长逾期天数',
    role: '职责',
    name: '姓名',
    signature: '签字',
    signDate: '日期',
    roles: ['编制', '审核', '批准'],
    noOverdue: '本月末无逾期客户。',
    detailInWorkbook: (lines, limit, sheet) =>
      `明细超过 ${limit} 笔，本文件按客户汇总列示；全部 ${lines} 笔发票逐笔列示于同名 Excel 工作簿（provision-report.xlsx）的“${sheet}”工作表，含余额与计提公式，供审计核对。下表合计与该工作表合计一致。`,
  },
  summary: {
    balance: '应收账款余额',
    overdue: '其中：已逾期',
    opening: '坏账准备期初余额',
    charge: '本期计提',
    reversal: '本期转回',
    noCharge: '本期计提（转回）',
    closing: '坏账准备期末余额',
    net: '应收账款账面价值',
  },
  movement: { opening: '期初余额', charge: '加：本期计提', reversal: '减：本期转回', writeOffs: '减：本期核销', recoveries: '加：核销后收回', closing: '期末余额' },
  dr: '借',
  cr: '贷',
  account: {
    creditLoss: '信用减值损失',
    allowance: '坏账准备',
    receivables: '应收账款',
    bank: '银行存款',
    nonOpExpense: '营业外支出',
    nonOpIncome: '营业外收入',
    fxGainLoss: '财务费用—汇兑损益',
  },
  entry: {
    provision: '① 计提坏账准备',
    reversal: '① 转回坏账准备',
    writeOff: '② 核销坏账',
    recoveryRestore: '③ 收回已核销款项：恢复应收',
    recoveryCash: '③ 收回已核销款项：收款',
    none: '本期无需计提或转回',
    fx: '④ 汇兑损益（外币应收款）',
  },
  bucket: {
    notDue: '未到期',
    range: (min, max) => `逾期${min}–${max}天`,
    over: (days) => `逾期超过${days}天`,
    from: (days) => `逾期${days}天及以上`,
  },
  exception: {
    writeOff: '本期核销',
    writeOffNote: '冲减坏账准备（借 坏账准备 / 贷 应收账款）',
    recovery: '核销后收回',
    recoveryNote: '恢复坏账准备并收款',
    creditInvoice: '红字发票（未关联原发票）',
    unappliedRemaining: (amount) => `未冲抵余额 ${amount} 形成客户贷方余额`,
    credit: '贷方余额',
    creditNote: '不计提坏账准备；列报时重分类至预收款项',
    unapplied: '未指定发票的收款',
    unappliedTo: (invoices) => `按到期日先后冲抵：${invoices}`,
    unappliedNone: '无可冲抵发票，形成客户贷方余额',
    missingDue: '缺少到期日',
    missingDueNote: '无到期日及付款条件，按开票日作为到期日',
    specific: '单项计提',
    specificNote: (reason, rate, provision) => `${reason}（单项计提 ${rate}，坏账准备 ${provision}）`,
    excluded: '截止日后单据',
    excludedNote: (invoices, payments) => `截止日后开票 ${invoices} 张、收款 ${payments} 笔，未计入本期`,
    none: '本期无例外事项。',
  },
  flag: { specific: (reason) => `单项：${reason}`, missingDue: '缺到期日' },
  text: {
    policy: (steps, inclusive) =>
      steps.length === 0
        ? '不按账龄计提。'
        : `${steps.map((s) => `逾期${inclusive ? '达到' : '超过'} ${s.days} 天${inclusive ? '（含）' : ''}按 ${s.rate} 计提`).join('，')}；` +
          `未到期及逾期 ${steps[0]?.days} 天${inclusive ? '以内（不含）' : '以内（含）'}不计提。比例不累加，按所属最高一档计提；单项计提的应收款项按单项比例计提。`,
    boundary: (days, inclusive) =>
      `逾期天数 = 截止日 − 到期日；超过 ${days} 天${inclusive ? '含' : '不含'} ${days} 天（按日历天数计，到期当日为 0 天，不属逾期）。`,
    rounding: '外币余额按截止日汇率折算为本位币并四舍五入到分；坏账准备逐笔计算、四舍五入到分；各级小计与合计均为逐笔金额之和，不再二次舍入。',
    noFx: '无外币余额',
    fxItem: (currency, rate, date) => `${currency} ${rate}（${date}）`,
    frameworkCas: '企业会计准则第 22 号：预期信用损失简化方法，按账龄组合计提，单项评估的应收款项单项计提。',
    frameworkSmall:
      '小企业会计准则：不设坏账准备，不预提损失。本报告的“坏账准备”仅为风险估计，供管理参考，不据以入账；坏账损失实际发生时借记营业外支出。',
    period: (from, to) => `${from} 至 ${to}`,
    list: (items) => items.join('；'),
    roundingCheck: (bucket, product, rows) => `${bucket}：余额 × 比例 = ${product}，逐笔四舍五入之和 = ${rows}；以逐笔之和为准。`,
    movementCheck: (p, ok) =>
      `勾稽：期初 ${p.opening} + 计提 ${p.charge} − 转回 ${p.reversal} − 核销 ${p.writeOffs} + 收回 ${p.recoveries} = 期末 ${p.closing}${ok ? '，相符。' : '，不相符！'}`,
    reconciliation: (b, p) =>
      `账面余额：明细合计 ${b[0]} = 账龄合计 ${b[1]} = 汇总 ${b[2]}；坏账准备：明细合计 ${p[0]} = 账龄合计 ${p[1]} = 汇总 ${p[2]}。核对相符。`,
    mismatchTitle: '核对不符 —— 本报告数字不可使用',
    mismatch: (what, a, b, diff) => `${what}：${a} ≠ ${b}（差异 ${diff}）`,
    checks: {
      detailBuckets: '明细合计与账龄合计',
      bucketsSummary: '账龄合计与汇总',
      customers: '按客户合计与汇总',
      customerBuckets: '按客户账龄列与账龄表',
      reps: '按业务员合计与汇总',
      movement: '变动表勾稽',
      closing: '变动表期末与坏账准备',
      net: '账面价值与余额减坏账准备',
      adjustments: '核销与收回明细与变动表',
    },
    fxMemo: (p, gain) =>
      `汇兑损益（单独入账，不计入信用减值损失）：外币应收款按截止日汇率重估 ${p.revaluation}，本期收款结算差额 ${p.settlement}，合计汇兑${gain ? '收益' : '损失'} ${p.total}。外币收款、红字冲销与核销均按账面金额（上月末汇率；本期入账的按入账日汇率）冲减应收账款，收款按收款日汇率入账，核销后收回按收回日汇率。`,
    chartTitle: '账龄分布（账面余额）',
    chartBar: (amount, share) => `${amount}（${share}）`,
  },
};

const en: ReportLabels = {
  title: 'Receivables Provisioning Report',
  riskEstimateTitle: 'Receivables Credit-Risk Estimate',
  pageLabel: 'Page {page} of {pages}',
  confidentiality: 'Internal — do not forward',
  withUnit: (label, unit) => `${label} (${unit})`,
  unit: (currency) => currency,
  sheets: {
    summary: 'Summary',
    aging: 'Aging',
    movement: 'Movement',
    journal: 'Journal',
    customers: 'Customers',
    reps: 'Reps',
    detail: 'Detail',
    exceptions: 'Exceptions',
    comparison: 'Prior month',
    customerMovement: 'Customer movement',
    collection: 'Collection',
    signoff: 'Sign-off',
  },
  headings: {
    summary: '1. Summary',
    aging: '2. Aging and matrix provision',
    movement: '3. Allowance movement',
    journal: '4. Suggested journal entries',
    customers: '5. By customer',
    reps: '6. By sales rep',
    detail: '7. Invoice detail',
    exceptions: '8. Exceptions',
    comparison: '9. Compared with the prior month end',
    customerMovement: '10. Allowance movement by customer',
    collection: '11. Collection list',
    reconciliation: '12. Reconciliation and basis of preparation',
    signoff: '13. Sign-off',
  },
  info: {
    company: 'Company',
    asOf: 'As of',
    period: 'Period',
    currency: 'Functional currency',
    fx: 'Closing FX rates',
    policy: 'Provisioning policy',
    boundary: 'Aging rule',
    rounding: 'Rounding',
    framework: 'Accounting framework',
    sources: 'Data sources',
    created: 'Generated',
  },
  col: {
    item: 'Item',
    amount: 'Amount',
    bucket: 'Aging bucket',
    count: 'Items',
    balance: 'Balance',
    share: 'Share',
    rate: 'Rate',
    provision: 'Allowance',
    carrying: 'Carrying amount',
    customer: 'Customer',
    customerId: 'Customer ID',
    rep: 'Sales rep',
    invoiceNo: 'Invoice no.',
    invoiceDate: 'Invoice date',
    dueDate: 'Due date',
    days: 'Days overdue',
    currency: 'Ccy',
    outstanding: 'Outstanding',
    fxRate: 'FX rate',
    balanceCny: 'Balance',
    flags: 'Flags',
    overdue: 'Overdue total',
    entry: 'Entry',
    drcr: 'Dr/Cr',
    account: 'Account',
    kind: 'Type',
    document: 'Document',
    date: 'Date',
    amountCcy: 'Amount (orig.)',
    note: 'Note',
  },
  row: { matrixSubtotal: 'Matrix subtotal', specific: 'Individually assessed', total: 'Total', subtotal: (rep) => `${rep} subtotal` },
  more: {
    prior: (label) => `${label}, prior`,
    current: (label) => `${label}, current`,
    change: (label) => `${label} change`,
    topCustomers: (n) => `${n} largest customers by balance`,
    others: 'Other customers',
    lastPayment: 'Last receipt',
    maxDays: 'Max days overdue',
    role: 'Role',
    name: 'Name',
    signature: 'Signature',
    signDate: 'Date',
    roles: ['Prepared by', 'Reviewed by', 'Approved by'],
    noOverdue: 'No customer is overdue at the month end.',
    detailInWorkbook: (lines, limit, sheet) =>
      `With more than ${limit} open invoices, this document prints the detail summarised per customer; all ${lines} invoices are listed line by line, with the balance and allowance formulas, in the "${sheet}" sheet of the workbook of the same name (provision-report.xlsx). The totals below equal that sheet's totals.`,
  },
  summary: {
    balance: 'Total receivables',
    overdue: 'of which overdue',
    opening: 'Opening allowance',
    charge: 'Charge for the period',
    reversal: 'Reversal for the period',
    noCharge: 'Charge (reversal) for the period',
    closing: 'Closing allowance',
    net: 'Net carrying amount',
  },
  movement: {
    opening: 'Opening balance',
    charge: 'Add: charge',
    reversal: 'Less: reversal',
    writeOffs: 'Less: written off',
    recoveries: 'Add: recoveries',
    closing: 'Closing balance',
  },
  dr: 'Dr',
  cr: 'Cr',
  account: {
    creditLoss: '信用减值损失 Credit impairment loss',
    allowance: '坏账准备 Allowance for doubtful accounts',
    receivables: '应收账款 Accounts receivable',
    bank: '银行存款 Cash at bank',
    nonOpExpense: '营业外支出 Non-operating expense',
    nonOpIncome: '营业外收入 Non-operating income',
    fxGainLoss: '财务费用—汇兑损益 Finance costs – exchange gain/loss',
  },
  entry: {
    provision: '1 Provision',
    reversal: '1 Reversal',
    writeOff: '2 Write-off',
    recoveryRestore: '3 Recovery: reinstate',
    recoveryCash: '3 Recovery: cash received',
    none: 'No charge or reversal this period',
    fx: '4 Exchange difference (foreign-currency receivables)',
  },
  bucket: {
    notDue: 'Not due',
    range: (min, max) => `${min}–${max} days`,
    over: (days) => `Over ${days} days`,
    from: (days) => `${days} days and more`,
  },
  exception: {
    writeOff: 'Written off',
    writeOffNote: 'Uses the allowance (Dr allowance / Cr receivables)',
    recovery: 'Recovered',
    recoveryNote: 'Restores the allowance; cash received',
    creditInvoice: 'Red invoice (no original invoice linked)',
    unappliedRemaining: (amount) => `${amount} left unapplied, now a customer credit`,
    credit: 'Credit balance',
    creditNote: 'Not provisioned; reclassify to advances from customers (预收款项)',
    unapplied: 'Unapplied receipt',
    unappliedTo: (invoices) => `Applied oldest-due first to ${invoices}`,
    unappliedNone: 'No open invoice to apply to; left as a customer credit',
    missingDue: 'Missing due date',
    missingDueNote: 'No due date or terms; invoice date used as due date',
    specific: 'Individually assessed',
    specificNote: (reason, rate, provision) => `${reason} (individual rate ${rate}, allowance ${provision})`,
    excluded: 'Dated after as-of',
    excludedNote: (invoices, payments) => `${invoices} invoice(s) and ${payments} receipt(s) dated after the as-of date are not included`,
    none: 'No exceptions this period.',
  },
  flag: { specific: (reason) => `Individual: ${reason}`, missingDue: 'No due date' },
  text: {
    policy: (steps, inclusive) =>
      steps.length === 0
        ? 'No aging-based provision.'
        : `${steps.map((s) => `${s.rate} when ${inclusive ? 'at least' : 'more than'} ${s.days} days overdue`).join(', ')}; ` +
          `nothing for balances not yet due or overdue ${inclusive ? 'less than' : 'up to'} ${steps[0]?.days} days. ` +
          'Rates are not cumulative: the highest matching rate applies. Individually assessed items take their own rate.',
    boundary: (days, inclusive) =>
      `Days overdue = as-of date − due date, in calendar days (due today = 0, not overdue); "more than ${days} days" ${inclusive ? 'includes' : 'excludes'} day ${days}.`,
    rounding:
      'Foreign-currency balances are translated at the closing rate and rounded half-up to the cent; each invoice\'s allowance is rounded half-up to the cent; every subtotal and total is the sum of the rounded lines, never rounded again.',
    noFx: 'No foreign-currency balances',
    fxItem: (currency, rate, date) => `${currency} ${rate} (${date})`,
    frameworkCas: 'CAS 22: expected credit loss, simplified approach with an aging matrix; individually assessed items provisioned individually.',
    frameworkSmall:
      'Accounting Standards for Small Enterprises: no allowance account and no provision is booked. The "allowance" in this report is a risk estimate for management only; actual bad debts are charged to non-operating expense when they occur.',
    period: (from, to) => `${from} to ${to}`,
    list: (items) => items.join('; '),
    roundingCheck: (bucket, product, rows) => `${bucket}: balance × rate = ${product}; sum of rounded lines = ${rows} (the report uses the sum of lines).`,
    movementCheck: (p, ok) =>
      `Check: opening ${p.opening} + charge ${p.charge} − reversal ${p.reversal} − written off ${p.writeOffs} + recoveries ${p.recoveries} = closing ${p.closing}${ok ? ': agrees.' : ': DOES NOT AGREE!'}`,
    reconciliation: (b, p) =>
      `Balance: detail rows ${b[0]} = aging buckets ${b[1]} = summary ${b[2]}; allowance: detail rows ${p[0]} = aging buckets ${p[1]} = summary ${p[2]}. Reconciled.`,
    mismatchTitle: 'RECONCILIATION FAILED — do not use these figures',
    mismatch: (what, a, b, diff) => `${what}: ${a} ≠ ${b} (difference ${diff})`,
    checks: {
      detailBuckets: 'Detail rows vs aging buckets',
      bucketsSummary: 'Aging buckets vs summary',
      customers: 'Customer schedule vs summary',
      customerBuckets: 'Customer bucket columns vs aging table',
      reps: 'Rep schedule vs summary',
      movement: 'Movement arithmetic',
      closing: 'Movement closing vs allowance',
      net: 'Net carrying amount vs balance − allowance',
      adjustments: 'Write-off and recovery items vs movement',
    },
    fxMemo: (p, gain) =>
      `Exchange difference (booked on its own, never in the credit-loss charge): revaluation of open foreign-currency receivables at the closing rate ${p.revaluation}, settlement differences on receipts ${p.settlement}, net exchange ${gain ? 'gain' : 'loss'} ${p.total}. Receipts, credit notes and write-offs derecognise the carrying amount (previous month-end rate; invoice-date rate if booked this month); cash is taken at the rate of its own date, recoveries at the recovery date's rate.`,
    chartTitle: 'Aging profile (balance)',
    chartBar: (amount, share) => `${amount} (${share})`,
  },
};

export function labelsFor(locale: Locale): ReportLabels {
  return locale === 'en' ? en : zh;
}
