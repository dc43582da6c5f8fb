import type { Definition, Yaml } from 'mdast';
import type { Handler } from '../state.js';

/** Definitions only feed link references (collected up front); front matter is not content. */
export const definition: Handler<Definition> = () => undefined;
export const yaml: Handler<Yaml> = () => undefined;
