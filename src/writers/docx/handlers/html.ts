import type { Html } from 'mdast';
import type { ParagraphChild } from 'docx';
import type { Block, Marks, State } from '../state.js';

/** Raw HTML is untrusted input: it prints literally, never interpreted. */
export function html(state: State, node: Html): Block[] {
  return node.value.trim() ? [state.paragraph([state.run(node.value)])] : [];
}

export function htmlInline(state: State, node: Html, marks: Marks): ParagraphChild[] {
  return [state.run(node.value, marks)];
}
