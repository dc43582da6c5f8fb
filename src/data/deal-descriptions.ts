/**
 * What every deal file field means, in Chinese and English — the one source of truth for the
 * descriptions an editor shows (`dealdoc schema`). Keys are field paths: `quote.items[].qty`;
 * a list's entries (`situation[]`) fall back to the list's description.
 * A field added to `deal-schema.ts` needs an entry here (tests/data/schema.test.ts says which).
 */
export interface Described {
  zh: string;
  en: string;
}

const INTERNAL = { zh: '（内部，不进入建议书）', en: ' (internal: never in the proposal)' };
const internal = (d: Described): Described => ({ zh: d.zh + INTERNAL.zh, en: d.en + INTERNAL.en });

export const DEAL_DESCRIPTIONS: Record<string, Described> = {
  '': { zh: 'dealdoc 商机文件：客户、需求、报价与内部分析', en: 'dealdoc deal file: customer, needs, quote and internal analysis' },
  $schema: { zh: '编辑器用的 JSON Schema 地址（dealdoc 读取时忽略）', en: 'JSON Schema reference for editors (ignored by dealdoc)' },
  id: { zh: '商机编号，默认取文件名；只能用 a-z、0-9 和 -', en: 'Deal id, defaults to the file name; a-z, 0-9 and - only' },
  locale: { zh: '文档语言：zh-CN 或 en（默认取配置文件）', en: 'Document language: zh-CN or en (default: the config’s)' },
  title: { zh: '封面标题', en: 'Cover title' },
  subtitle: { zh: '封面副标题', en: 'Cover subtitle' },
  doc_no: { zh: '文档编号，印在封面', en: 'Document number printed on the cover' },
  version: { zh: '文档版本，印在封面', en: 'Document version printed on the cover' },
  date: { zh: '文档日期，如 2026-12-01 或 2026/12/1（默认 SOURCE_DATE_EPOCH、配置的 document_date 或今天）', en: 'Document date, e.g. 2026-12-01 or 2026/12/1 (default: SOURCE_DATE_EPOCH, the config’s document_date, else today)' },

  rep: { zh: '负责本商机的销售代表', en: 'The sales rep who owns this deal' },
  'rep.name': { zh: '销售代表姓名', en: 'Rep’s name' },
  'rep.title': { zh: '销售代表职务', en: 'Rep’s job title' },
  'rep.phone': { zh: '销售代表电话', en: 'Rep’s phone' },
  'rep.email': { zh: '销售代表邮箱', en: 'Rep’s email' },

  customer: { zh: '客户信息', en: 'The customer' },
  'customer.id': { zh: '客户在应收账款台账中的编号（用于回款记录）', en: 'The customer’s id in the receivables ledger (for the payment record)' },
  'customer.name': { zh: '客户全称', en: 'Customer’s full name' },
  'customer.short_name': { zh: '客户简称，用于页眉和表格', en: 'Short name for running headers and tables' },
  'customer.industry': { zh: '所属行业', en: 'Industry' },
  'customer.scale': { zh: '企业规模', en: 'Company size' },
  'customer.nature': { zh: '企业性质（国企、民企、外资……）', en: 'Ownership (state-owned, private, foreign…)' },
  'customer.address': { zh: '客户地址', en: 'Customer’s address' },
  'customer.website': { zh: '客户网站', en: 'Customer’s website' },
  'customer.situation': { zh: '客户现状：在用的产品、品牌、功能（每行一条）', en: 'Customer’s current situation: products, brands, functions in use (one per entry)' },
  'customer.organization': { zh: '组织结构：部门、职责、负责人', en: 'Organisation: departments, duties, heads' },
  'customer.organization[]': { zh: '一个部门', en: 'One department' },
  'customer.organization[].department': { zh: '部门名称', en: 'Department' },
  'customer.organization[].duties': { zh: '部门职责', en: 'What the department does' },
  'customer.organization[].head': { zh: '部门负责人', en: 'Head of the department' },

  contacts: internal({ zh: '采购流程中的关键人', en: 'People in the buying process' }),
  'contacts[]': internal({ zh: '一位联系人', en: 'One contact' }),
  'contacts[].name': { zh: '姓名', en: 'Name' },
  'contacts[].title': { zh: '职务', en: 'Job title' },
  'contacts[].department': { zh: '部门', en: 'Department' },
  'contacts[].role': { zh: '在采购中的角色', en: 'Role in the purchase' },
  'contacts[].guide': { zh: '是否是我们的向导（教练）：true 或 false', en: 'Our guide (coach) inside the customer: true or false' },
  'contacts[].style': { zh: '社交风格', en: 'Social style' },
  'contacts[].influence': { zh: '对决策的影响力', en: 'Influence on the decision' },
  'contacts[].attitude': { zh: '对我们的态度', en: 'Attitude towards us' },
  'contacts[].phone': { zh: '电话', en: 'Phone' },
  'contacts[].email': { zh: '邮箱', en: 'Email' },
  'contacts[].personal': internal({ zh: '个人信息', en: 'Personal information' }),
  'contacts[].personal.age': { zh: '年龄（整数）', en: 'Age (whole number)' },
  'contacts[].personal.family': { zh: '家庭情况', en: 'Family' },
  'contacts[].personal.education': { zh: '教育背景', en: 'Education' },
  'contacts[].personal.hometown': { zh: '籍贯', en: 'Home town' },
  'contacts[].personal.hobbies': { zh: '爱好', en: 'Hobbies' },
  'contacts[].personal.career': { zh: '职业经历', en: 'Career' },
  'contacts[].personal.notes': { zh: '其他个人备注', en: 'Other personal notes' },
  'contacts[].notes': { zh: '备注', en: 'Notes' },

  competitors: internal({ zh: '竞争对手', en: 'Competitors' }),
  'competitors[]': internal({ zh: '一个竞争对手', en: 'One competitor' }),
  'competitors[].name': { zh: '竞争对手名称', en: 'Competitor’s name' },
  'competitors[].products': { zh: '对方提供的产品', en: 'What they offer' },
  'competitors[].strengths': { zh: '对方优势', en: 'Their strengths' },
  'competitors[].strengths[].point': { zh: '优势要点', en: 'The strength' },
  'competitors[].strengths[].criterion': { zh: '对应的采购指标（文字或 key）', en: 'The purchase criterion it concerns (its text or key)' },
  'competitors[].weaknesses': { zh: '对方劣势', en: 'Their weaknesses' },
  'competitors[].weaknesses[].point': { zh: '劣势要点', en: 'The weakness' },
  'competitors[].weaknesses[].criterion': { zh: '对应的采购指标（文字或 key）', en: 'The purchase criterion it concerns (its text or key)' },
  'competitors[].tactics': { zh: '对方的策略', en: 'Their tactics' },
  'competitors[].price': { zh: '对方报价', en: 'Their price' },
  'competitors[].comparison': { zh: '按采购指标逐项对比', en: 'Comparison per purchase criterion' },
  'competitors[].comparison[]': { zh: '一项指标的对比', en: 'One criterion compared' },
  'competitors[].comparison[].criterion': { zh: '采购指标', en: 'Purchase criterion' },
  'competitors[].comparison[].us': { zh: '我们的表现', en: 'How we do' },
  'competitors[].comparison[].them': { zh: '对方的表现', en: 'How they do' },
  'competitors[].comparison[].advantage': { zh: '谁占优', en: 'Who is ahead' },

  needs: { zh: '需求树：目标 → 问题 → 解决方案 → 产品 → 采购指标', en: 'Need tree: goal → problems → solutions → products → purchase criteria' },
  'needs.goal': { zh: '客户的业务目标', en: 'The customer’s business goal' },
  'needs.problems': { zh: '客户面临的问题（至少一个）', en: 'Problems the customer faces (at least one)' },
  'needs.problems[]': { zh: '一个问题及其解决方案', en: 'One problem and its solution' },
  'needs.problems[].problem': { zh: '问题', en: 'The problem' },
  'needs.problems[].impact': { zh: '问题给客户带来的影响（进入建议书）', en: 'What the problem costs the customer (in the proposal)' },
  'needs.problems[].solution': { zh: '我们的解决方案', en: 'Our solution' },
  'needs.problems[].products': { zh: '对应的产品：报价中的 SKU 或产品/服务名称', en: 'Products: SKUs from the quote, or product/service names' },
  'needs.problems[].criteria': { zh: '采购指标', en: 'Purchase criteria' },
  'needs.problems[].criteria[]': { zh: '一条采购指标：文字，或 { criterion, response }', en: 'A purchase criterion: text, or { criterion, response }' },
  'needs.problems[].criteria[].criterion': { zh: '采购指标', en: 'The criterion' },
  'needs.problems[].criteria[].response': { zh: '我们如何满足它', en: 'How our offer meets it' },
  'needs.problems[].criteria[].key': { zh: '指标键：与产品目录规格对应（如 cycle_time）', en: 'Criterion key: matches a catalogue specification (e.g. cycle_time)' },

  why_us: { zh: '为什么选择我们（进入建议书）', en: 'Why us (customer-facing)' },
  'why_us[]': { zh: '一个价值点', en: 'One value point' },
  'why_us[].point': { zh: '价值点', en: 'The point' },
  'why_us[].detail': { zh: '说明', en: 'Detail' },
  'why_us[].need': { zh: '对应的需求', en: 'The need it answers' },

  next_steps: { zh: '下一步计划（进入建议书）', en: 'Next steps (customer-facing)' },
  'next_steps[]': { zh: '一个步骤', en: 'One step' },
  'next_steps[].step': { zh: '步骤', en: 'The step' },
  'next_steps[].date': { zh: '日期，如 2026-12-15', en: 'Date, e.g. 2026-12-15' },
  'next_steps[].owner': { zh: '负责人', en: 'Owner' },

  qualification: internal({ zh: '商机评估的五个问题（可留空）', en: 'The five qualification questions (may be left empty)' }),
  'qualification.budget': { zh: '预算是否落实', en: 'Is the budget in place?' },
  'qualification.timeline': { zh: '时间表', en: 'Timeline' },
  'qualification.fit': { zh: '我们的方案是否匹配', en: 'Does our offer fit?' },
  'qualification.cost_risk': { zh: '成本与风险', en: 'Cost and risk' },
  'qualification.path_to_order': { zh: '成交路径', en: 'Path to the order' },

  stage: { zh: '销售阶段（客户采购流程）', en: 'Sales stage (the customer’s buying process)' },

  quote: { zh: '报价', en: 'The quote' },
  'quote.currency': { zh: '币种，三位字母代码（默认 CNY）', en: 'Currency, a 3-letter code (default CNY)' },
  'quote.tax_rate': { zh: '税率：0.13 或 13%（价格为不含税价）', en: 'Tax rate: 0.13 or 13% (prices are before tax)' },
  'quote.items': { zh: '报价明细（至少一行）', en: 'Quote lines (at least one)' },
  'quote.items[]': { zh: '一行报价', en: 'One quote line' },
  'quote.items[].sku': { zh: '产品编号', en: 'SKU' },
  'quote.items[].name': { zh: '产品名称', en: 'Item name' },
  'quote.items[].description': { zh: '产品说明', en: 'Item description' },
  'quote.items[].qty': { zh: '数量（大于 0）', en: 'Quantity (greater than 0)' },
  'quote.items[].unit': { zh: '单位，如 台、套', en: 'Unit, e.g. set, pc' },
  'quote.items[].unit_price': { zh: '不含税单价，如 12000、12,000 或 ¥12,000', en: 'Unit price before tax, e.g. 12000, 12,000 or ¥12,000' },
  'quote.items[].discount': { zh: '折扣：0.05 或 5%（减 5%）', en: 'Discount: 0.05 or 5% (5 % off the line)' },
  'quote.payment_terms': { zh: '付款条件', en: 'Payment terms' },
  'quote.delivery': { zh: '交付', en: 'Delivery' },
  'quote.warranty': { zh: '质保', en: 'Warranty' },
  'quote.valid_until': { zh: '报价有效期至，如 2026-12-31', en: 'Quote valid until, e.g. 2026-12-31' },
  'quote.notes': { zh: '报价备注', en: 'Quote notes' },
  proposal: { zh: '建议书本身：定稿或草稿、摘要与预期收益', en: 'The proposal as a document: final or draft, summary and expected benefit' },
  'proposal.final': { zh: '定稿：为 true 时，评估阶段之前的建议书也不加“草稿”水印', en: 'Final: when true, a proposal before the evaluation stage is not marked draft' },
  'proposal.summary': { zh: '方案摘要中的“我们的方案”一段（默认由各问题的解决方案拼成）', en: 'The executive summary’s solution paragraph (default: the problems’ solutions)' },
  'proposal.benefit': { zh: '客户可期待的收益（方案摘要中显示）', en: 'The benefit the customer can expect (shown in the executive summary)' },

  swot: internal({ zh: 'SWOT 分析', en: 'SWOT analysis' }),
  'swot.strengths': { zh: '优势', en: 'Strengths' },
  'swot.weaknesses': { zh: '劣势', en: 'Weaknesses' },
  'swot.opportunities': { zh: '机会', en: 'Opportunities' },
  'swot.threats': { zh: '威胁', en: 'Threats' },

  actions: internal({ zh: '行动计划', en: 'Action plan' }),
  'actions[]': { zh: '一项行动', en: 'One action' },
  'actions[].action': { zh: '行动', en: 'The action' },
  'actions[].owner': { zh: '负责人', en: 'Owner' },
  'actions[].due': { zh: '截止日期', en: 'Due date' },
  'actions[].addresses': { zh: '针对的问题或缺口', en: 'What it addresses' },
  'actions[].done': { zh: '是否完成：true 或 false', en: 'Done: true or false' },

  internal_notes: internal({ zh: '内部备注', en: 'Internal notes' }),
  body: { zh: '方案正文（Markdown）；仅用于 .json / .yaml 商机文件，.md 文件的正文写在 front matter 之后', en: 'The narrative (Markdown); .json / .yaml deal files only — in a .md file it follows the front matter' },
};

