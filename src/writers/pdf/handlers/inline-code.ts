import type { InlineCode } from 'mdast';
import type { Handler } from '../state.js';

export const inlineCode: Handler<InlineCode> = (state, node) => state.withStyle({ code: true }, () => state.text(node.value));
