import type { Yaml } from 'mdast';
import type { Handler } from '../state.js';

/** Front matter is metadata, not content: it prints nothing. */
export const yaml: Handler<Yaml> = () => undefined;
