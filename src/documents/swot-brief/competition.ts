/**
 * Section 5: each competitor's strengths, weaknesses and tactics, and a table per purchase
 * criterion beside ours — only rows the data gives: the rep's `comparison[]`, and named criteria
 * a competitor's point is tagged with (`{ point, criterion }`). "Us" is the rep's figure, else the
 * deal's response, else the catalogue's specification for that criterion's key.
 */
import type { RootContent } from 'mdast';
import type { Competitor } from '../../data/deal-schema.js';
import { pointText } from '../../data/deal-schema.js';
import { criterionByTag, namedCriteria, offerFor } from '../../domain/method/index.js';
import type { DataTable } from '../../tree/nodes.js';
import type { Brief } from './context.js';
import { listSep, spaced } from './format.js';
import { bulletList, col, DASH, labelled, table } from './nodes.js';

export interface CompetitorView {
  name: string;
  /** Slot with the competitor's facts and its per-criterion table. */
  slot: string;
}

function comparisonTable(b: Brief, c: Competitor): DataTable | undefined {
  const { l, deal, locale } = b;
  const criteria = namedCriteria(deal);
  const us = (tag: string, given?: string): string => {
    if (given) return given;
    const named = criterionByTag(tag, criteria);
    return (named && offerFor(named, b.items, locale)?.text) ?? DASH;
  };
  const rows: string[][] = c.comparison.map((r) => [criterionByTag(r.criterion, criteria)?.text ?? r.criterion, us(r.criterion, r.us), r.them ?? DASH, r.advantage ? l.advantage[r.advantage] : DASH]);
  const covered = new Set(rows.map((r) => r[0]));
  const sep = locale === 'zh-CN' ? '；' : '; ';
  for (const criterion of criteria) {
    if (covered.has(criterion.text)) continue;
    const tagged = (points: Competitor['strengths']) => points.flatMap((p) => (typeof p !== 'string' && criterionByTag(p.criterion, [criterion]) ? [p.point] : []));
    const weak = tagged(c.weaknesses);
    const strong = tagged(c.strengths);
    if (weak.length === 0 && strong.length === 0) continue;
    covered.add(criterion.text);
    const them = [...strong.map((s) => l.competitor.theirStrength + s), ...weak.map((w) => l.competitor.theirWeakness + w)].join(sep);
    const verdict = [...(weak.length ? [l.competitor.opportunity] : []), ...(strong.length ? [l.competitor.threat] : [])].join(' / ');
    rows.push([criterion.text, us(criterion.text), them, verdict]);
  }
  if (rows.length === 0) return undefined;
  return table([col(l.competitor.criterion, 1.3), col(l.competitor.us, 1.5), col(`${l.competitor.them} · ${c.name}`, 1.5), col(l.competitor.verdict, 0.8, 'center')], rows);
}

function facts(b: Brief, c: Competitor): RootContent {
  const { l, locale } = b;
  const sep = listSep(locale);
  const lines: [string, string | undefined][] = [
    [l.competitor.products, c.products],
    [l.competitor.strengths, c.strengths.map(pointText).join(sep) || DASH],
    [l.competitor.weaknesses, c.weaknesses.map(pointText).join(sep) || DASH],
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
