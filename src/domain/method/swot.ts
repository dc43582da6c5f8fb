/**
 * The competitive (SWOT) analysis: the rep's own `swot:` items first, then what the data implies.
 * Every derived item says where it comes from, so the rep can check the reasoning:
 * - a competitor's weakness on a criterion the customer named → opportunity
 * - a competitor's strength on such a criterion → threat
 * - a per-criterion comparison we lead → strength; one they lead → threat when the customer
 *   named that criterion (they can win on it), otherwise a weakness of ours
 * - an influential opponent → threat; our guide or a supporting decision maker → strength
 * - no confirmed budget → weakness
 */
import { criterionText, type Competitor, type Contact, type Deal } from '../../data/deal-schema.js';
import { matchTerms, matchTexts } from './match.js';
import { qualify } from './qualification.js';
import { ROLE_INFO } from './roles.js';
import { bi, joinList, pick, same, type Bilingual, type MethodLocale } from './text.js';

export const QUADRANTS = ['strengths', 'weaknesses', 'opportunities', 'threats'] as const;
export type Quadrant = (typeof QUADRANTS)[number];

export type SwotOrigin = 'deal' | 'competitor_weakness' | 'competitor_strength' | 'comparison' | 'people' | 'qualification';

export interface SwotEntry {
  text: Bilingual;
  /** Where a derived item comes from; undefined for the rep's own items. */
  source?: Bilingual;
  origin: SwotOrigin;
  /** What a derived item is about, for the actions that answer it. */
  about?: { competitor?: string; criteria?: string[]; contact?: string };
}

export type Swot = Record<Quadrant, SwotEntry[]>;

/** A purchase criterion the customer named, with the need it belongs to. */
export interface NamedCriterion {
  text: string;
  problem: string;
}

export function namedCriteria(deal: Pick<Deal, 'needs'>): NamedCriterion[] {
  return deal.needs.problems.flatMap((p) => p.criteria.map((c) => ({ text: criterionText(c), problem: p.problem })));
}

/** The named criteria a competitor's point speaks to, and the words that tie them. */
export function criteriaMatching(point: string, criteria: readonly NamedCriterion[]): { criterion: NamedCriterion; terms: string[] }[] {
  return criteria.flatMap((criterion) => {
    const m = matchTexts(point, criterion.text);
    return m ? [{ criterion, terms: matchTerms(m) }] : [];
  });
}

const empty = (): Swot => ({ strengths: [], weaknesses: [], opportunities: [], threats: [] });

function competitorPoints(c: Competitor, criteria: NamedCriterion[], swot: Swot): void {
  const points: [string[], Quadrant, 'competitor_weakness' | 'competitor_strength', [string, string]][] = [
    [c.weaknesses, 'opportunities', 'competitor_weakness', ['竞争对手弱项', 'competitor weakness']],
    [c.strengths, 'threats', 'competitor_strength', ['竞争对手优势', 'competitor strength']],
  ];
  for (const [list, quadrant, origin, [zhKind, enKind]] of points) {
    for (const point of list) {
      const hits = criteriaMatching(point, criteria);
      if (hits.length === 0) continue;
      const names = joinList(hits.map((h) => h.criterion.text));
      const terms = [...new Set(hits.flatMap((h) => h.terms))];
      swot[quadrant].push({
        origin,
        about: { competitor: c.name, criteria: hits.map((h) => h.criterion.text) },
        text: bi(`${c.name}：${point}（客户的采购标准：${names['zh-CN']}）`, `${c.name}: ${point} (customer criterion: ${names.en})`),
        source: bi(`推导自${zhKind} × 采购标准，匹配词：${terms.join('、')}`, `Derived from ${enKind} × purchase criterion; matched on: ${terms.join(', ')}`),
      });
    }
  }
}

