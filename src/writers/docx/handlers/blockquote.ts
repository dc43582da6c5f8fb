import type { Blockquote } from 'mdast';
import type { Block, State } from '../state.js';

/** Quote style (left rule, muted text), indented one step further per nesting level. */
export function blockquote(state: State, node: Blockquote): Block[] {
  const f = state.frame;
  return state.within({ quoteDepth: f.quoteDepth + 1, indent: f.indent + 400 }, () => state.blocks(node.children));
}
