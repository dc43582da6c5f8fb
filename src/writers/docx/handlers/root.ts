import type { Root } from 'mdast';
import type { Block, State } from '../state.js';

/** The document body: its children's blocks (the writer puts a leading cover in a section of its own first). */
export function root(state: State, node: Root): Block[] {
  return state.blocks(node.children);
}
