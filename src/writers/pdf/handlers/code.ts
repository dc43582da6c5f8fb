import type { Code } from 'mdast';
import { baselineOffset, type Handler } from '../state.js';
import { SIZES } from '../theme.js';

const LINE_HEIGHT = 1.45;

/** Preformatted block on a grey ground; split between lines across pages. */
export const code: Handler<Code> = (state, node) => {
  const size = SIZES.code;
  const pad = size * 0.7;
  const lineH = size * LINE_HEIGHT;
  const lines = state.layout([{ text: node.value.replace(/\n+$/, ''), style: { color: '#333333' } }], state.width - 2 * pad, size, true);
  if (!lines.length) lines.push({ frags: [], width: 0 });
  state.gap(state.size * 0.6);
  state.begin(Math.min(lines.length, 3) * lineH + 2 * pad);
  for (let i = 0; i < lines.length; ) {
    let fit = Math.floor((state.bottom - state.y - 2 * pad) / lineH);
    if (fit < 1) {
      state.newPage();
      fit = Math.max(1, Math.floor((state.bottom - state.y - 2 * pad) / lineH));
    }
    const chunk = lines.slice(i, i + fit);
    const [x, y, w] = [state.x, state.y, state.width];
    state.takeMarker(y + pad + baselineOffset(size, LINE_HEIGHT), y);
    state.paint((doc) => {
      doc.rect(x, y, w, chunk.length * lineH + 2 * pad).fill(state.colors.codeBg);
      chunk.forEach((line, k) => state.drawLine(line, x + pad, y + pad + k * lineH + baselineOffset(size, LINE_HEIGHT), size, '#333333'));
    });
    state.y += chunk.length * lineH + 2 * pad;
    i += chunk.length;
    if (i < lines.length) state.newPage();
  }
  state.gap(state.size * 0.75);
};
