/**
 * The one look of dealdoc's documents, shared by the PDF and the DOCX writer: the brand colour and
 * its tints, the neutral inks, the callout and SWOT tones, the type scale, the page margins and the
 * table column weighting (../column-widths.ts). Each writer's own theme.ts only converts these to
 * its units — points for pdfkit; twips, half-points and hex without '#' for WordprocessingML — so
 * the two formats print the same colours and sizes (docs: DOCUMENT-DESIGN.md — one brand colour
 * plus greys; every tint light enough that dark text on it reads in greyscale).
 *
 * Colours are "#RRGGBB" here.
 */

const DEFAULT_BRAND = '#1F4E79';

/** The config's brand colour as "#RRGGBB" ("#1f4e79" and "1F4E79" accepted); anything else → the default. */
export function brandColor(value: string | undefined): string {
  const m = /^#?([0-9a-f]{6})$/i.exec((value ?? '').trim());
  return m?.[1] ? `#${m[1].toUpperCase()}` : DEFAULT_BRAND;
}

/** Mix a colour with white: `amount` 0 = the colour, 1 = white. */
export function tint(hex: string, amount: number): string {
  const n = parseInt(hex.replace('#', ''), 16);
  const mix = (c: number): number => Math.round(c + (255 - c) * amount);
  const r = mix((n >> 16) & 255);
  const g = mix((n >> 8) & 255);
  const b = mix(n & 255);
  return `#${((1 << 24) | (r << 16) | (g << 8) | b).toString(16).slice(1).toUpperCase()}`;
}

/** Neutral greys (no blue cast, so both formats print the same greys). */
export const INK = {
  text: '#1F1F1F',
  heading: '#262626',
  muted: '#6B6B6B',
  rule: '#D0D0D0',
  /** Rules under totals, the heavier table rules. */
  ruleStrong: '#404040',
  codeBg: '#F2F3F5',
  band: '#EFEFEF',
} as const;

/**
 * Callout tones: `ink` for the rule and title, `fill` for the box; also the internal-document
 * banner (danger). These were the DOCX tones: darker than the PDF's former ones, so a title reads
 * as text on its fill (contrast on fill: info 5.8, warning 4.4, danger 5.6, success 4.5:1 — the
 * PDF's warning title was 3.3:1).
 */
export const TONES = {
  info: { ink: '#1F5F99', fill: '#E8F1FA' },
  warning: { ink: '#9A6700', fill: '#FDF3DC' },
  danger: { ink: '#B3261E', fill: '#FBE9E7' },
  success: { ink: '#2E7D32', fill: '#E9F4EA' },
} as const;

/**
 * SWOT quadrants: muted tints of different lightness (they still separate in greyscale), dark
 * headings (these were the PDF tones: headings 5.5–6.0:1 on their fill, the DOCX ones 4.5–5.7).
 */
export const SWOT_TONES = {
  strengths: { ink: '#2E6B3C', fill: '#E3F1E6' },
  weaknesses: { ink: '#8A5A00', fill: '#FBF0D9' },
  opportunities: { ink: '#245A8C', fill: '#E2ECF7' },
  threats: { ink: '#9B2C2C', fill: '#F7E1DF' },
} as const;

/** The colours of one document: its brand colour, the brand tints and the inks. */
export interface Colours {
  brand: string;
  /** Light tint of the brand colour: table headers, boxes. */
  brandTint: string;
  brandPale: string;
  text: string;
  heading: string;
  muted: string;
  rule: string;
  ruleStrong: string;
  codeBg: string;
  band: string;
  banner: string;
}

export function colours(brand: string | undefined): Colours {
  const b = brandColor(brand);
  return { brand: b, brandTint: tint(b, 0.86), brandPale: tint(b, 0.93), ...INK, banner: TONES.danger.ink };
}

/** Type scale in points. */
export const TYPE = {
  body: 10.5, // 五号
  lineHeight: 1.5,
  title: 26,
  headings: [18, 14, 12, 11, 10.5, 10.5] as const,
  table: 9,
  tableDense: 8,
  caption: 9,
  small: 8,
  code: 9,
  footnote: 9,
  header: 8,
} as const;

/** A4 page margins in millimetres (running header and footer sit `header`/`footer` from the edge). */
export const MARGIN_MM = { top: 25, bottom: 25, left: 20, right: 20, header: 12, footer: 12 } as const;
