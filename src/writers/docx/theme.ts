/**
 * Page geometry, type sizes and colours of the DOCX writer: every number a handler needs
 * lives here so the handlers stay short and the look stays in one place.
 * Units: twips (1/20 pt) for lengths, half-points for font sizes, "RRGGBB" for colours.
 */
import type { DocMeta } from '../../tree/nodes.js';

export const TWIPS_PER_MM = 1440 / 25.4;
export const mm = (n: number): number => Math.round(n * TWIPS_PER_MM);

/** A4 in twips (portrait). */
export const A4 = { width: 11906, height: 16838 } as const;

export const MARGIN = { top: mm(25), bottom: mm(25), left: mm(20), right: mm(20), header: mm(12), footer: mm(12) } as const;

/** Half-points. */
export const SIZE = {
  body: 21, // 10.5 pt (五号)
  title: 52,
  h1: 36,
  h2: 28,
  h3: 24,
  table: 18,
  dense: 16,
  caption: 18,
  small: 16,
  code: 18,
  header: 16,
} as const;

/** One indent step: two CJK characters of body text (2 × 10.5 pt). */
export const INDENT_STEP = 420;

export const GREY = {
  text: '1F2328',
  muted: '6B7280',
  rule: 'D0D5DD',
  band: 'F2F4F7',
  code: 'F4F5F7',
  dark: '404040',
} as const;

/** Tone colours of callouts: `ink` for rules and titles, `fill` for the box. */
export const TONE = {
  info: { ink: '1F5F99', fill: 'E8F1FA' },
  warning: { ink: '9A6700', fill: 'FDF3DC' },
  danger: { ink: 'B3261E', fill: 'FBE9E7' },
  success: { ink: '2E7D32', fill: 'E9F4EA' },
} as const;

/** Muted SWOT tints: strengths green, weaknesses amber, opportunities blue, threats red. */
export const SWOT = {
  strengths: { ink: '2E7D32', fill: 'E6F2E6' },
  weaknesses: { ink: '8A5A00', fill: 'FBF0D9' },
  opportunities: { ink: '1F5F99', fill: 'E3EEF9' },
  threats: { ink: 'A8322D', fill: 'F9E3E1' },
} as const;

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
  const brand = hexColor(meta.brandColor, '1F4E79');
  const landscape = meta.orientation === 'landscape';
  const page = landscape ? { width: A4.height, height: A4.width } : { width: A4.width, height: A4.height };
  return {
    brand,
    brandTint: tint(brand, 0.14),
    page,
    textWidth: page.width - MARGIN.left - MARGIN.right,
    textHeight: page.height - MARGIN.top - MARGIN.bottom,
  };
}

/** "#1f4e79" → "1F4E79"; anything else → the fallback. */
export function hexColor(value: string | undefined, fallback: string): string {
  const m = /^#?([0-9a-f]{6})$/i.exec((value ?? '').trim());
  return m ? m[1].toUpperCase() : fallback;
}

/** Mix a colour with white: `amount` 1 keeps the colour, 0 gives white. */
export function tint(hex: string, amount: number): string {
  const n = parseInt(hex, 16);
  const mix = (c: number) => Math.round(255 - (255 - c) * amount);
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map(mix);
  return ((1 << 24) | (r << 16) | (g << 8) | b).toString(16).slice(1).toUpperCase();
}
