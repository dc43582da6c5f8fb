import type { List } from 'mdast';
import type { Handler } from '../state.js';

export const list: Handler<List> = (state, node) => {
  const tight = state.tight;
  state.tight = node.spread !== true && !node.children.some((item) => item.spread);
  const nested = state.listDepth > 0 && tight;
  state.gap(state.size * (nested ? 0.2 : 0.6));
  state.listDepth++;
  state.all(node);
  state.listDepth--;
  state.tight = tight;
  state.gap(state.size * (nested ? 0.2 : 0.75));
};
