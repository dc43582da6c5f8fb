/**
 * The shared look (../theme.ts) in WordprocessingML's units: twips (1/20 pt) for lengths,
 * half-points for font sizes, "RRGGBB" (no '#') for colours. Nothing here chooses a colour or a
 * size of its own; the page and indent constants only convert.
 */
import type { DocMeta } from '../../tree/nodes.js';
import { colours, INK, MARGIN_MM, SWOT_TONES, tint as shared, TONES, TYPE } from '../theme.js';

const TWIPS_PER_MM = 1440 / 25.4;
export const mm = (n: number): number => Math.round(n * TWIPS_PER_MM);

/** A4 in twips (portrait). */
export const A4 = { width: 11906, height: 16838 } as const;

export const MARGIN = {
  top: mm(MARGIN_MM.top),
  bottom: mm(MARGIN_MM.bottom),
  left: mm(MARGIN_MM.left),
  right: mm(MARGIN_MM.right),
  header: mm(MARGIN_MM.header),
  footer: mm(MARGIN_MM.footer),
} as const;

/** "#1F4E79" → "1F4E79". */
const bare = (hex: string): string => hex.slice(1);
/** Points → half-points. */
const hp = (pt: number): number => Math.round(pt * 2);

/** Half-points. */
export const SIZE = {
  body: hp(TYPE.body),
  title: hp(TYPE.title),
  h1: hp(TYPE.headings[0]),
  h2: hp(TYPE.headings[1]),
  h3: hp(TYPE.headings[2]),
  table: hp(TYPE.table),
  dense: hp(TYPE.tableDense),
  caption: hp(TYPE.caption),
  small: hp(TYPE.small),
  code: hp(TYPE.code),
  header: hp(TYPE.header),
} as const;

/** One indent step: two CJK characters of body text (2 × 10.5 pt), in twips. */
export const INDENT_STEP = 2 * TYPE.body * 20;

export const GREY = {
  text: bare(INK.text),
  muted: bare(INK.muted),
  rule: bare(INK.rule),
  band: bare(INK.band),
  code: bare(INK.codeBg),
  dark: bare(INK.ruleStrong),
} as const;

type Tone = { readonly ink: string; readonly fill: string };
const bareTones = <K extends string>(tones: Record<K, Tone>): Record<K, Tone> =>
  Object.fromEntries(Object.entries<Tone>(tones).map(([k, t]) => [k, { ink: bare(t.ink), fill: bare(t.fill) }])) as Record<K, Tone>;

/** Tone colours of callouts: `ink` for rules and titles, `fill` for the box. */
export const TONE = bareTones(TONES);

/** SWOT quadrants: strengths green, weaknesses amber, opportunities blue, threats red. */
export const SWOT = bareTones(SWOT_TONES);

/** People map cells, opponent (reddish) → supporter (greenish). */
export const ATTITUDE_FILL = { opponent: 'F8DEDB', neutral: 'F3EFE3', supporter: 'DDEFE0' } as const;
export const GUIDE_INK = 'B7791F';

export interface Theme {
  /** Brand colour, "RRGGBB". */
  brand: string;
  /** Light brand tint for table headers. */
  brandTint: string;
  /** Page size in twips, already oriented. */
  page: { width: number; height: number };
  /** Text area in twips. */
  textWidth: number;
  textHeight: number;
}

export function createTheme(meta: DocMeta): Theme {
  const c = colours(meta.brandColor);
  const landscape = meta.orientation === 'landscape';
  const page = landscape ? { width: A4.height, height: A4.width } : { width: A4.width, height: A4.height };
  return {
    brand: bare(c.brand),
    brandTint: bare(c.brandTint),
    page,
    textWidth: page.width - MARGIN.left - MARGIN.right,
    textHeight: page.height - MARGIN.top - MARGIN.bottom,
  };
}

/** The shared `tint` for a bare "RRGGBB": `amount` 0 keeps the colour, 1 gives white (as in ../theme.ts). */
export const tint = (hex: string, amount: number): string => bare(shared(`#${hex}`, amount));
