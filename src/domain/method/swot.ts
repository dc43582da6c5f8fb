/**
 * The competitive (SWOT) analysis: the rep's own `swot:` items first, then what the data says —
 * only where the data says it, never by guessing from words:
 * - a competitor's weakness tagged with a named purchase criterion (`{ point, criterion }`) → opportunity
 * - a competitor's strength tagged with a named criterion → threat
 * - a per-criterion comparison (`comparison[]`) we lead → strength; one they lead → threat when
 *   the customer named that criterion (its text or key), otherwise a weakness of ours
 * - an influential opponent → threat; an opponent in a buying role → weakness; our guide or a
 *   supporting decision maker → strength
 * - no confirmed budget → weakness; a credit-risk customer (receivables) → threat
 * Every derived item carries a compact source ("对比表 · KT Vision").
 */
import { criterionText, pointText, type Competitor, type Contact, type Deal } from '../deal.js';
import { formatMoney } from '../money.js';
import type { CreditAssessment } from './credit.js';
import { qualify } from './qualification.js';
import { ROLE_INFO } from './roles.js';
import { bi, pick, same, type Bilingual, type MethodLocale } from './text.js';

export const QUADRANTS = ['strengths', 'weaknesses', 'opportunities', 'threats'] as const;
export type Quadrant = (typeof QUADRANTS)[number];

export type SwotOrigin = 'deal' | 'competitor_weakness' | 'competitor_strength' | 'comparison' | 'people' | 'qualification' | 'receivables';

export interface SwotEntry {
  text: Bilingual;
  /** Where a derived item comes from, compact; undefined for the rep's own items. */
  source?: Bilingual;
  origin: SwotOrigin;
  /** What a derived item is about, for the actions that answer it. */
  about?: { competitor?: string; criteria?: string[]; contact?: string };
}

export type Swot = Record<Quadrant, SwotEntry[]>;

/** A purchase criterion the customer named, with the need it belongs to and its catalogue key. */
export interface NamedCriterion {
  text: string;
  problem: string;
  key?: string;
  /** How we meet it, as the rep wrote it. */
  response?: string;
  /** SKUs / product names of its need. */
  products: string[];
}

export function namedCriteria(deal: Pick<Deal, 'needs'>): NamedCriterion[] {
  return deal.needs.problems.flatMap((p) =>
    p.criteria.map((c) => ({
      text: criterionText(c),
      problem: p.problem,
      key: typeof c === 'string' ? undefined : c.key,
      response: typeof c === 'string' ? undefined : c.response,
      products: p.products,
    })),
  );
}

const norm = (s: string): string => s.normalize('NFKC').toLowerCase().replace(/\s+/g, '');

/** The named criterion a tag (a criterion's text or key) refers to — exact after normalising width, case and spaces. */
export function criterionByTag(tag: string | undefined, criteria: readonly NamedCriterion[]): NamedCriterion | undefined {
  if (!tag) return undefined;
  const t = norm(tag);
  return criteria.find((c) => norm(c.text) === t) ?? criteria.find((c) => c.key !== undefined && norm(c.key) === t);
}

const empty = (): Swot => ({ strengths: [], weaknesses: [], opportunities: [], threats: [] });

function competitorPoints(c: Competitor, criteria: NamedCriterion[], swot: Swot): void {
  const kinds: [Competitor['weaknesses'], Quadrant, 'competitor_weakness' | 'competitor_strength', [string, string]][] = [
    [c.weaknesses, 'opportunities', 'competitor_weakness', ['弱项', 'weakness']],
    [c.strengths, 'threats', 'competitor_strength', ['优势', 'strength']],
  ];
  for (const [points, quadrant, origin, [zhKind, enKind]] of kinds) {
    for (const p of points) {
      if (typeof p === 'string') continue;
      const crit = criterionByTag(p.criterion, criteria);
      if (!crit) continue;
      swot[quadrant].push({
        origin,
        about: { competitor: c.name, criteria: [crit.text] },
        text: bi(`${c.name}：${p.point}（采购标准「${crit.text}」）`, `${c.name}: ${p.point} (criterion "${crit.text}")`),
        source: bi(`${c.name}${zhKind} · ${crit.text}`, `${c.name} ${enKind} · ${crit.text}`),
      });
    }
  }
}

/** What we offer on a named criterion (the deal's response or a catalogue specification). */
export type OfferLookup = (criterion: NamedCriterion) => string | undefined;

