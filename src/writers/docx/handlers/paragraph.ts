import type { Paragraph } from 'mdast';
import type { Block, State } from '../state.js';

export function paragraph(state: State, node: Paragraph): Block[] {
  const lonePicture = node.children.length === 1 && node.children[0]?.type === 'image';
  return [state.paragraph(state.inlines(node.children), lonePicture ? { alignment: 'center' } : {})];
}
