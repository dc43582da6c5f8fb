import type { PhrasingContent, Table } from 'mdast';
import type { Block, State } from '../state.js';
import { ruledTable, spacer } from '../ruled-table.js';
import { demandWeight, textDemand } from '../../column-widths.js';
import { SIZE } from '../theme.js';

const plain = (nodes: readonly PhrasingContent[]): string =>
  nodes.map((n) => ('value' in n ? n.value : 'children' in n ? plain(n.children) : '')).join('');

/** GFM table: the ruled data-table look, column widths from content length (the PDF's rule, ../../column-widths.ts), alignment from the delimiter row. */
export function table(state: State, node: Table): Block[] {
  const [head, ...body] = node.children;
  if (!head) return [];
  const columns = Math.max(1, ...node.children.map((row) => row.children.length));
  const weights = Array.from({ length: columns }, (_, c) => demandWeight(Math.max(0, ...node.children.map((row) => textDemand(plain(row.children[c]?.children ?? []))))));
  const cells = (row: (typeof node.children)[number]) =>
    Array.from({ length: columns }, (_, c) => () => state.inlines(row.children[c]?.children ?? []));
  const t = ruledTable(state, {
    weights,
    width: state.frame.width - state.frame.indent,
    text: {
      header: Array.from({ length: columns }, (_, c) => plain(head.children[c]?.children ?? [])),
      rows: body.map((row) => Array.from({ length: columns }, (_, c) => plain(row.children[c]?.children ?? []))),
    },
    align: Array.from({ length: columns }, (_, c) => node.align?.[c] ?? undefined),
    size: SIZE.table,
    header: cells(head),
    rows: body.map((row) => ({ cells: cells(row) })),
  });
  return [t, spacer()];
}
