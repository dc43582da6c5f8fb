import type { Html } from 'mdast';
import type { Block, Marks, ParagraphChild, State } from '../state.js';

/** An HTML comment is invisible in every renderer; printing it would show authoring notes to the customer. */
const isComment = (value: string) => /^<!--[^]*-->$/.test(value.trim());

/** Raw HTML is untrusted input: it prints literally, never interpreted. */
export function html(state: State, node: Html): Block[] {
  return node.value.trim() && !isComment(node.value) ? [state.paragraph([state.run(node.value)])] : [];
}

export function htmlInline(state: State, node: Html, marks: Marks): ParagraphChild[] {
  return isComment(node.value) ? [] : [state.run(node.value, marks)];
}
