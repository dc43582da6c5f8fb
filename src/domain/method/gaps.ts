/**
 * Information completeness before a presentation. The method's four kinds of information —
 * current situation, organisation, people, competition — plus the need tree, the five questions
 * and the quote: what we know, and each gap with its severity and what to do about it.
 */
import type { Contact, Deal } from '../../data/deal-schema.js';
import { daysBetween, type IsoDate } from '../dates.js';
import { qualify, QUESTIONS } from './qualification.js';
import { ROLE_INFO, type Role } from './roles.js';
import { stageInfo } from './stages.js';
import { bi, joinList, type Bilingual } from './text.js';
import { knownInformation } from './known.js';

export const INFO_KINDS = ['situation', 'organization', 'personal', 'competitive', 'needs', 'qualification', 'quote'] as const;
export type InfoKind = (typeof INFO_KINDS)[number];

export const INFO_KIND_LABELS: Readonly<Record<InfoKind, Bilingual>> = {
  situation: bi('客户现状', 'Current situation'),
  organization: bi('组织结构', 'Organisation'),
  personal: bi('个人信息', 'Personal information'),
  competitive: bi('竞争信息', 'Competitive information'),
  needs: bi('需求与采购标准', 'Needs and purchase criteria'),
  qualification: bi('五个问题', 'The five questions'),
  quote: bi('报价', 'Quote'),
};

export type Severity = 'high' | 'medium' | 'low';
const SEVERITY_RANK: Record<Severity, number> = { high: 0, medium: 1, low: 2 };

export interface Gap {
  /** Stable id, e.g. "role:evaluator", "competitor-weaknesses:某国际品牌". */
  id: string;
  kind: InfoKind;
  severity: Severity;
  text: Bilingual;
  action: Bilingual;
}

export interface InfoKindStatus {
  kind: InfoKind;
  label: Bilingual;
  known: Bilingual[];
  gaps: Gap[];
}

export interface Completeness {
  kinds: InfoKindStatus[];
  /** Every gap, most severe first. */
  gaps: Gap[];
}

/** Roles whose absence hurts most depend on the stage; these always matter. */
const ROLE_SEVERITY: Record<Role, Severity> = { decision_maker: 'high', evaluator: 'high', designer: 'medium', user: 'medium', initiator: 'low' };

const isEmptyPersonal = (c: Contact): boolean => {
  const p = c.personal;
  if (!p) return true;
  return p.age === undefined && !p.family && !p.education && !p.hometown && p.hobbies.length === 0 && !p.career && !p.notes;
};

