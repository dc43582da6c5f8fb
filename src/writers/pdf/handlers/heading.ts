import type { Heading } from 'mdast';
import type { Handler } from '../state.js';
import { SIZES } from '../theme.js';

const LINE_HEIGHT = 1.3;

export const heading: Handler<Heading> = (state, node) => {
  const size = SIZES.headings[node.depth - 1];
  const color = node.depth <= 2 ? state.colors.brand : state.colors.heading;
  const lines = state.layout(state.collect(node.children, { bold: true, color }), state.width, size);
  if (!lines.length) return;
  state.gap(size * (node.depth === 1 ? 1.1 : 0.9));
  // Keep the heading with the first two lines of what follows.
  state.begin(lines.length * size * LINE_HEIGHT + size * 0.45 + 2 * state.size * state.lineHeight);
  state.lines(lines, { size, lineHeight: LINE_HEIGHT });
  state.gap(size * 0.45);
};
