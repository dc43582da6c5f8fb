import type { Paragraph, PhrasingContent } from 'mdast';
import type { Handler, PdfState } from '../state.js';

/** Flow phrasing content as one block of lines (at least two lines stay together). */
export function textBlock(state: PdfState, nodes: PhrasingContent[]): void {
  const runs = state.collect(nodes);
  if (!runs.some((r) => r.hard || r.text.trim())) return;
  const lines = state.layout(runs);
  // A one- or two-line intro right under a heading stays with the heading *and* the block after
  // it (say, the table it introduces), so neither is left alone at the foot of a page. Never a
  // list item's own text: held blocks are drawn without the pending marker (issue 9).
  if (state.holding && !state.markerPending && lines.length <= 2) {
    const [x, width, size, lineHeight] = [state.x, state.width, state.size, state.lineHeight];
    state.hold({ height: lines.length * size * lineHeight, after: size * (state.tight ? 0.25 : 0.75), draw: () => state.lines(lines, { x, width, size, lineHeight }) });
    return;
  }
  state.begin(Math.min(lines.length, 2) * state.size * state.lineHeight);
  state.lines(lines);
  state.gap(state.size * (state.tight ? 0.25 : 0.75));
}

/** Images inside a paragraph become blocks of their own between the text around them. */
export const paragraph: Handler<Paragraph> = (state, node) => {
  let pending: PhrasingContent[] = [];
  for (const child of node.children) {
    if (child.type !== 'image') {
      pending.push(child);
      continue;
    }
    textBlock(state, pending);
    pending = [];
    state.one(child, node);
  }
  textBlock(state, pending);
};
