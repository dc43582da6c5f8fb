import type { Strong } from 'mdast';
import type { Marks, ParagraphChild, State } from '../state.js';

export function strong(state: State, node: Strong, marks: Marks): ParagraphChild[] {
  return state.inlines(node.children, { ...marks, bold: true });
}
