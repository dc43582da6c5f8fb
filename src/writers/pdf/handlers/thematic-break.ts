import type { ThematicBreak } from 'mdast';
import type { Handler } from '../state.js';

export const thematicBreak: Handler<ThematicBreak> = (state) => {
  const h = state.size;
  state.gap(state.size * 0.5);
  state.begin(h);
  const [x, y, w] = [state.x, state.y + h / 2, state.width];
  state.paint((doc) => doc.moveTo(x, y).lineTo(x + w, y).lineWidth(0.6).strokeColor(state.colors.rule).stroke());
  state.y += h;
  state.gap(state.size * 0.5);
};
