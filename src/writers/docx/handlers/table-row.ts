import type { TableRow } from 'mdast';
import type { Block, State } from '../state.js';

/** `table` writes its rows; a row anywhere else (a hand-built tree) prints its cells one after another. */
export function tableRow(state: State, node: TableRow): Block[] {
  return state.blocks(node.children);
}
