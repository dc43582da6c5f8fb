import type { FootnoteDefinition } from 'mdast';
import { widthOf } from '../layout.js';
import type { Handler, PdfState } from '../state.js';
import { SIZES } from '../theme.js';

/** Footnote definitions print together at the end of the document (see footnoteSection). */
export const footnoteDefinition: Handler<FootnoteDefinition> = () => undefined;

const TITLE = { 'zh-CN': '注释', en: 'Notes' } as const;

/** The numbered notes, in order of first reference, after the last block of the document. */
export function footnoteSection(state: PdfState): void {
  if (!state.footnotes.length) return;
  const [size, lineHeight, tight] = [state.size, state.lineHeight, state.tight];
  state.size = SIZES.footnote;
  state.lineHeight = 1.4;
  state.tight = true;
  const title = state.layout([{ text: TITLE[state.meta.locale] ?? TITLE.en, style: { bold: true, color: state.colors.heading } }]);
  state.gap(size * 1.5);
  state.begin(state.size * state.lineHeight * 3 + 6);
  const [x, y] = [state.x, state.y];
  state.paint((doc) => doc.moveTo(x, y).lineTo(x + state.width / 3, y).lineWidth(0.6).strokeColor(state.colors.rule).stroke());
  state.y += 4;
  state.lines(title);
  state.gap(2);
  const indent = state.size * 2;
  state.footnotes.forEach((def, i) => {
    const label = `${i + 1}.`;
    state.indented(indent, 0, () => {
      const right = state.x;
      state.marker = (baseline) => {
        const w = widthOf(state.fonts, 'regular', label, state.size);
        state.drawText(label, right - state.size * 0.5 - w, baseline, state.size, state.colors.brand);
      };
      state.open(state.size * state.lineHeight);
      state.all(def);
      state.marker = undefined;
    });
  });
  [state.size, state.lineHeight, state.tight] = [size, lineHeight, tight];
}
