import type { InlineCode } from 'mdast';
import type { ParagraphChild } from 'docx';
import type { Marks, State } from '../state.js';

export function inlineCode(state: State, node: InlineCode, marks: Marks): ParagraphChild[] {
  return [state.run(node.value, { ...marks, code: true })];
}
