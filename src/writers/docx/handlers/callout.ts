import type { Callout } from '../../../tree/nodes.js';
import { spacer } from '../ruled-table.js';
import type { Block, State } from '../state.js';
import { cell, fixedTable, line, NO_BORDERS, NONE, row } from '../table-kit.js';
import { SIZE, TONE } from '../theme.js';

const PAD = { top: 120, bottom: 120, left: 200, right: 200 };

/** A one-cell table tinted by tone, with a thick rule of the tone's ink on the left and a bold title. */
export function callout(state: State, node: Callout): Block[] {
  const tone = TONE[node.tone] ?? TONE.info;
  const width = state.frame.width - state.frame.indent;
  const inner = width - PAD.left - PAD.right;
  const children = state.within({ width: inner, indent: 0, quoteDepth: 0, list: undefined, cell: undefined, compact: true }, () => [
    ...(node.title ? [state.paragraph([state.run(node.title, { bold: true, color: tone.ink, size: SIZE.body })], { keepNext: true })] : []),
    ...state.blocks(node.children),
  ]);
  const box = cell(children.length ? children : [state.paragraph([])], {
    width,
    fill: tone.fill,
    borders: { left: line(24, tone.ink), top: NONE, bottom: NONE, right: NONE },
    margins: PAD,
  });
  return [fixedTable({ widths: [width], rows: [row([box], { cantSplit: true })], borders: NO_BORDERS, indent: state.frame.indent }), spacer()];
}
