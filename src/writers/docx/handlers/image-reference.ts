import type { ImageReference } from 'mdast';
import type { Marks, ParagraphChild, State } from '../state.js';
import { altText } from './image.js';

/** Reference images are not resolved to files: their alt text stands in. */
export function imageReference(state: State, node: ImageReference, marks: Marks): ParagraphChild[] {
  return [state.run(altText(state, node.alt), marks)];
}
