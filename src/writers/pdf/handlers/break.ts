import type { Break } from 'mdast';
import type { Handler } from '../state.js';

export const hardBreak: Handler<Break> = (state) => state.hardBreak();
