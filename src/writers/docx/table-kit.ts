/** Small builders shared by every handler that draws with tables (data tables and diagrams). */
import type { Align } from '../../tree/nodes.js';
import { hasCjk } from './text.js';
import { tableXml, type BorderSpec, type CellSpec, type Margins, type RowSpec, type TableSpec } from './xml.js';
import { capWidest, fillByWeight, MAX_MIN_SHARE } from '../column-widths.js';
import { at } from '../must.js';

export const NONE: BorderSpec = { style: 'nil' };
export const line = (size: number, color: string): BorderSpec => ({ style: 'single', size, color, space: 0 });

type TableBorders = TableSpec['borders'];

export const NO_BORDERS: TableBorders = {
  top: NONE,
  bottom: NONE,
  left: NONE,
  right: NONE,
  insideHorizontal: NONE,
  insideVertical: NONE,
};

/** White rules between shaded cells, so each cell reads as a separate box. */
export const gutters = (size: number): TableBorders => ({
  top: NONE,
  bottom: NONE,
  left: NONE,
  right: NONE,
  insideHorizontal: line(size, 'FFFFFF'),
  insideVertical: line(size, 'FFFFFF'),
});

export const ALIGN = {
  left: 'left',
  right: 'right',
  center: 'center',
} as const satisfies Record<Align, string>;

/** Integer twips proportional to `weights`, summing exactly to `total`. */
export function distribute(weights: readonly number[], total: number): number[] {
  const clean = weights.map((w) => (Number.isFinite(w) && w > 0 ? w : 1));
  const sum = clean.reduce((a, b) => a + b, 0);
  const widths = clean.map((w) => Math.floor((w / sum) * total));
  widths[widths.length - 1] = at(widths, widths.length - 1) + total - widths.reduce((a, b) => a + b, 0);
  return widths;
}

type CellOptions = Omit<CellSpec, 'children' | 'verticalMerge'>;
export type Cell = CellSpec;
export type Row = RowSpec;

export const cell = (children: string[], o: CellOptions): Cell => ({ ...o, children });

export const row = (cells: Cell[], o: Omit<RowSpec, 'cells'> = {}): Row => ({ ...o, cells });

export interface TableOptions {
  widths: number[];
  rows: Row[];
  borders?: TableBorders;
  style?: string;
  indent?: number;
  margins?: Margins;
}

/** A fixed-layout table whose grid and width are given in twips (Word, LibreOffice and Pages agree then). */
export function fixedTable(o: TableOptions): string {
  return tableXml({
    widths: o.widths,
    rows: o.rows,
    borders: o.borders ?? NO_BORDERS,
    style: o.style,
    indent: o.indent,
    margins: o.margins ?? { top: 57, bottom: 57, left: 85, right: 85 },
  });
}

/** Approximate advance of one character in em (Noto Sans SC; a little generous, Word and LibreOffice differ). */
function charEmOf(ch: string): number {
  // Generous: a reader without Noto Sans SC sets Latin in its fallback (DejaVu Sans digits are 0.64 em).
  if (hasCjk(ch)) return 1;
  if (/[0-9]/.test(ch)) return 0.66;
  if (/[A-Z]/.test(ch)) return 0.74;
  if (/[a-z]/.test(ch)) return 0.6;
  if (ch === ' ') return 0.3;
  return 0.42;
}

/** charEmOf per character met: sizing a report's columns measures ~100,000 characters of a few hundred kinds. */
const EM = new Map<string, number>();
function charEm(ch: string): number {
  let em = EM.get(ch);
  if (em === undefined) EM.set(ch, (em = charEmOf(ch)));
  return em;
}

/** Width in twips of `text` at `halfPoints`. */
export function textTwips(text: string, halfPoints: number): number {
  let em = 0;
  for (const ch of text) em += charEm(ch);
  return Math.ceil(em * halfPoints * 10);
}

/** What unbreakableTwips splits a text at: white space (as \s+ does) and the CJK characters that may break. */
const SPLITS = /[\s\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]/;

/**
 * The longest piece of `text` no line break may enter: a space-free Latin/number token
 * (KS-3D-AOI-500, INV-2026-0012, 2026-10-31, 1,097,250.00) or, for a short label such as a
 * column header ("序号", "单价（元）"), the whole label.
 */
export function unbreakableTwips(text: string, halfPoints: number, label = false, codeHyphens = false): number {
  const t = text.trim();
  if (label && Array.from(t).length <= 6) return textTwips(t, halfPoints);
  // One token without spaces or CJK (an amount, a date, an invoice number): itself, as the loop below finds.
  if (!SPLITS.test(t) && !(codeHyphens && /[A-Za-z]/.test(t))) return t ? textTwips(t, halfPoints) : 0;
  let widest = 0;
  for (const word of t.split(/\s+/)) {
    // CJK characters may break between them; runs of anything else may not — with `codeHyphens`,
    // a code with letters (KS-3D-AOI-500, not a date) may break after its hyphens.
    const parts = codeHyphens && /[A-Za-z]/.test(word) ? word.split(/(?<=-)/) : [word];
    for (const part of parts)
      for (const piece of part.split(/([\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF])/)) if (piece) widest = Math.max(widest, textTwips(piece, halfPoints));
  }
  return widest;
}

/**
 * Column widths (twips, summing to `total`) from the weights, raised where a column could not hold
 * its longest unbreakable token (header label, model number, invoice number, date, amount); the room
 * comes from the columns with slack. Cells spanning several columns do not count (`null`).
 */
export function contentWidths(weights: readonly number[], header: readonly string[], rows: readonly (readonly (string | null)[])[], total: number, halfPoints: number, padding = 170): number[] {
  /** Widest unbreakable piece of column c's cells (codes broken after their hyphens with `codeHyphens`). */
  // Each text measured once per way of breaking it (a column repeats names, dates and labels).
  const measured = [new Map<string, number>(), new Map<string, number>()] as const;
  const widestBody = (c: number, codeHyphens: boolean): number => {
    const seen = measured[codeHyphens ? 1 : 0];
    let widest = 0;
    for (const row of rows) {
      const text = row[c];
      if (!text) continue;
      let w = seen.get(text);
      if (w === undefined) seen.set(text, (w = unbreakableTwips(text, halfPoints, false, codeHyphens)));
      widest = Math.max(widest, w);
    }
    return widest;
  };
  const mins = weights.map((_, c) => Math.min(Math.max(unbreakableTwips(header[c] ?? '', halfPoints, true), widestBody(c, false)) + padding + 40, total * MAX_MIN_SHARE));
  // When room is short, a code column narrows to its pieces between hyphens (Word and LibreOffice
  // break there) rather than every column being squeezed mid-number ("148,000.0|0", "N|o.").
  capWidest(mins, (c, min) => Math.min(widestBody(c, true) + padding + 40, min), total * 0.9);
  return distribute(fillByWeight(mins, weights, total), total);
}

/**
 * Cells per column in a total/subtotal row: the label (first filled cell) spans the empty cells
 * after it, so "合计（含税）" is never squeezed into a narrow 序号 column; 0 = covered.
 */
export function totalSpans(cells: readonly string[], n: number): number[] {
  const spans = new Array<number>(n).fill(1);
  const label = cells.findIndex((c) => c.trim() !== '');
  if (label < 0) return spans;
  let j = label + 1;
  while (j < n && !(cells[j] ?? '').trim()) spans[j++] = 0;
  spans[label] = j - label;
  return spans;
}
