/**
 * The shared look (../theme.ts) in the PDF's units: page geometry in points, the type scale, the
 * colours as "#RRGGBB". Nothing here chooses a colour or a size of its own.
 */
import type { DocMeta } from '../../tree/nodes.js';
import { colours, MARGIN_MM, SWOT_TONES, tint, TONES, TYPE, type Colours } from '../theme.js';

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
  return { width, height, top: mm(MARGIN_MM.top), bottom: height - mm(MARGIN_MM.bottom), left: mm(MARGIN_MM.left), right: width - mm(MARGIN_MM.right) };
}

/** The type scale (../theme.ts), in points: the PDF's unit. */
export const SIZES = TYPE;

/** The document's colours ("#RRGGBB", as pdfkit takes them). */
export type Palette = Colours;
export const palette = (brand: string): Palette => colours(brand);
export { tint, TONES, SWOT_TONES };
