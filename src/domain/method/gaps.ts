/**
 * Information completeness before a presentation. The method's four kinds of information —
 * current situation, organisation, people, competition — plus the need tree, the five questions
 * and the quote: what we know, and each gap with its severity and what to do about it.
 */
import type { Contact, Deal } from '../deal.js';
import { daysBetween, type IsoDate } from '../dates.js';
import { knownInformation } from './known.js';
import { isUnknown } from './known-value.js';
import { qualify, QUESTIONS } from './qualification.js';
import { ROLE_INFO, type Role } from './roles.js';
import { stageInfo } from './stages.js';
import { bi, joinList, type Bilingual } from './text.js';

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

/** A missing decision maker or evaluator is a blind spot where the decision is made. */
const ROLE_SEVERITY: Record<Role, Severity> = { decision_maker: 'high', evaluator: 'high', designer: 'medium', user: 'medium', initiator: 'low' };

type Pair = [zh: string, en: string];
const gap = (id: string, kind: InfoKind, severity: Severity, text: Pair, action: Pair): Gap => ({ id, kind, severity, text: bi(...text), action: bi(...action) });

const hasPersonal = (c: Contact): boolean => {
  const p = c.personal;
  // "未知" / "unknown" is not information.
  return !!p && (p.age !== undefined || !isUnknown(p.family) || !isUnknown(p.education) || !isUnknown(p.hometown) || p.hobbies.some((h) => !isUnknown(h)) || !isUnknown(p.career) || !isUnknown(p.notes));
};

function customerGaps({ customer }: Deal): Gap[] {
  const out: Gap[] = [];
  if (customer.situation.every((x) => isUnknown(x)))
    out.push(gap('situation', 'situation', 'medium', ['客户现状未记录：在用设备、品牌和使用中的问题都不清楚', 'Current situation not recorded: equipment in use, brands and problems unknown'], ['下次拜访前向发起者或向导了解在用设备、品牌和使用中的问题', 'Before the next visit, learn the equipment in use, its brands and its problems from the initiator or the guide']));
  if (isUnknown(customer.industry) || isUnknown(customer.scale))
    out.push(gap('profile', 'situation', 'low', ['客户行业或规模未填写', 'Customer industry or size not recorded'], ['补充客户的行业、规模和性质', "Record the customer's industry, size and ownership"]));
  if (customer.organization.length === 0)
    out.push(gap('organization', 'organization', 'medium', ['组织结构未知：不清楚哪些部门参与、由谁负责', 'Organisation unknown: which departments take part and who heads them'], ['请向导画出与本项目相关的部门和汇报关系', 'Ask the guide to sketch the departments involved and who reports to whom']));
  const headless = customer.organization.filter((o) => isUnknown(o.head)).map((o) => o.department);
  if (headless.length) {
    const names = joinList(headless);
    out.push(gap('organization-heads', 'organization', 'low', [`部门负责人未知：${names['zh-CN']}`, `Head of department unknown: ${names.en}`], ['确认这些部门的负责人及其在采购中的角色', 'Find out who heads these departments and what role they play in the purchase']));
  }
  return out;
}

function peopleGaps({ contacts }: Deal): Gap[] {
  const out: Gap[] = [];
  if (contacts.length === 0)
    out.push(gap('contacts', 'personal', 'high', ['没有任何联系人', 'No contacts recorded'], ['找到发起者和决策者，建立第一批联系', 'Find the initiator and the decision maker and make first contact']));
  for (const role of Object.keys(ROLE_INFO) as Role[]) {
    if (contacts.some((c) => c.role === role)) continue;
    const { label, blindSpot } = ROLE_INFO[role];
    out.push(gap(`role:${role}`, 'personal', ROLE_SEVERITY[role], [`没有已知的${label['zh-CN']}：${blindSpot['zh-CN']}`, `No ${label.en.toLowerCase()} known: ${blindSpot.en}`], [`通过向导或已知联系人找到${label['zh-CN']}并安排拜访`, `Identify the ${label.en.toLowerCase()} through the guide or known contacts and arrange a meeting`]));
  }
  if (contacts.length > 0 && !contacts.some((c) => c.guide))
    out.push(gap('guide', 'personal', 'high', ['客户内部没有向导', 'No guide (coach) inside the customer'], ['从支持我们的联系人中发展向导：定期沟通、给他价值、请他指路', 'Develop a guide among the supporters: stay in touch, give value, ask for directions']));
  for (const dm of contacts.filter((c) => c.role === 'decision_maker' && !hasPersonal(c)))
    out.push(gap(`personal:${dm.name}`, 'personal', 'medium', [`决策者 ${dm.name} 的个人信息未知`, `Decision maker ${dm.name}: personal information unknown`], [`通过向导了解 ${dm.name} 的背景、经历和兴趣，找到共同话题`, `Learn ${dm.name}'s background, career and interests through the guide to find common ground`]));
  for (const c of contacts.filter((x) => x.attitude === 'opponent' && (x.influence === 'high' || x.role !== undefined)))
    out.push(gap(`opponent:${c.name}`, 'personal', 'high', c.influence === 'high' ? [`${c.name} 影响力大但反对我们`, `${c.name} is influential and opposes us`] : [`${c.name}（${ROLE_INFO[c.role!].label['zh-CN']}）反对我们`, `${c.name} (${ROLE_INFO[c.role!].label.en}) opposes us`], [`通过向导弄清 ${c.name} 反对的原因，安排一对一沟通，针对其顾虑准备证据`, `Find out through the guide why ${c.name} opposes us, meet one to one and bring evidence for the concern`]));
  const lists: [string, (c: Contact) => boolean, Severity, Pair, Pair][] = [
    ['unplaced', (c) => !c.influence || !c.attitude, 'medium', ['影响力或态度未知', 'Influence or attitude unknown'], ['向向导核实这些人的影响力和对我们的态度', 'Check with the guide how much these people weigh and where they stand']],
    ['styles', (c) => !c.style, 'low', ['沟通风格未判断', 'Communication style not assessed'], ['下次见面时观察并记录其沟通风格，调整沟通方式', 'Observe and record their style at the next meeting and adapt to it']],
    ['roles', (c) => !c.role, 'low', ['采购角色未知', 'Buying role unknown'], ['弄清这些人在本次采购中扮演的角色', 'Find out what role these people play in this purchase']],
  ];
  for (const [id, test, severity, [zh, en], action] of lists) {
    const names = contacts.filter(test).map((c) => c.name);
    if (names.length) out.push(gap(id, 'personal', severity, [`${zh}：${joinList(names)['zh-CN']}`, `${en}: ${joinList(names).en}`], action));
  }
  return out;
}

