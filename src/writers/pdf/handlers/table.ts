import type { Table, TableCell } from 'mdast';
import type { Run } from '../layout.js';
import type { Handler } from '../state.js';
import { drawTable } from '../table-engine.js';
import { demandWeight, textDemand } from '../../column-widths.js';

/** Width demand of a cell (column-widths.ts, the rule both writers use). */
const demand = (runs: Run[]): number => runs.reduce((n, r) => n + textDemand(r.text), 0);

/** GFM tables go through the same engine as data tables; cells keep their inline styling. */
export const table: Handler<Table> = (state, node) => {
  const [head, ...body] = node.children;
  if (!head) return;
  const n = Math.max(...node.children.map((row) => row.children.length));
  const cells = (cellsOfRow: TableCell[]): Run[][] => Array.from({ length: n }, (_, i) => (cellsOfRow[i] ? state.collect(cellsOfRow[i].children) : []));
  const header = cells(head.children);
  const rows = body.map((row) => ({ cells: cells(row.children), kind: 'normal' as const }));
  const weights = Array.from({ length: n }, (_, i) => demandWeight(Math.max(0, ...[header, ...rows.map((r) => r.cells)].map((c) => demand(c[i] ?? [])))));
  drawTable(state, {
    columns: weights.map((weight, i) => ({ align: node.align?.[i] ?? 'left', weight })),
    header,
    rows,
  });
};