function comparisonPoints(c: Competitor, criteria: NamedCriterion[], swot: Swot): void {
  for (const row of c.comparison) {
    if (row.advantage !== 'us' && row.advantage !== 'them') continue;
    const detail = row.us || row.them ? bi(`（我方：${row.us ?? '—'}；对方：${row.them ?? '—'}）`, ` (us: ${row.us ?? '—'}; them: ${row.them ?? '—'})`) : same('');
    const source = bi(`推导自与 ${c.name} 的逐项对比`, `Derived from the comparison with ${c.name}`);
    if (row.advantage === 'us') {
      swot.strengths.push({ origin: 'comparison', source, about: { competitor: c.name, criteria: [row.criterion] }, text: bi(`「${row.criterion}」领先 ${c.name}${detail['zh-CN']}`, `Ahead of ${c.name} on "${row.criterion}"${detail.en}`) });
      continue;
    }
    const named = criteriaMatching(row.criterion, criteria).length > 0;
    swot[named ? 'threats' : 'weaknesses'].push({
      origin: 'comparison',
      about: { competitor: c.name, criteria: [row.criterion] },
      source: named ? bi(`${source['zh-CN']}；客户把这一项列为采购标准`, `${source.en}; the customer named this criterion`) : source,
      text: bi(`「${row.criterion}」${c.name} 领先${detail['zh-CN']}`, `${c.name} ahead on "${row.criterion}"${detail.en}`),
    });
  }
}

function who(c: Contact, locale: MethodLocale): string {
  const role = c.role ? pick(ROLE_INFO[c.role].label, locale) : undefined;
  const parts = [c.title, role].filter((x): x is string => !!x);
  if (parts.length === 0) return c.name;
  return locale === 'zh-CN' ? `${c.name}（${parts.join('，')}）` : `${c.name} (${parts.join(', ')})`;
}

function peoplePoints(deal: Deal, swot: Swot): void {
  const source = bi('推导自人员图谱（角色、影响力、态度）', 'Derived from the people map (role, influence, attitude)');
  for (const c of deal.contacts) {
    const name = bi(who(c, 'zh-CN'), who(c, 'en'));
    if (c.attitude === 'opponent' && (c.influence === 'high' || c.role === 'decision_maker')) {
      swot.threats.push({ origin: 'people', source, about: { contact: c.name }, text: bi(`${name['zh-CN']}影响力大，但反对我们`, `${name.en} is influential and opposes us`) });
    }
    if (c.guide) {
      swot.strengths.push({ origin: 'people', source, text: bi(`${name['zh-CN']}是我们在客户内部的向导`, `${name.en} is our guide inside the customer`) });
    } else if (c.attitude === 'supporter' && (c.role === 'decision_maker' || c.influence === 'high')) {
      swot.strengths.push({ origin: 'people', source, text: bi(`${name['zh-CN']}支持我们`, `${name.en} supports us`) });
    }
  }
}

/** What the deal's data implies, each item with its source. */
export function deriveSwot(deal: Deal): Swot {
  const swot = empty();
  const criteria = namedCriteria(deal);
  for (const c of deal.competitors) competitorPoints(c, criteria, swot);
  for (const c of deal.competitors) comparisonPoints(c, criteria, swot);
  peoplePoints(deal, swot);
  // Only a missing or negative budget makes a deal not qualified.
  if (qualify(deal).verdict === 'not_qualified') {
    swot.weaknesses.push({
      origin: 'qualification',
      text: deal.qualification.budget ? bi(`客户尚无预算：${deal.qualification.budget}`, `No budget yet: ${deal.qualification.budget}`) : bi('客户预算尚未确认', 'The customer\'s budget is not confirmed'),
      source: bi('推导自五个问题之“预算”', 'Derived from the five questions: budget'),
    });
  }
  return swot;
}

/** The rep's items first, then the derived ones; an item the rep already wrote is not repeated. */
export function buildSwot(deal: Deal): Swot {
  const derived = deriveSwot(deal);
  const out = empty();
  for (const q of QUADRANTS) {
    const seen = new Set<string>();
    for (const e of [...deal.swot[q].map((t): SwotEntry => ({ origin: 'deal', text: same(t) })), ...derived[q]]) {
      const key = e.text['zh-CN'].normalize('NFKC').toLowerCase().replace(/\s+/g, '');
      if (seen.has(key)) continue;
      seen.add(key);
      out[q].push(e);
    }
  }
  return out;
}
