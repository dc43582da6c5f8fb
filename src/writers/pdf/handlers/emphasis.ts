import type { Emphasis } from 'mdast';
import type { Handler } from '../state.js';

/** CJK has no italics: emphasis is the brand colour, for Latin and Chinese alike. */
export const emphasis: Handler<Emphasis> = (state, node) => state.withStyle({ color: state.colors.brand }, () => state.all(node));
