import type { Delete } from 'mdast';
import type { Handler } from '../state.js';

export const deleteHandler: Handler<Delete> = (state, node) => state.withStyle({ strike: true }, () => state.all(node));
