import type { FootnoteReference } from 'mdast';
import type { Handler } from '../state.js';

export const footnoteReference: Handler<FootnoteReference> = (state, node) => {
  const n = state.footnoteNumbers.get(node.identifier);
  if (n === undefined) state.text(`[^${node.label ?? node.identifier}]`);
  else state.withStyle({ sup: true, color: state.colors.brand }, () => state.text(String(n)));
};
