/**
 * Table column rules shared by the PDF and DOCX writers (any unit: points or twips), so one table
 * lays out the same way in both formats.
 */

/**
 * When the columns' minimum widths leave (almost) no room, narrow the widest ones — a long
 * product code then breaks after a hyphen or slash as a last resort, never narrower than its
 * `floors` — to one common cap so that the minimums fill at most `target`, instead of squeezing
 * every column ("No." as "N|o.", "licence" as "licen|ce"). Columns narrower than the cap keep
 * their width; a table whose minimums fit keeps its codes whole.
 */
export function capWidest(mins: number[], floors: readonly number[], target: number): void {
  if (mins.reduce((a, b) => a + b, 0) < target / 0.9) return;
  const sorted = [...mins].sort((a, b) => a - b);
  let below = 0;
  for (let k = 0; k < sorted.length; k++) {
    const cap = (target - below) / (sorted.length - k);
    if (cap <= sorted[k]!) {
      // Never below the widest of the columns that stay as they are.
      const c = Math.max(cap, k > 0 ? sorted[k - 1]! : 0);
      mins.forEach((m, i) => (mins[i] = Math.max(Math.min(m, c), floors[i]!)));
      return;
    }
    below += sorted[k]!;
  }
}
