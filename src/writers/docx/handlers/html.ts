import type { Html } from 'mdast';
import { isHtmlComment as isComment } from '../../../tree/handlers.js';
import type { Marks, State } from '../state.js';

/** Raw HTML is untrusted input: it prints literally, never interpreted — a paragraph at block level, a run inside phrasing. */
export function html(state: State, node: Html, marks: Marks): string[] {
  if (state.inline) return isComment(node.value) ? [] : [state.run(node.value, marks)];
  return node.value.trim() && !isComment(node.value) ? [state.paragraph([state.run(node.value)])] : [];
}
