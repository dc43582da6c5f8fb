import type { Emphasis } from 'mdast';
import type { Marks, ParagraphChild, State } from '../state.js';

/** CJK has no italics: emphasis marks Chinese with 着重号 dots and sets Latin-only runs italic (see State.run). */
export function emphasis(state: State, node: Emphasis, marks: Marks): ParagraphChild[] {
  return state.inlines(node.children, { ...marks, emphasis: true });
}
