import type { Callout } from '../../../tree/nodes.js';
import type { Handler, PageHook, PdfState } from '../state.js';
import { TONES } from '../theme.js';
import { at } from '../../must.js';

const BAR = 3;

/**
 * Tinted box with an accent bar. The background must be painted before the text, so the content
 * is first measured (same code path, no drawing) to learn its extent on each page.
 */
export const callout: Handler<Callout> = (state, node) => {
  const tone = TONES[node.tone] ?? TONES.info;
  const pad = state.size * 0.8;
  const x = state.x;
  const w = state.width;
  const titleLines = node.title ? state.layout([{ text: node.title, style: { bold: true, color: tone.ink } }], w - BAR - 2 * pad) : [];

  const body = (): void => {
    state.y += pad;
    state.indented(BAR + pad, pad, () => {
      if (titleLines.length) {
        state.lines(titleLines);
        state.gap(state.size * 0.3);
        state.open(0);
      }
      state.all(node);
      state.flush();
    });
    state.y += pad;
  };
  const paintBox = (s: PdfState, from: number, to: number): void =>
    s.paint((doc) => {
      doc.rect(x, from, w, to - from).fill(tone.fill);
      doc.rect(x, from, BAR, to - from).fill(tone.ink);
    });

  state.gap(state.size * 0.75);
  state.begin(2 * pad + state.size * state.lineHeight * 2);
  let index = 0;
  let segments: { from: number; to: number }[] = [];
  const extent = (i: number): number => {
    const seg = at(segments, Math.min(i, segments.length - 1));
    return i < segments.length - 1 ? Math.min(seg.to + pad / 2, state.geo.bottom) : seg.to;
  };
  // On a continuation page the box restarts at the top margin, with a little padding.
  const hook: PageHook = {
    afterBreak: (s) => {
      if (!s.measuring) paintBox(s, s.y, extent(++index));
      s.y += pad / 2;
    },
  };
  // A short box (at most half a page) is not split across pages: it moves to the next page whole.
  const probe = state.measure(body);
  if (probe.length > 1 && probe.reduce((h, s) => h + s.to - s.from, 0) <= state.pageRoom / 2) state.newPage();
  state.hooks.push(hook);
  segments = state.measure(body);
  paintBox(state, at(segments, 0).from, extent(0));
  body();
  state.hooks.pop();
  state.gap(state.size * 0.75);
};
