import type { Html } from 'mdast';
import { isHtmlComment } from '../../../tree/handlers.js';
import type { Run } from '../layout.js';
import type { Handler } from '../state.js';

/** Raw HTML is untrusted input: it prints literally, never interpreted; a comment prints nothing (as in DOCX). */
export const html: Handler<Html> = (state, node) => {
  if (isHtmlComment(node.value)) return;
  if (state.inline) return state.text(node.value);
  const style = { color: state.colors.muted };
  const runs: Run[] = node.value.split('\n').flatMap((text, i) => (i ? [{ text: '', style, hard: true }, { text, style }] : [{ text, style }]));
  const lines = state.layout(runs);
  if (!lines.length) return;
  state.begin(Math.min(lines.length, 2) * state.size * state.lineHeight);
  state.lines(lines);
  state.gap(state.size * 0.75);
};
