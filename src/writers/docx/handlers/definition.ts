import type { Block } from '../state.js';

/** Link definitions print nothing; linkReference looks them up. */
export function definition(): Block[] {
  return [];
}
