import type { Delete } from 'mdast';
import type { Marks, ParagraphChild, State } from '../state.js';

export function deleteHandler(state: State, node: Delete, marks: Marks): ParagraphChild[] {
  return state.inlines(node.children, { ...marks, strike: true });
}
