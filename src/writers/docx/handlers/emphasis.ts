import type { Emphasis } from 'mdast';
import type { Marks, ParagraphChild, State } from '../state.js';

/** CJK has no italics: emphasis is the brand colour everywhere, plus italic on Latin-only runs (see State.run). */
export function emphasis(state: State, node: Emphasis, marks: Marks): ParagraphChild[] {
  return state.inlines(node.children, { ...marks, emphasis: true });
}
