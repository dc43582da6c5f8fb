import type { ListItem } from 'mdast';
import type { Block, State } from '../state.js';

/** Called by `list` with the item's frame: the first paragraph carries the number or checkbox. */
export function listItem(state: State, node: ListItem): Block[] {
  const leading = node.children[0]?.type;
  // An item that opens with a nested list or a table still shows its own number first.
  const lead = leading === 'paragraph' || leading === 'heading' || leading === 'code' || leading === 'html' ? [] : [state.paragraph([])];
  return [...lead, ...state.blocks(node.children)];
}
