import type { List } from 'mdast';
import { BULLET, orderedReference } from '../numbering.js';
import type { Block, State } from '../state.js';
import { INDENT_STEP } from '../theme.js';
import { listItem } from './list-item.js';

/** Each Markdown list is its own Word numbering instance, so every ordered list restarts. */
export function list(state: State, node: List): Block[] {
  const start = node.ordered ? Math.max(0, Math.floor(node.start ?? 1)) : undefined;
  const reference = start === undefined ? BULLET : orderedReference(start);
  state.numbering.add(reference);
  const instance = state.listInstance();
  const outer = state.frame.list;
  const level = outer ? Math.min(outer.level + 1, 8) : 0;
  const indent = state.frame.indent + INDENT_STEP;
  const tight = node.spread !== true;
  return node.children.flatMap((item) =>
    state.within({ list: { reference, instance, level, tight, first: true, checked: item.checked }, indent }, () => listItem(state, item)),
  );
}
