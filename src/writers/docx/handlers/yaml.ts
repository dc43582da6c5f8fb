import type { Block } from '../state.js';

/** Front matter is metadata, not content. */
export function yaml(): Block[] {
  return [];
}
