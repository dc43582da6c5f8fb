import type { TableRow } from 'mdast';
import type { Handler } from '../state.js';

/** `table` draws its rows; a row anywhere else (a hand-built tree) prints its cells one after another. */
export const tableRow: Handler<TableRow> = (state, node) => state.all(node);
