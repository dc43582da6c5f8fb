/** Section 3: the people map (influence × attitude), the contacts table and advice per communication style. */
import type { Contact } from '../../data/deal-schema.js';
import { ROLE_INFO, STYLE_INFO, STYLES_ORDER } from '../../domain/method/index.js';
import type { RootContent } from 'mdast';
import type { DataTable, PeopleMap } from '../../tree/nodes.js';
import type { Brief } from './context.js';
import { colon, listSep, spaced } from './format.js';
import { bulletList, col, DASH, labelled, table } from './nodes.js';

/** "决策者 · 老虎型": what a reader needs beside a name on the map. */
function roleAndStyle(b: Brief, c: Contact): string {
  const role = c.role ? b.t(ROLE_INFO[c.role].label) : b.l.unknownRole;
  const style = c.style ? b.t(STYLE_INFO[c.style].label) : b.l.unknownStyle;
  return `${role} · ${style}`;
}

export function peopleMap(b: Brief): PeopleMap {
  const { l } = b;
  return {
    type: 'peopleMap',
    labels: { influence: l.people.mapInfluence, attitude: l.people.mapAttitude, levels: l.levels, attitudes: l.attitudes, guide: l.people.guide },
    people: b.deal.contacts.map((c) => ({
      name: c.name,
      // Someone whose influence or attitude we do not know is drawn in the middle and says so.
      caption: c.influence && c.attitude ? roleAndStyle(b, c) : `${roleAndStyle(b, c)} · ${l.people.unplaced}`,
      influence: c.influence ?? 'medium',
      attitude: c.attitude ?? 'neutral',
      guide: c.guide,
    })),
  };
}

export function contactsTable(b: Brief): DataTable {
  const { l, t } = b;
  const u = l.people.unknown;
  const rows = b.deal.contacts.map((c) => [
    c.name,
    [c.title, c.department].filter(Boolean).join(' · ') || DASH,
    c.role ? t(ROLE_INFO[c.role].label) : u,
    c.influence ? l.levels[c.influence] : u,
    c.attitude ? l.attitudes[c.attitude] : u,
    c.guide ? l.people.yes : l.people.no,
    c.style ? t(STYLE_INFO[c.style].label) : u,
  ]);
  return table(
    [col(l.people.name, 1.1), col(l.people.title, 1.5), col(l.people.role, 1.1), col(l.people.influence, 0.8, 'center'), col(l.people.attitude, 0.9, 'center'), col(l.people.guide, 0.5, 'center'), col(l.people.style, 0.9)],
    rows,
  );
}

export interface StyleView {
  /** 老虎型：王总、李工 */
  heading: string;
  traits: string;
  /** Slot with the four pieces of advice. */
  slot: string;
}

/** Advice for each style present among the contacts, in the method's order. */
export function styleViews(b: Brief): { views: StyleView[]; slots: Record<string, RootContent[]> } {
  const { t, l, locale } = b;
  const slots: Record<string, RootContent[]> = {};
  const views = STYLES_ORDER.flatMap((id): StyleView[] => {
    const people = b.deal.contacts.filter((c) => c.style === id).map((c) => c.name);
    if (people.length === 0) return [];
    const s = STYLE_INFO[id];
    const slot = `style-${id}`;
    const advice = (['open', 'material', 'commitment', 'avoid'] as const).map((k) => labelled(l.advice[k], spaced(locale, t(s.advice[k]))));
    slots[slot] = [bulletList(advice)];
    return [{ heading: colon(locale, t(s.label), people.join(listSep(locale))), traits: colon(locale, l.advice.traits, t(s.traits)), slot }];
  });
  return { views, slots };
}
