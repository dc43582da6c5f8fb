import type { ImageReference } from 'mdast';
import type { Handler } from '../state.js';

export const imageReference: Handler<ImageReference> = (state, node) => state.text(`[${node.alt ?? node.label ?? ''}]`);
