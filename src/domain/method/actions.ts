/**
 * The action plan: the rep's own actions first (owner, due date, what each addresses), then
 * what the method suggests — the stage's sales action, answers to each threat, ways to use each
 * opportunity, and the work that closes the high and medium information gaps.
 */
import type { Deal } from '../../data/deal-schema.js';
import type { IsoDate } from '../dates.js';
import type { Gap } from './gaps.js';
import { topicsOf } from './match.js';
import { stageInfo } from './stages.js';
import type { Swot, SwotEntry } from './swot.js';
import { bi, same, type Bilingual } from './text.js';

export type ActionOrigin = 'deal' | 'stage' | 'threat' | 'opportunity' | 'gap';

export interface PlannedAction {
  action: Bilingual;
  owner?: string;
  due?: IsoDate;
  addresses?: Bilingual;
  done: boolean;
  origin: ActionOrigin;
}

function answerThreat(t: SwotEntry): Bilingual {
  const { competitor, criteria, contact } = t.about ?? {};
  const crit = criteria?.join('、') ?? '';
  const onPrice = criteria !== undefined && criteria.some((c) => topicsOf(c).some((x) => x.topic === 'price'));
  if (t.origin === 'competitor_strength' && competitor && onPrice)
    return bi(`不拼单价：为「${crit}」算清总拥有成本（耗材、备件、服务、停机损失），让决策者看到 ${competitor} 低价背后的代价`, `Do not fight on unit price: work out the total cost of ownership for "${criteria.join('", "')}" (consumables, spares, service, downtime) so the decision maker sees what ${competitor}'s low price really costs`);
  if (t.origin === 'competitor_strength' && competitor)
    return bi(`针对「${crit}」准备我方的测试数据和标杆客户证据，把评估引向我方更强的标准，削弱 ${competitor} 的这一优势`, `Prepare our test data and reference customers for "${criteria?.join('", "')}", steer the evaluation towards the criteria where we are stronger, and blunt this strength of ${competitor}`);
  if (t.origin === 'comparison' && competitor)
    return bi(`缩小与 ${competitor} 在「${crit}」上的差距；做不到时，与设计者沟通该项的权重，用整体价值弥补`, `Close the gap to ${competitor} on "${crit}"; where we cannot, talk with the designer about its weight and compensate with overall value`);
  if (t.origin === 'people' && contact)
    return bi(`通过向导弄清 ${contact} 反对的原因，安排一对一沟通，针对其顾虑准备证据`, `Find out through the guide why ${contact} opposes us, meet one to one and bring evidence for the concern`);
  return bi(`制定应对措施：${t.text['zh-CN']}`, `Plan a countermeasure: ${t.text.en}`);
}

function useOpportunity(o: SwotEntry): Bilingual | undefined {
  const { competitor, criteria } = o.about ?? {};
  if (o.origin !== 'competitor_weakness' || !competitor || !criteria) return undefined;
  return bi(
    `在演示中用数据证明我方在「${criteria.join('、')}」上的表现，并请评估者向各家索取同样的数据，让 ${competitor} 的弱项自己显现`,
    `In the presentation prove our performance on "${criteria.join('", "')}" with data, and have the evaluators ask every bidder for the same figures so ${competitor}'s weakness shows for itself`,
  );
}

const key = (text: Bilingual): string => text['zh-CN'].normalize('NFKC').toLowerCase().replace(/\s+/g, '');

export function planActions(deal: Deal, gaps: readonly Gap[], swot: Swot): PlannedAction[] {
  const own: PlannedAction[] = deal.actions.map((a) => ({
    action: same(a.action),
    owner: a.owner,
    due: a.due,
    addresses: a.addresses === undefined ? undefined : same(a.addresses),
    done: a.done,
    origin: 'deal',
  }));
  const stage = stageInfo(deal.stage);
  const stageAction: PlannedAction = { action: stage.action, addresses: bi(`阶段：${stage.label['zh-CN']}`, `Stage: ${stage.label.en}`), done: false, origin: 'stage' };
  const suggested = [
    stageAction,
    ...swot.threats.map((t): PlannedAction => ({ action: answerThreat(t), addresses: t.text, done: false, origin: 'threat' })),
    ...swot.opportunities.flatMap((o): PlannedAction[] => {
      const action = useOpportunity(o);
      return action ? [{ action, addresses: o.text, done: false, origin: 'opportunity' }] : [];
    }),
    ...gaps.filter((g) => g.severity !== 'low').map((g): PlannedAction => ({ action: g.action, addresses: g.text, done: false, origin: 'gap' })),
  ].map((a): PlannedAction => ({ ...a, owner: deal.rep.name }));

  // The same advice can come from a threat and a gap (an influential opponent), and the rep may
  // already have an action for a point: keep the first.
  const seen = new Set<string>();
  const handled = new Set(own.flatMap((a) => (a.addresses ? [key(a.addresses)] : [])));
  return [...own, ...suggested].filter((a) => {
    if (a.origin !== 'deal' && a.addresses && handled.has(key(a.addresses))) return false;
    const k = key(a.action);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
