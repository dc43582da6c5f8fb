import type { BarChart } from '../../../tree/nodes.js';
import type { Block, State } from '../state.js';
import { cell, distribute, fixedTable, line, NO_BORDERS, NONE, row } from '../table-kit.js';
import { GREY, SIZE } from '../theme.js';
import { paragraphXml } from '../xml.js';
import { at } from '../../must.js';

/** Word needs a paragraph after a nested table; this one takes no visible room. */
const hairline = () => paragraphXml({ spacing: { before: 0, after: 0, line: 20, lineRule: 'exact' } });

/** Share of the bar area the longest bar takes; the rest keeps room for its value label. */
const MAX_BAR = 0.8;
const MIN_BAR = 60;

/**
 * A horizontal bar chart drawn with tables: a label column, then per bar a nested two-cell
 * table whose shaded first cell is as wide as the value, with the printed value (`display`)
 * right after the bar. The unit goes in a caption under the chart.
 */
export function barChart(state: State, node: BarChart): Block[] {
  const { brand } = state.theme;
  const widths = distribute([24, 76], state.frame.width - state.frame.indent);
  const area = at(widths, 1) - 85; // the bar cell's right padding
  const max = Math.max(0, ...node.bars.map((b) => (Number.isFinite(b.value) ? b.value : 0)));
  const out: Block[] = [];

  if (node.title) out.push(state.within({ list: undefined }, () => state.paragraph([state.run(node.title ?? '')], { style: 'Caption' })));

  const bar = (value: number, display: string) => {
    const share = max > 0 && Number.isFinite(value) && value > 0 ? value / max : 0;
    const filled = share > 0 ? Math.max(MIN_BAR, Math.round(area * MAX_BAR * share)) : 0;
    const label = state.inCell(area - filled, { size: SIZE.table }, () => [state.paragraph([state.run(display)])]);
    const cells = filled > 0 ? [cell([state.paragraph([])], { width: filled, fill: brand }), cell(label, { width: area - filled, middle: true, margins: { left: 60 } })] : [cell(label, { width: area })];
    return fixedTable({
      widths: filled > 0 ? [filled, area - filled] : [area],
      rows: [row(cells, { cantSplit: true })],
      borders: NO_BORDERS,
      margins: { top: 0, bottom: 0, left: 0, right: 0 },
    });
  };

  const rows = node.bars.map(
    (b, i) =>
      row(
        [
          cell(
            state.inCell(at(widths, 0), { size: SIZE.table, alignment: 'right' }, () => [state.paragraph([state.run(b.label)])]),
            { width: at(widths, 0), middle: true },
          ),
          cell([bar(b.value, b.display), hairline()], { width: at(widths, 1), middle: true, borders: { left: line(8, GREY.muted) }, margins: { top: 40, bottom: 40, left: 0, right: 85 } }),
        ],
        { cantSplit: true, keepNext: i < node.bars.length - 1 },
      ),
  );
  out.push(fixedTable({ widths, rows, borders: { ...NO_BORDERS, insideHorizontal: NONE }, indent: state.frame.indent }));

  const unit = /^(单位|unit)/i.test(node.unit.trim()) ? node.unit.trim() : `${state.meta.locale === 'zh-CN' ? '单位：' : 'Unit: '}${node.unit}`;
  if (node.unit.trim()) out.push(state.within({ list: undefined }, () => state.paragraph([state.run(unit)], { style: 'Note' })));
  return out;
}
