import type { InlineCode } from 'mdast';
import type { Marks, ParagraphChild, State } from '../state.js';

export function inlineCode(state: State, node: InlineCode, marks: Marks): ParagraphChild[] {
  return [state.run(node.value, { ...marks, code: true })];
}
