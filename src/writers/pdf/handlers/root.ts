import type { Root } from 'mdast';
import type { Handler } from '../state.js';
import { SIZES } from '../theme.js';
import { footnoteSection } from './footnote-definition.js';

/** The last page must hold at least this many body lines (else the tail moves over whole). */
const MIN_LAST_PAGE_LINES = 3;

export const root: Handler<Root> = (state, node) => {
  const starts: number[] = [];
  node.children.forEach((child, i) => {
    if (i === state.breakBefore) state.pageBreak();
    starts.push(state.page);
    state.one(child, node);
  });
  footnoteSection(state);
  state.flush();
  // A near-empty last page ("生成日期" alone): name the last top-level block that started on the
  // page before and spilled over — the writer renders again with a page break before it (and
  // before the headings that introduce it), so the tail moves to the last page whole.
  const used = state.y - state.geo.top;
  const short = state.page > 0 && !state.coverPages.has(state.page) && used > 0 && used < MIN_LAST_PAGE_LINES * SIZES.body * SIZES.lineHeight;
  if (!short || state.breakBefore !== undefined) return;
  let i = starts.length - 1;
  while (i > 0 && starts[i] === state.page) i--;
  if (starts[i] !== state.page - 1) return;
  while (i > 0 && node.children[i - 1]?.type === 'heading' && starts[i - 1] === state.page - 1) i--;
  if (i > 0) state.retryBreakBefore = i;
};
