import type { Strong } from 'mdast';
import type { Handler } from '../state.js';

export const strong: Handler<Strong> = (state, node) => state.withStyle({ bold: true }, () => state.all(node));