export function findGaps(deal: Deal, date: IsoDate): Gap[] {
  const gaps: Gap[] = [];
  const add = (g: Gap) => gaps.push(g);
  const { customer, contacts, competitors } = deal;

  if (customer.situation.length === 0)
    add({ id: 'situation', kind: 'situation', severity: 'medium', text: bi('客户现状未记录：在用设备、品牌、问题都不清楚', 'Current situation not recorded: equipment in use, brands and problems unknown'), action: bi('下次拜访前向发起者或向导了解在用设备、品牌和使用中的问题', 'Before the next visit, learn the equipment in use, the brands and the problems from the initiator or the guide') });
  if (!customer.industry || !customer.scale)
    add({ id: 'profile', kind: 'situation', severity: 'low', text: bi('客户行业或规模未填写', 'Customer industry or size not recorded'), action: bi('补充客户的行业、规模和性质', 'Record the customer\'s industry, size and ownership') });

  if (customer.organization.length === 0)
    add({ id: 'organization', kind: 'organization', severity: 'medium', text: bi('组织结构未知：不清楚由哪些部门参与、谁负责', 'Organisation unknown: which departments take part and who heads them'), action: bi('请向导画出与本项目相关的组织结构和汇报关系', 'Ask the guide to sketch the departments involved and who reports to whom') });
  const headless = customer.organization.filter((o) => !o.head).map((o) => o.department);
  if (headless.length)
    add({ id: 'organization-heads', kind: 'organization', severity: 'low', text: bi(`部门负责人未知：${joinList(headless)['zh-CN']}`, `Head of department unknown: ${joinList(headless).en}`), action: bi('确认这些部门的负责人及其在采购中的角色', 'Find out who heads these departments and their role in the purchase') });

  if (contacts.length === 0) {
    add({ id: 'contacts', kind: 'personal', severity: 'high', text: bi('没有任何联系人', 'No contacts recorded'), action: bi('找到发起者和决策者，建立第一批联系', 'Find the initiator and the decision maker and make first contact') });
  }
  for (const role of Object.keys(ROLE_INFO) as Role[]) {
    if (contacts.some((c) => c.role === role)) continue;
    const label = ROLE_INFO[role].label;
    add({
      id: `role:${role}`,
      kind: 'personal',
      severity: ROLE_SEVERITY[role],
      text: bi(`没有已知的${label['zh-CN']}（${ROLE_INFO[role].concern['zh-CN']}）`, `No ${label.en.toLowerCase()} known (${ROLE_INFO[role].concern.en})`),
      action: bi(`通过向导或已知联系人找到${label['zh-CN']}，安排拜访`, `Identify the ${label.en.toLowerCase()} through the guide or known contacts and arrange a meeting`),
    });
  }
  if (contacts.length > 0 && !contacts.some((c) => c.guide))
    add({ id: 'guide', kind: 'personal', severity: 'high', text: bi('客户内部没有向导', 'No guide (coach) inside the customer'), action: bi('从支持我们的联系人中发展向导：定期沟通，给他价值，请他指路', 'Develop a guide among the supporters: stay in touch, give value, ask for directions') });
  for (const dm of contacts.filter((c) => c.role === 'decision_maker' && isEmptyPersonal(c)))
    add({ id: `personal:${dm.name}`, kind: 'personal', severity: 'medium', text: bi(`决策者 ${dm.name} 的个人信息未知`, `Decision maker ${dm.name}: personal information unknown`), action: bi(`通过向导了解 ${dm.name} 的背景、经历和兴趣，找到共同话题`, `Learn ${dm.name}'s background, career and interests through the guide to find common ground`) });
  for (const c of contacts.filter((x) => x.attitude === 'opponent' && (x.influence === 'high' || x.role === 'decision_maker')))
    add({ id: `opponent:${c.name}`, kind: 'personal', severity: 'high', text: bi(`${c.name} 影响力大但反对我们`, `${c.name} is influential and opposes us`), action: bi(`通过向导弄清 ${c.name} 反对的原因，安排一对一沟通，针对其顾虑准备证据`, `Find out through the guide why ${c.name} opposes us, meet one to one and bring evidence for the concern`) });
  const unplaced = contacts.filter((c) => !c.influence || !c.attitude).map((c) => c.name);
  if (unplaced.length)
    add({ id: 'unplaced', kind: 'personal', severity: 'medium', text: bi(`影响力或态度未知：${joinList(unplaced)['zh-CN']}`, `Influence or attitude unknown: ${joinList(unplaced).en}`), action: bi('向向导核实这些人的影响力和对我们的态度', 'Check with the guide how much these people weigh and where they stand') });
  const noStyle = contacts.filter((c) => !c.style).map((c) => c.name);
  if (noStyle.length)
    add({ id: 'styles', kind: 'personal', severity: 'low', text: bi(`沟通风格未判断：${joinList(noStyle)['zh-CN']}`, `Communication style not assessed: ${joinList(noStyle).en}`), action: bi('下次见面时观察并记录其沟通风格，调整沟通方式', 'Observe and record their style at the next meeting and adapt accordingly') });
  const noRole = contacts.filter((c) => !c.role).map((c) => c.name);
  if (noRole.length)
    add({ id: 'roles', kind: 'personal', severity: 'low', text: bi(`采购角色未知：${joinList(noRole)['zh-CN']}`, `Buying role unknown: ${joinList(noRole).en}`), action: bi('弄清这些人在本次采购中扮演的角色', 'Find out what role these people play in this purchase') });

  const competitive = stageInfo(deal.stage).phase === 'competitive';
  if (competitors.length === 0)
    add({ id: 'competitors', kind: 'competitive', severity: competitive ? 'high' : 'medium', text: bi('没有记录任何竞争对手', 'No competitor recorded'), action: bi('通过向导和评估者了解还有哪些厂家参与、各自的方案和报价', 'Find out from the guide and the evaluators who else is bidding, with what and at what price') });
  for (const c of competitors.filter((x) => x.weaknesses.length === 0))
    add({ id: `competitor-weaknesses:${c.name}`, kind: 'competitive', severity: 'medium', text: bi(`竞争对手 ${c.name} 的弱项未知`, `Competitor ${c.name}: weaknesses unknown`), action: bi(`收集 ${c.name} 的用户反馈和失败案例，找出其弱项`, `Collect user feedback and lost installations of ${c.name} to find its weak points`) });
  for (const c of competitors.filter((x) => !x.tactics))
    add({ id: `competitor-tactics:${c.name}`, kind: 'competitive', severity: 'low', text: bi(`竞争对手 ${c.name} 的销售策略未知`, `Competitor ${c.name}: sales tactics unknown`), action: bi(`向向导了解 ${c.name} 接触了谁、主打什么`, `Ask the guide whom ${c.name} is meeting and what it is pushing`) });

  deal.needs.problems.forEach((p, i) => {
    if (p.criteria.length === 0)
      add({ id: `criteria:${i + 1}`, kind: 'needs', severity: 'medium', text: bi(`需求「${p.problem}」没有采购标准`, `Need "${p.problem}" has no purchase criteria`), action: bi('与设计者确认这一需求的采购标准，并把我方优势写进去', 'Agree the purchase criteria for this need with the designer, with our strengths written in') });
  });

  for (const id of qualify(deal).missing)
    add({ id: `question:${id}`, kind: 'qualification', severity: id === 'budget' ? 'high' : 'medium', text: bi(`五个问题之“${QUESTIONS[id].label['zh-CN']}”没有答案`, `Question "${QUESTIONS[id].label.en}" unanswered`), action: bi(`弄清：${QUESTIONS[id].ask['zh-CN']}`, `Find out: ${QUESTIONS[id].ask.en}`) });

  const validUntil = deal.quote.valid_until;
  if (!validUntil) {
    add({ id: 'quote-validity', kind: 'quote', severity: 'low', text: bi('报价没有有效期', 'The quote has no validity date'), action: bi('在报价中写明有效期', 'State how long the quote is valid') });
  } else if (daysBetween(date, validUntil) < 0) {
    add({ id: 'quote-expired', kind: 'quote', severity: 'high', text: bi(`报价已于 ${validUntil} 过期`, `The quote expired on ${validUntil}`), action: bi('演示前更新报价和有效期', 'Renew the quote and its validity before the presentation') });
  } else if (daysBetween(date, validUntil) <= 14) {
    add({ id: 'quote-expiring', kind: 'quote', severity: 'medium', text: bi(`报价将于 ${validUntil} 到期`, `The quote expires on ${validUntil}`), action: bi('确认客户的决策时间，必要时延长报价有效期', 'Check when the customer decides and extend the validity if needed') });
  }

  // Stable order: most severe first, then the order of the kinds, then as found.
  return gaps
    .map((g, i) => ({ g, i }))
    .sort((a, b) => SEVERITY_RANK[a.g.severity] - SEVERITY_RANK[b.g.severity] || INFO_KINDS.indexOf(a.g.kind) - INFO_KINDS.indexOf(b.g.kind) || a.i - b.i)
    .map((x) => x.g);
}

export function assessCompleteness(deal: Deal, date: IsoDate): Completeness {
  const gaps = findGaps(deal, date);
  const known = knownInformation(deal);
  return {
    kinds: INFO_KINDS.map((kind) => ({ kind, label: INFO_KIND_LABELS[kind], known: known[kind], gaps: gaps.filter((g) => g.kind === kind) })),
    gaps,
  };
}
