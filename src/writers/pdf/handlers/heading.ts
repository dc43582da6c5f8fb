import type { Heading } from 'mdast';
import type { Handler } from '../state.js';
import { SIZES } from '../theme.js';
import { at } from '../../must.js';

const LINE_HEIGHT = 1.3;

export const heading: Handler<Heading> = (state, node) => {
  const size = at(SIZES.headings, node.depth - 1);
  const color = node.depth <= 2 ? state.colors.brand : state.colors.heading;
  const lines = state.layout(state.collect(node.children, { bold: true, color }), state.width, size);
  if (!lines.length) return;
  state.gap(size * (node.depth === 1 ? 1.1 : 0.9));
  // Drawn when the next block starts, on the same page as that block's first lines.
  const [x, width] = [state.x, state.width];
  state.hold({
    height: lines.length * size * LINE_HEIGHT,
    after: size * 0.45,
    draw: () => state.lines(lines, { x, width, size, lineHeight: LINE_HEIGHT }),
  });
};
