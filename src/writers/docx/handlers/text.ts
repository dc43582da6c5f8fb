import type { Text } from 'mdast';
import type { Marks, ParagraphChild, State } from '../state.js';
import { softBreaks } from '../text.js';

export function text(state: State, node: Text, marks: Marks): ParagraphChild[] {
  return [state.run(softBreaks(node.value), marks)];
}
