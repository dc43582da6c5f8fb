/** Section 2: what we know and — prominently, in a warning box — what is missing before the presentation. */
import type { RootContent } from 'mdast';
import type { Brief } from './context.js';
import { spaced } from './format.js';
import { bulletList, callout, col, paragraph, strong, table } from './nodes.js';

export function gapsCallout(b: Brief): RootContent {
  const { l, t, locale } = b;
  const gaps = b.a.completeness.gaps;
  if (gaps.length === 0) return callout('success', undefined, [paragraph(l.gaps.none)]);
  const items = gaps.map((g) => paragraph(strong(l.gaps.severity[g.severity]), t(g.text), ' ', strong(l.gaps.suggestion), spaced(locale, t(g.action))));
  return callout('warning', l.gaps.title(gaps.length), [bulletList(items)]);
}

export function completenessTable(b: Brief): RootContent {
  const { l, t, locale } = b;
  const sep = locale === 'zh-CN' ? '；' : '; ';
  const rows = b.a.completeness.kinds.map((k) => [t(k.label), k.known.map(t).join(sep) || l.completeness.nothingKnown, String(k.gaps.length)]);
  return table([col(l.completeness.kind, 1.2), col(l.completeness.known, 3), col(l.completeness.missing, 0.6, 'right')], rows);
}
