import type { DataTable } from '../../../tree/nodes.js';
import { plain } from '../layout.js';
import type { Handler } from '../state.js';
import { drawTable } from '../table-engine.js';

/** Values are data, never Markdown: every cell prints literally. */
export const dataTable: Handler<DataTable> = (state, node) =>
  drawTable(state, {
    columns: node.columns.map((c) => ({ align: c.align ?? 'left', weight: c.width ?? 1 })),
    header: node.columns.map((c) => plain(c.label)),
    rows: node.rows.map((row) => ({
      // A group band shows one label: the first cell, or whatever cells were filled.
      cells: row.kind === 'group' ? [plain(row.cells.filter((c) => c.trim()).join('  '))] : row.cells.map((cell) => plain(cell)),
      kind: row.kind ?? 'normal',
    })),
    caption: node.caption,
    dense: node.dense,
  });