function comparisonPoints(c: Competitor, criteria: NamedCriterion[], swot: Swot, offer?: OfferLookup): void {
  for (const row of c.comparison) {
    if (row.advantage !== 'us' && row.advantage !== 'them') continue;
    const named = criterionByTag(row.criterion, criteria);
    const label = named?.text ?? row.criterion;
    const us = row.us ?? (named && offer ? offer(named) : undefined);
    const detail = us || row.them ? bi(`（我方：${us ?? '—'}；对方：${row.them ?? '—'}）`, ` (us: ${us ?? '—'}; them: ${row.them ?? '—'})`) : same('');
    const source = bi(`对比表 · ${c.name}`, `comparison · ${c.name}`);
    if (row.advantage === 'us') {
      swot.strengths.push({ origin: 'comparison', source, about: { competitor: c.name, criteria: [label] }, text: bi(`「${label}」领先 ${c.name}${detail['zh-CN']}`, `Ahead of ${c.name} on "${label}"${detail.en}`) });
      continue;
    }
    swot[named ? 'threats' : 'weaknesses'].push({
      origin: 'comparison',
      about: { competitor: c.name, criteria: [label] },
      source: named ? bi(`${source['zh-CN']} · 客户采购标准`, `${source.en} · customer criterion`) : source,
      text: bi(`「${label}」${c.name} 领先${detail['zh-CN']}`, `${c.name} ahead on "${label}"${detail.en}`),
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
  const source = bi('人员图谱', 'people map');
  for (const c of deal.contacts) {
    const name = bi(who(c, 'zh-CN'), who(c, 'en'));
    if (c.attitude === 'opponent' && (c.influence === 'high' || c.role === 'decision_maker')) {
      swot.threats.push({ origin: 'people', source, about: { contact: c.name }, text: bi(`${name['zh-CN']}影响力大，但反对我们`, `${name.en} is influential and opposes us`) });
    } else if (c.attitude === 'opponent' && c.role) {
      // Someone who scores or specifies the purchase and opposes us is a weakness of our position.
      swot.weaknesses.push({ origin: 'people', source, about: { contact: c.name }, text: bi(`${name['zh-CN']}反对我们`, `${name.en} opposes us`) });
    }
    if (c.guide) {
      swot.strengths.push({ origin: 'people', source, text: bi(`${name['zh-CN']}是我们在客户内部的向导`, `${name.en} is our guide inside the customer`) });
    } else if (c.attitude === 'supporter' && (c.role === 'decision_maker' || c.influence === 'high')) {
      swot.strengths.push({ origin: 'people', source, text: bi(`${name['zh-CN']}支持我们`, `${name.en} supports us`) });
    }
  }
}

function creditPoints(deal: Deal, credit: CreditAssessment | undefined, swot: Swot): void {
  if (!credit?.risk) return;
  const cur = '¥';
  const r = credit.record;
  const over = credit.longOverdue.gt(0)
    ? bi(`${cur}${formatMoney(credit.longOverdue)} 逾期超过 ${credit.policy.overdueDays} 天`, `${cur}${formatMoney(credit.longOverdue)} more than ${credit.policy.overdueDays} days overdue`)
    : bi(`逾期 ${cur}${formatMoney(r.overdue)}`, `${cur}${formatMoney(r.overdue)} overdue`);
  swot.threats.push({
    origin: 'receivables',
    source: bi(`应收账款 · 截至 ${r.asOf}`, `receivables · as of ${r.asOf}`),
    text: bi(
      `${deal.customer.short_name ?? deal.customer.name}回款风险：未收 ${cur}${formatMoney(r.outstanding)}，其中${over['zh-CN']}，坏账准备 ${cur}${formatMoney(r.provision)}`,
      `Credit risk at ${deal.customer.short_name ?? deal.customer.name}: ${cur}${formatMoney(r.outstanding)} outstanding, ${over.en}, provision ${cur}${formatMoney(r.provision)}`,
    ),
  });
}

/** What the deal's data implies, each item with its source. */
export function deriveSwot(deal: Deal, credit?: CreditAssessment, offer?: OfferLookup): Swot {
  const swot = empty();
  const criteria = namedCriteria(deal);
  creditPoints(deal, credit, swot);
  for (const c of deal.competitors) competitorPoints(c, criteria, swot);
  for (const c of deal.competitors) comparisonPoints(c, criteria, swot, offer);
  peoplePoints(deal, swot);
  // Only a missing or negative budget makes a deal not qualified.
  if (qualify(deal).verdict === 'not_qualified') {
    swot.weaknesses.push({
      origin: 'qualification',
      text: deal.qualification.budget ? bi(`客户尚无预算：${deal.qualification.budget}`, `No budget yet: ${deal.qualification.budget}`) : bi('客户预算尚未确认', "The customer's budget is not confirmed"),
      source: bi('五个问题 · 预算', 'five questions · budget'),
    });
  }
  return swot;
}

/** The rep's items first, then the derived ones; an item the rep already wrote is not repeated. */
export function buildSwot(deal: Deal, credit?: CreditAssessment, offer?: OfferLookup): Swot {
  const derived = deriveSwot(deal, credit, offer);
  const out = empty();
  for (const q of QUADRANTS) {
    const seen = new Set<string>();
    for (const e of [...deal.swot[q].map((t): SwotEntry => ({ origin: 'deal', text: same(t) })), ...derived[q]]) {
      const key = norm(e.text['zh-CN']);
      if (seen.has(key)) continue;
      seen.add(key);
      out[q].push(e);
    }
  }
  return out;
}

/** Competitor points as text, for listing. */
export const pointsText = (points: Competitor['strengths']): string[] => points.map(pointText);
