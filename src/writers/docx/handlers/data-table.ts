import type { DataTable } from '../../../tree/nodes.js';
import { ruledTable, spacer } from '../ruled-table.js';
import type { Block, State } from '../state.js';
import { SIZE } from '../theme.js';

/** Literal values in the ruled table; widths are the columns' weights as shares of the text width. */
export function dataTable(state: State, node: DataTable): Block[] {
  if (node.columns.length === 0) return [];
  const text = (value: string | undefined) => () => [state.run(value ?? '')];
  const out: Block[] = [];
  if (node.caption) {
    out.push(state.within({ list: undefined }, () => state.paragraph([state.run(node.caption ?? '')], { style: 'Caption' })));
  }
  out.push(
    ruledTable(state, {
      weights: node.columns.map((c) => c.width ?? 1),
      width: state.frame.width - state.frame.indent,
      text: { header: node.columns.map((c) => c.label), rows: node.rows.map((r) => node.columns.map((_, i) => r.cells[i] ?? '')) },
      align: node.columns.map((c) => c.align),
      size: node.dense ? SIZE.dense : SIZE.table,
      header: node.columns.map((c) => text(c.label)),
      rows: node.rows.map((row) => ({ kind: row.kind, cells: node.columns.map((_, i) => text(row.cells[i])) })),
    }),
    spacer(),
  );
  return out;
}