function competitionGaps({ competitors, stage }: Deal): Gap[] {
  const out: Gap[] = [];
  if (competitors.length === 0) {
    // In the competitive phase not knowing the competition is a blind spot; earlier it is a to-do.
    const severity = stageInfo(stage).phase === 'competitive' ? 'high' : 'medium';
    out.push(gap('competitors', 'competitive', severity, ['没有记录任何竞争对手', 'No competitor recorded'], ['通过向导和评估者了解还有哪些厂家参与、各自的方案和报价', 'Find out from the guide and the evaluators who else is bidding, with what and at what price']));
  }
  for (const c of competitors.filter((x) => x.weaknesses.every((w) => isUnknown(typeof w === 'string' ? w : w.point))))
    out.push(gap(`competitor-weaknesses:${c.name}`, 'competitive', 'medium', [`竞争对手 ${c.name} 的弱项未知`, `Competitor ${c.name}: weaknesses unknown`], [`收集 ${c.name} 的用户反馈和丢单案例，找出其弱项`, `Collect user feedback and lost installations of ${c.name} to find its weak points`]));
  for (const c of competitors.filter((x) => isUnknown(x.tactics)))
    out.push(gap(`competitor-tactics:${c.name}`, 'competitive', 'low', [`竞争对手 ${c.name} 的销售策略未知`, `Competitor ${c.name}: sales tactics unknown`], [`向向导了解 ${c.name} 接触了谁、主打什么`, `Ask the guide whom ${c.name} is meeting and what it is pushing`]));
  return out;
}

function needsGaps(deal: Deal): Gap[] {
  return deal.needs.problems.flatMap((p, i) =>
    p.criteria.length > 0
      ? []
      : [gap(`criteria:${i + 1}`, 'needs', 'medium', [`需求「${p.problem}」没有采购标准`, `Need "${p.problem}" has no purchase criteria`], ['与设计者确认这一需求的采购标准，并把我方优势写进去', 'Agree the purchase criteria for this need with the designer, with our strengths written in'])],
  );
}

function qualificationGaps(deal: Deal): Gap[] {
  return qualify(deal).missing.map((id) => {
    const { label, ask } = QUESTIONS[id];
    return gap(`question:${id}`, 'qualification', id === 'budget' ? 'high' : 'medium', [`五个问题之“${label['zh-CN']}”没有答案`, `Question "${label.en}" unanswered`], [`弄清：${ask['zh-CN']}`, `Find out: ${ask.en}`]);
  });
}

function quoteGaps(deal: Deal, date: IsoDate): Gap[] {
  const until = deal.quote.valid_until;
  if (!until) return [gap('quote-validity', 'quote', 'low', ['报价没有有效期', 'The quote has no validity date'], ['在报价中写明有效期', 'State how long the quote is valid'])];
  const left = daysBetween(date, until);
  if (left < 0) return [gap('quote-expired', 'quote', 'high', [`报价已于 ${until} 过期`, `The quote expired on ${until}`], ['演示前更新报价和有效期', 'Renew the quote and its validity before the presentation'])];
  if (left <= 14) return [gap('quote-expiring', 'quote', 'medium', [`报价将于 ${until} 到期`, `The quote expires on ${until}`], ['确认客户的决策时间，必要时延长报价有效期', 'Check when the customer decides and extend the validity if needed'])];
  return [];
}

/** Every gap in the deal as of the document date, most severe first (stable within a severity). */
export function findGaps(deal: Deal, date: IsoDate): Gap[] {
  const gaps = [...customerGaps(deal), ...peopleGaps(deal), ...competitionGaps(deal), ...needsGaps(deal), ...qualificationGaps(deal), ...quoteGaps(deal, date)];
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
