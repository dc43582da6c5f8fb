import type { Root } from 'mdast';
import type { Handler } from '../state.js';
import { footnoteSection } from './footnoteDefinition.js';

export const root: Handler<Root> = (state, node) => {
  state.all(node);
  footnoteSection(state);
  state.flush();
};
