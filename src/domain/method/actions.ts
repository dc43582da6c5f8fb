/**
 * The action plan a rep would write: the deal's own `actions:` first, then at most
 * `MAX_SUGGESTED` suggestions in order of urgency — collect overdue receivables, the stage's
 * sales action, the most severe information gaps, one answer per competitor to its threats and
 * one way to use its weaknesses (worded for the stage) — deduplicated, each with an owner (the rep)
 * and a due date derived from the next step, the stage and the quote's validity.
 */
import type { Deal } from '../deal.js';
import { addDays, type IsoDate } from '../dates.js';
import { formatMoney } from '../money.js';
import type { CreditAssessment } from './credit.js';
import type { Gap } from './gaps.js';
import { stageInfo, type Phase } from './stages.js';
import type { Swot, SwotEntry } from './swot.js';
import { bi, same, type Bilingual } from './text.js';

export type ActionOrigin = 'deal' | 'receivables' | 'stage' | 'threat' | 'opportunity' | 'gap';

export interface PlannedAction {
  action: Bilingual;
  owner?: string;
  due?: IsoDate;
  addresses?: Bilingual;
  done: boolean;
  origin: ActionOrigin;
}

export const MAX_SUGGESTED = 8;

/** The next dated step on or after the document date (else the last dated one). */
export function nextDatedStep(deal: Deal, date: IsoDate): { step: string; date: IsoDate } | undefined {
  const dated = deal.next_steps.filter((s): s is typeof s & { date: IsoDate } => !!s.date).sort((a, b) => a.date.localeCompare(b.date));
  const next = dated.find((s) => s.date >= date);
  return next ? { step: next.step, date: next.date } : undefined;
}

const key = (text: Bilingual): string => text['zh-CN'].normalize('NFKC').toLowerCase().replace(/\s+/g, '');

function byCompetitor(entries: SwotEntry[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const e of entries) {
    const c = e.about?.competitor;
    if (!c || !e.about?.criteria) continue;
    out.set(c, [...new Set([...(out.get(c) ?? []), ...e.about.criteria])]);
  }
  return out;
}

function threatAnswer(competitor: string, criteria: string[], phase: Phase): Bilingual {
  const zh = criteria.join('」「');
  const en = criteria.join('", "');
  if (phase === 'guiding') return bi(`与设计者沟通「${zh}」的写法和权重，避免标准向 ${competitor} 倾斜`, `Talk with the designer about how "${en}" is worded and weighted so the criteria do not favour ${competitor}`);
  if (phase === 'closing') return bi(`谈判前准备「${zh}」上的让步方案和总拥有成本对比，防止 ${competitor} 在最后一轮翻盘`, `Before negotiating, prepare concessions and a total-cost comparison on "${en}" so ${competitor} cannot turn the last round`);
  return bi(`针对「${zh}」准备我方实测数据和标杆客户证据，缩小与 ${competitor} 的差距；做不到时与设计者沟通该项权重`, `Prepare our measured data and reference customers on "${en}" to close the gap to ${competitor}; where we cannot, discuss the weight of it with the designer`);
}

function opportunityUse(competitor: string, criteria: string[], phase: Phase): Bilingual | undefined {
  const zh = criteria.join('」「');
  const en = criteria.join('", "');
  if (phase === 'guiding') return bi(`引导设计者把「${zh}」写进采购标准并给出可验证的指标，让 ${competitor} 的弱项成为评分项`, `Help the designer write "${en}" into the criteria with verifiable figures, so ${competitor}'s weakness is scored`);
  if (phase === 'competitive') return bi(`演示时用实测数据证明我方在「${zh}」上的表现，并请评估者向各家索取同口径数据（${competitor}）`, `In the presentation prove "${en}" with measured data and have the evaluators ask every bidder, ${competitor} included, for the same figures`);
  if (phase === 'closing') return bi(`谈判时以「${zh}」上的优势守住价格，不以降价换单（${competitor}）`, `In the negotiation hold the price with our lead on "${en}" rather than trading discount for the order (${competitor})`);
  return undefined;
}

export interface ActionInput {
  deal: Deal;
  date: IsoDate;
  gaps: readonly Gap[];
  swot: Swot;
  credit?: CreditAssessment;
}

