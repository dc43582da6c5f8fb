import type { Emphasis } from 'mdast';
import type { Handler } from '../state.js';

/**
 * CJK has no italics, and the brand colour belongs to links: emphasis is the Chinese 着重号, a
 * dot under every character (drawn by PdfState.drawLine), for Latin and Chinese alike.
 */
export const emphasis: Handler<Emphasis> = (state, node) => state.withStyle({ emph: true }, () => state.all(node));
