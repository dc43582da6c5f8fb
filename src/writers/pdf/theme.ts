/**
 * Page geometry, type sizes and colours of the PDF writer (docs: /work/shared/DOCUMENT-DESIGN.md).
 * One brand colour plus greys; every tint is light enough that dark text on it reads in greyscale.
 */
import type { DocMeta } from '../../tree/nodes.js';

const MM = 72 / 25.4;
export const mm = (v: number): number => v * MM;

/** A4 in points. */
const A4 = { width: 595.28, height: 841.89 } as const;

export interface Geometry {
  width: number;
  height: number;
  top: number;
  bottom: number;
  left: number;
  right: number;
}

export function pageGeometry(orientation: DocMeta['orientation']): Geometry {
  const landscape = orientation === 'landscape';
  const width = landscape ? A4.height : A4.width;
  const height = landscape ? A4.width : A4.height;
  return { width, height, top: mm(25), bottom: height - mm(25), left: mm(20), right: width - mm(20) };
}

export const SIZES = {
  body: 10.5,
  lineHeight: 1.5,
  headings: [18, 14, 12, 11, 10.5, 10.5] as const,
  table: 9,
  tableDense: 8,
  small: 8,
  code: 9,
  footnote: 9,
} as const;

export interface Palette {
  brand: string;
  /** Light tint of the brand colour for table headers and boxes. */
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

const HEX = /^#[0-9a-fA-F]{6}$/;
const DEFAULT_BRAND = '#1F4E79';

/** Mix a colour with white: `amount` 0 = the colour, 1 = white. */
export function tint(hex: string, amount: number): string {
  const n = parseInt(hex.slice(1), 16);
  const mix = (c: number): number => Math.round(c + (255 - c) * amount);
  const r = mix((n >> 16) & 255);
  const g = mix((n >> 8) & 255);
  const b = mix(n & 255);
  return `#${((1 << 24) | (r << 16) | (g << 8) | b).toString(16).slice(1).toUpperCase()}`;
}

export function palette(brandColor: string): Palette {
  const brand = HEX.test(brandColor) ? brandColor.toUpperCase() : DEFAULT_BRAND;
  return {
    brand,
    brandTint: tint(brand, 0.86),
    brandPale: tint(brand, 0.93),
    text: '#1F1F1F',
    heading: '#262626',
    muted: '#6B6B6B',
    rule: '#D0D0D0',
    ruleStrong: '#404040',
    codeBg: '#F2F3F5',
    band: '#EFEFEF',
    banner: '#C0392B',
  };
}

/** Accent and background per callout tone. */
export const TONES = {
  info: { accent: '#2F6FA8', bg: '#EAF2FA' },
  warning: { accent: '#B7791F', bg: '#FCF4E2' },
  danger: { accent: '#B83232', bg: '#FBEAEA' },
  success: { accent: '#2F7D4F', bg: '#E8F4EC' },
} as const;

/** SWOT quadrants: muted tints of different lightness so they still separate in greyscale. */
export const SWOT_TONES = {
  strengths: { bg: '#E3F1E6', heading: '#2E6B3C' },
  weaknesses: { bg: '#FBF0D9', heading: '#8A5A00' },
  opportunities: { bg: '#E2ECF7', heading: '#245A8C' },
  threats: { bg: '#F7E1DF', heading: '#9B2C2C' },
} as const;