/** What each enum value means, per field path. */
export const ENUM_DESCRIPTIONS: Record<string, Record<string, Described>> = {
  locale: { 'zh-CN': { zh: '简体中文', en: 'Simplified Chinese' }, en: { zh: '英文', en: 'English' } },
  'contacts[].role': {
    initiator: { zh: '发起者', en: 'Initiator' },
    decision_maker: { zh: '决策者', en: 'Decision maker' },
    designer: { zh: '设计者（定方案、定指标）', en: 'Designer (shapes the specification)' },
    evaluator: { zh: '评估者', en: 'Evaluator' },
    user: { zh: '使用者', en: 'User' },
  },
  'contacts[].style': {
    peacock: { zh: '孔雀型：外向、重感受', en: 'Peacock: outgoing, feeling-driven' },
    owl: { zh: '猫头鹰型：严谨、重数据', en: 'Owl: precise, data-driven' },
    chameleon: { zh: '变色龙型：随和、善变通', en: 'Chameleon: adaptable' },
    koala: { zh: '考拉型：稳健、重关系', en: 'Koala: steady, relationship-driven' },
    wolf: { zh: '老虎/狼型：果断、重结果', en: 'Wolf: decisive, results-driven' },
  },
  'contacts[].influence': { low: { zh: '低', en: 'Low' }, medium: { zh: '中', en: 'Medium' }, high: { zh: '高', en: 'High' } },
  'contacts[].attitude': { supporter: { zh: '支持者', en: 'Supporter' }, neutral: { zh: '中立', en: 'Neutral' }, opponent: { zh: '反对者', en: 'Opponent' } },
  'competitors[].comparison[].advantage': { us: { zh: '我们占优', en: 'We are ahead' }, them: { zh: '对方占优', en: 'They are ahead' }, even: { zh: '持平', en: 'Even' } },
  stage: {
    discover_needs: { zh: '发现需求', en: 'Discovering needs' },
    internal_deliberation: { zh: '内部酝酿', en: 'Internal deliberation' },
    procurement_design: { zh: '采购设计', en: 'Designing the purchase' },
    evaluation: { zh: '评估比较', en: 'Evaluation' },
    commitment: { zh: '承诺购买', en: 'Commitment' },
    use_maintenance: { zh: '使用维护', en: 'Use and maintenance' },
  },
};

/** The description of a field path in one language or both (`zh — en`), with enum values listed. */
export function describeField(path: string, lang: 'zh' | 'en' | 'both'): string | undefined {
  const d = DEAL_DESCRIPTIONS[path] ?? (path.endsWith('[]') ? DEAL_DESCRIPTIONS[path.slice(0, -2)] : undefined);
  if (!d) return undefined;
  const values = ENUM_DESCRIPTIONS[path];
  const list = (l: 'zh' | 'en') => (values ? `${l === 'zh' ? '：' : ': '}${Object.entries(values).map(([k, v]) => `${k} = ${v[l]}`).join(l === 'zh' ? '；' : '; ')}` : '');
  if (lang === 'both') return `${d.zh}${list('zh')}\n${d.en}${list('en')}`;
  return d[lang] + list(lang);
}
