import type { TableCell } from 'mdast';
import type { Block, State } from '../state.js';

/** `table` writes its cells; a cell anywhere else (a hand-built tree) prints as a paragraph. */
export function tableCell(state: State, node: TableCell): Block[] {
  return state.blocks(node.children);
}
