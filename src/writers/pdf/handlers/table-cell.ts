import type { TableCell } from 'mdast';
import type { Handler } from '../state.js';
import { textBlock } from './paragraph.js';

/** `table` draws its cells; a cell anywhere else (a hand-built tree) prints as a paragraph. */
export const tableCell: Handler<TableCell> = (state, node) => textBlock(state, node.children);
