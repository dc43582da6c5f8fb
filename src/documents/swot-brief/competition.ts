/** Section 5: each competitor's strengths, weaknesses and tactics, and a table per purchase criterion beside ours. */
import type { Competitor, Deal } from '../../data/deal-schema.js';
import { criterionText } from '../../data/deal-schema.js';
import { criteriaMatching, namedCriteria } from '../../domain/method/index.js';
import type { RootContent } from 'mdast';
import type { DataTable } from '../../tree/nodes.js';
import type { Brief } from './context.js';
import { listSep, spaced } from './format.js';
import { bulletList, col, DASH, labelled, table } from './nodes.js';

export interface CompetitorView {
  name: string;
  /** Slot with the competitor's facts and its per-criterion table. */
  slot: string;
}

/** How our offer meets a named criterion, as the rep wrote it in the need tree. */
function ourResponse(deal: Deal, criterion: string): string | undefined {
  for (const p of deal.needs.problems)
    for (const c of p.criteria) if (typeof c !== 'string' && criterionText(c) === criterion && c.response) return c.response;
  return undefined;
}

/**
 * Rows: the rep's explicit comparison first; then each criterion the customer named that one
 * of the competitor's strengths or weaknesses speaks to and no comparison row covers yet.
 */
export function comparisonTable(b: Brief, c: Competitor): DataTable | undefined {
  const { l, deal } = b;
  const rows: string[][] = c.comparison.map((r) => [r.criterion, r.us ?? DASH, r.them ?? DASH, r.advantage ? l.advantage[r.advantage] : DASH]);
  const criteria = namedCriteria(deal);
  const covered = new Set(c.comparison.flatMap((r) => criteriaMatching(r.criterion, criteria).map((m) => m.criterion.text)));
  for (const criterion of criteria) {
    if (covered.has(criterion.text)) continue;
    const on = (points: string[]) => points.filter((p) => criteriaMatching(p, [criterion]).length > 0);
    const weak = on(c.weaknesses);
    const strong = on(c.strengths);
    if (weak.length === 0 && strong.length === 0) continue;
    covered.add(criterion.text);
    const them = [...strong.map((s) => l.competitor.theirStrength + s), ...weak.map((w) => l.competitor.theirWeakness + w)].join(b.locale === 'zh-CN' ? '；' : '; ');
    const verdict = [...(weak.length ? [l.competitor.opportunity] : []), ...(strong.length ? [l.competitor.threat] : [])].join(' / ');
    rows.push([criterion.text, ourResponse(deal, criterion.text) ?? DASH, them, verdict]);
  }
  if (rows.length === 0) return undefined;
  return table([col(l.competitor.criterion, 1.3), col(l.competitor.us, 1.5), col(`${l.competitor.them} · ${c.name}`, 1.5), col(l.competitor.verdict, 0.8, 'center')], rows);
}

function facts(b: Brief, c: Competitor): RootContent {
  const { l, locale } = b;
  const sep = listSep(locale);
  const lines: [string, string | undefined][] = [
    [l.competitor.products, c.products],
    [l.competitor.strengths, c.strengths.join(sep) || DASH],
    [l.competitor.weaknesses, c.weaknesses.join(sep) || DASH],
    [l.competitor.tactics, c.tactics ?? DASH],
    [l.competitor.price, c.price],
  ];
  return bulletList(lines.filter((x): x is [string, string] => x[1] !== undefined).map(([label, value]) => labelled(label, spaced(locale, value))));
}

export function competitorViews(b: Brief): { views: CompetitorView[]; slots: Record<string, RootContent[]> } {
  const slots: Record<string, RootContent[]> = {};
  const views = b.deal.competitors.map((c, i) => {
    const slot = `competitor-${i + 1}`;
    const compared = comparisonTable(b, c);
    slots[slot] = [facts(b, c), ...(compared ? [compared] : [])];
    return { name: c.name, slot };
  });
  return { views, slots };
}
