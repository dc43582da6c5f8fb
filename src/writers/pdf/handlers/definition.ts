import type { Definition } from 'mdast';
import type { Handler } from '../state.js';

/** Definitions only feed link references (collected up front): they print nothing. */
export const definition: Handler<Definition> = () => undefined;
