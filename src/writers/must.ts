/**
 * Indexing where the code's own invariant guarantees the element (a loop bound, a table built
 * with one entry per column). Under `noUncheckedIndexedAccess` these say so once, and a broken
 * invariant stops with an internal error instead of drawing `undefined` somewhere.
 */

/** `xs[i]`, which must exist. */
export function at<T>(xs: ArrayLike<T | undefined>, i: number): T {
  const v = xs[i];
  if (v === undefined) throw new Error(`internal error: index ${i} outside 0..${xs.length - 1}`);
  return v;
}

/** A value the caller knows is there (a map entry set just before, a regex group that always matches). */
export function must<T>(v: T | undefined, what: string): T {
  if (v === undefined) throw new Error(`internal error: missing ${what}`);
  return v;
}
