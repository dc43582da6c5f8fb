import type { SwotGrid, SwotItem } from '../../../tree/nodes.js';
import { BULLET_COMPACT } from '../numbering.js';
import { spacer } from '../ruled-table.js';
import type { Block, State } from '../state.js';
import { cell, distribute, fixedTable, gutters, row as tableRow } from '../table-kit.js';
import { xmlSafe } from '../text.js';
import { GREY, SIZE, SWOT } from '../theme.js';
import { runXml } from '../xml.js';
import { at } from '../../must.js';

type Quadrant = keyof typeof SWOT;

/**
 * 2×2 grid, each quadrant a muted tint with its heading inside; items are real bullets,
 * a derived item's source follows on its own line in smaller grey type.
 */
export function swotGrid(state: State, node: SwotGrid): Block[] {
  const widths = distribute([1, 1], state.frame.width - state.frame.indent);
  const instance = state.listInstance();
  state.numbering.add(BULLET_COMPACT);

  const item = (it: SwotItem): string =>
    state.paragraph(
      [
        state.run(it.text),
        ...(it.source ? [runXml({ text: xmlSafe(it.source), break: 1, size: SIZE.small, color: GREY.muted })] : []),
      ],
      { numbering: { reference: BULLET_COMPACT, level: 0, instance }, spacing: { after: 60 } },
    );

  const quadrant = (key: Quadrant, col: number) => {
    const items = node[key];
    const children = state.inCell(at(widths, col), { size: SIZE.table }, () => [
      state.paragraph([state.run(node.labels[key], { bold: true, color: SWOT[key].ink, size: SIZE.h3 })], { spacing: { after: 100 }, keepNext: true }),
      ...(items.length ? items.map(item) : [state.paragraph([state.run(node.labels.empty, { color: GREY.muted })])]),
    ]);
    return cell(children, { width: at(widths, col), fill: SWOT[key].fill, margins: { top: 140, bottom: 140, left: 170, right: 170 } });
  };

  const row = (a: Quadrant, b: Quadrant, keepNext: boolean) =>
    tableRow([quadrant(a, 0), quadrant(b, 1)], { cantSplit: true, keepNext, height: { value: 2000, rule: 'atLeast' } });

  return [
    fixedTable({
      widths,
      rows: [row('strengths', 'weaknesses', true), row('opportunities', 'threats', false)],
      borders: gutters(36),
      indent: state.frame.indent,
    }),
    spacer(),
  ];
}
