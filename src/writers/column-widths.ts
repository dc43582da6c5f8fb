/**
 * Table column rules shared by the PDF and DOCX writers (any unit: points or twips), so one table
 * lays out the same way in both formats.
 */

/** A column's minimum width (its longest unbreakable token) takes at most this share of the table. */
export const MAX_MIN_SHARE = 0.35;

/**
 * Relative weight of a GFM table column from its widest cell's demand (characters, CJK counted
 * twice): clamped, then the square root, so a column of long sentences gets more room than a
 * column of numbers but does not starve it.
 */
export const demandWeight = (demand: number): number => Math.sqrt(Math.min(40, Math.max(6, demand)));

/** A cell text's width demand in Latin-character units: a character past U+2E7F (CJK, kana, Hangul, full-width forms, emoji) counts 2. Both writers' tables. */
export function textDemand(text: string): number {
  let n = 0;
  for (const ch of text) n += ch.charCodeAt(0) > 0x2e7f ? 2 : 1;
  return n;
}

/**
 * When the columns' minimum widths leave (almost) no room, narrow the widest ones — a long
 * product code then breaks after a hyphen or slash as a last resort, never narrower than its
 * `floor` — to one common cap so that the minimums fill at most `target`, instead of squeezing
 * every column ("No." as "N|o.", "licence" as "licen|ce"). Columns narrower than the cap keep
 * their width; a table whose minimums fit keeps its codes whole. `floor(i)` (column i, given its
 * minimum before capping) is only asked for when the minimums do not fit.
 */
export function capWidest(mins: number[], floor: (column: number, min: number) => number, target: number): void {
  if (mins.reduce((a, b) => a + b, 0) < target / 0.9) return;
  const sorted = [...mins].sort((a, b) => a - b);
  let below = 0;
  for (let k = 0; k < sorted.length; k++) {
    const cap = (target - below) / (sorted.length - k);
    if (cap <= sorted[k]!) {
      // Never below the widest of the columns that stay as they are.
      const c = Math.max(cap, k > 0 ? sorted[k - 1]! : 0);
      mins.forEach((m, i) => (mins[i] = Math.max(Math.min(m, c), floor(i, m))));
      return;
    }
    below += sorted[k]!;
  }
}

/**
 * Column widths summing to `total` from relative `weights`, no column below its `mins`: columns
 * whose share falls short are fixed at their minimum and the rest share what is left, round by
 * round. When the minimums alone fill the table, they are scaled down to it together.
 */
export function fillByWeight(mins: readonly number[], weights: readonly number[], total: number): number[] {
  const minSum = mins.reduce((a, b) => a + b, 0);
  if (minSum >= total) return mins.map((m) => (m * total) / minSum);
  const clean = weights.map((w) => (Number.isFinite(w) && w > 0 ? w : 1));
  const n = clean.length;
  const fixed = new Array<boolean>(n).fill(false);
  let widths: number[] = [];
  for (let round = 0; round <= n; round++) {
    const room = total - mins.reduce((s, m, i) => s + (fixed[i] ? m : 0), 0);
    const free = clean.reduce((s, w, i) => s + (fixed[i] ? 0 : w), 0);
    widths = clean.map((w, i) => (fixed[i] ? (mins[i] ?? 0) : (room * w) / free));
    const short = widths.findIndex((w, i) => !fixed[i] && w < (mins[i] ?? 0));
    if (short < 0) break;
    widths.forEach((w, i) => (fixed[i] ||= w < (mins[i] ?? 0)));
  }
  return widths;
}
