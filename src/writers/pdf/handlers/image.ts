import type { Image } from 'mdast';
import type { Handler } from '../state.js';

const PX = 0.75; // 96 dpi pixels → points

/** Inside phrasing (headings, cells) an image prints as its alt text; as a block it is drawn. */
export const image: Handler<Image> = (state, node) => {
  const loaded = state.inline ? undefined : state.image(node);
  if (!loaded) {
    const label = `[${node.alt || node.title || ''}]`;
    if (state.inline) state.text(label);
    else {
      const lines = state.layout([{ text: label, style: { color: state.colors.muted } }]);
      state.begin(lines.length * state.size * state.lineHeight);
      state.lines(lines);
      state.gap(state.size * 0.75);
    }
    return;
  }
  let w = Math.min(loaded.width * PX, state.width);
  let h = (w * loaded.height) / loaded.width;
  const maxH = state.pageRoom * 0.85;
  if (h > maxH) [w, h] = [(w * maxH) / h, maxH];
  state.gap(state.size * 0.5);
  state.begin(h);
  state.ensure(h);
  const [x, y] = [state.x, state.y];
  state.takeMarker(y + state.size, y);
  // pdfkit's image() is typed for paths/Buffers; it also takes the image object we embedded up front.
  state.paint((doc) => doc.image(loaded.image as unknown as string, x, y, { width: w, height: h }));
  state.y += h;
  state.gap(state.size * 0.75);
};
