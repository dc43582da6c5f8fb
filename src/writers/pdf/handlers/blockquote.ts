import type { Blockquote } from 'mdast';
import type { Handler, PageHook, PdfState } from '../state.js';

const BAR = 2.5;

export const blockquote: Handler<Blockquote> = (state, node) => {
  const x = state.x;
  state.gap(state.size * 0.75);
  state.open(state.size * state.lineHeight);
  let from = state.y;
  const bar = (s: PdfState, to: number): void => {
    const top = from;
    if (to > top) s.paint((doc) => doc.rect(x, top, BAR, to - top).fill(s.colors.brandTint));
  };
  // The bar is drawn after the text of each page (it sits beside the text, never under it).
  // While a callout measures itself, breaks are only simulated: leave `from` alone then.
  const hook: PageHook = {
    beforeBreak: (s) => {
      if (!s.measuring) bar(s, s.y);
    },
    afterBreak: (s) => {
      if (!s.measuring) from = s.y;
    },
  };
  state.hooks.push(hook);
  const inherit = state.inherit;
  state.inherit = { ...inherit, color: state.colors.muted };
  state.indented(BAR + state.size, 0, () => {
    state.all(node);
    state.flush();
  });
  state.inherit = inherit;
  state.hooks.pop();
  bar(state, state.y);
  state.gap(state.size * 0.75);
};
