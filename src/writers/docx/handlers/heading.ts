import type { Heading } from 'mdast';
import type { Block, State } from '../state.js';

/** Word has Heading 1–9, but the document design uses three levels: deeper headings are Heading 3. */
const LEVELS = ['Heading1', 'Heading2', 'Heading3'];

export function heading(state: State, node: Heading): Block[] {
  return [state.paragraph(state.inlines(node.children), { heading: LEVELS[Math.min(Math.max(node.depth, 1), 3) - 1] })];
}
