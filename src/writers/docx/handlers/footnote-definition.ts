import type { Block } from '../state.js';

/** Footnote text is written where it is first referenced (see footnoteReference); unreferenced notes are dropped. */
export function footnoteDefinition(): Block[] {
  return [];
}
