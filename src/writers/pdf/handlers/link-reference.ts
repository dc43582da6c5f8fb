import type { LinkReference } from 'mdast';
import type { Handler } from '../state.js';
import { linked } from './link.js';

export const linkReference: Handler<LinkReference> = (state, node) =>
  linked(state, state.definitions.get(node.identifier)?.url, () => state.all(node));