export function planActions({ deal, date, gaps, swot, credit }: ActionInput): PlannedAction[] {
  const own: PlannedAction[] = deal.actions.map((a) => ({
    action: same(a.action),
    owner: a.owner,
    due: a.due,
    addresses: a.addresses === undefined ? undefined : same(a.addresses),
    done: a.done,
    origin: 'deal',
  }));
  const stage = stageInfo(deal.stage);
  const next = nextDatedStep(deal, date);
  const validUntil = deal.quote.valid_until;
  // Due dates: before the next step (prepare for it), never before the document date and never after the quote lapses.
  const clamp = (d: IsoDate): IsoDate => {
    let out = d < date ? date : d;
    if (validUntil && validUntil >= date && out > validUntil) out = validUntil;
    return out;
  };
  const before = (days: number, fallback: number): IsoDate => clamp(next ? addDays(next.date, -days) : addDays(date, fallback));
  const rep = deal.rep.name;

  const suggested: PlannedAction[] = [];
  if (credit?.risk) {
    const amount = credit.longOverdue.gt(0) ? credit.longOverdue : credit.record.overdue;
    suggested.push({
      action: bi(`先收回逾期货款 ¥${formatMoney(amount)}，再谈新的付款条件；新单提高预付比例`, `Collect the overdue ¥${formatMoney(amount)} before discussing new terms; ask for a larger prepayment on the new order`),
      addresses: bi('应收账款逾期', 'Overdue receivables'),
      origin: 'receivables',
      owner: rep,
      due: before(1, 7),
      done: false,
    });
  }
  suggested.push({
    action: stage.action,
    addresses: next ? bi(`阶段：${stage.label['zh-CN']}；下一步：${next.step}`, `Stage: ${stage.label.en}; next step: ${next.step}`) : bi(`阶段：${stage.label['zh-CN']}`, `Stage: ${stage.label.en}`),
    origin: 'stage',
    owner: rep,
    due: before(0, 14),
    done: false,
  });
  for (const g of gaps.filter((x) => x.severity === 'high')) suggested.push({ action: g.action, addresses: g.text, origin: 'gap', owner: rep, due: before(2, 10), done: false });
  for (const [competitor, criteria] of byCompetitor(swot.threats.filter((t) => t.origin !== 'receivables'))) {
    suggested.push({ action: threatAnswer(competitor, criteria, stage.phase), addresses: bi(`${competitor} 的优势`, `${competitor}'s lead`), origin: 'threat', owner: rep, due: before(2, 10), done: false });
  }
  for (const t of swot.threats.filter((x) => x.origin === 'people' && x.about?.contact)) {
    const c = t.about!.contact!;
    suggested.push({ action: bi(`通过向导弄清 ${c} 反对的原因，安排一对一沟通，针对其顾虑准备证据`, `Find out through the guide why ${c} opposes us, meet one to one and bring evidence for the concern`), addresses: t.text, origin: 'threat', owner: rep, due: before(3, 7), done: false });
  }
  for (const [competitor, criteria] of byCompetitor(swot.opportunities)) {
    const action = opportunityUse(competitor, criteria, stage.phase);
    if (action) suggested.push({ action, addresses: bi(`${competitor} 的弱项`, `${competitor}'s weakness`), origin: 'opportunity', owner: rep, due: before(2, 10), done: false });
  }
  // Medium gaps only while information is still being gathered (guiding and competitive phases).
  if (stage.phase === 'guiding' || stage.phase === 'competitive')
    for (const g of gaps.filter((x) => x.severity === 'medium')) suggested.push({ action: g.action, addresses: g.text, origin: 'gap', owner: rep, due: before(2, 14), done: false });

  // The same advice can come twice (an opponent is a gap and a threat), and the rep may already
  // have an action for a point: keep the first; then keep at most MAX_SUGGESTED.
  const seen = new Set(own.map((a) => key(a.action)));
  const handled = new Set(own.flatMap((a) => (a.addresses ? [key(a.addresses)] : [])));
  const kept: PlannedAction[] = [];
  for (const a of suggested) {
    if (kept.length >= MAX_SUGGESTED) break;
    if (a.addresses && handled.has(key(a.addresses))) continue;
    const k = key(a.action);
    if (seen.has(k)) continue;
    seen.add(k);
    kept.push(a);
  }
  return [...own, ...kept];
}

/** The three most important dated, open actions (the deal's own first, then by due date). */
export function topActions(actions: readonly PlannedAction[], n = 3): PlannedAction[] {
  const open = actions.filter((a) => !a.done && a.due);
  const rank = (a: PlannedAction) => (a.origin === 'receivables' ? 0 : a.origin === 'deal' ? 1 : 2);
  return [...open].sort((a, b) => rank(a) - rank(b) || a.due!.localeCompare(b.due!)).slice(0, n);
}
