/** Reading a composed report tree the way a reader reads the printed tables. */
import type { Root, RootContent } from 'mdast';
import { Decimal, sum } from '../../src/domain/money.js';
import type { BarChart, Callout, DataTable } from '../../src/tree/nodes.js';

export function dataTables(tree: Root): DataTable[] {
  return tree.children.filter((n): n is DataTable => n.type === 'dataTable');
}

export function tableWithHeader(tree: Root, label: string): DataTable {
  const t = dataTables(tree).find((x) => x.columns.some((c) => c.label === label));
  if (!t) throw new Error(`no table with a column "${label}"`);
  return t;
}

export function barCharts(tree: Root): BarChart[] {
  return tree.children.filter((n): n is BarChart => n.type === 'barChart');
}

export function callouts(tree: Root): Callout[] {
  return tree.children.filter((n): n is Callout => n.type === 'callout');
}

/** Plain text of any node (text values joined, custom node strings included). */
export function textOf(node: Root | RootContent): string {
  if (node.type === 'dataTable') return [node.columns.map((c) => c.label).join(' | '), ...node.rows.map((r) => r.cells.join(' | '))].join('\n');
  if (node.type === 'callout') return [...(node.title ? [node.title] : []), ...node.children.map(textOf)].join('\n');
  if (node.type === 'barChart') return node.bars.map((b) => `${b.label} ${b.display}`).join('\n');
  if ('value' in node && typeof node.value === 'string') return node.value;
  if ('children' in node) return (node.children as RootContent[]).map(textOf).join(node.type === 'root' ? '\n' : '');
  return '';
}

/** "1,234.50" → 1234.50, "(5.00)" → −5.00, "17.1%" → 17.1, "9" → 9; undefined for other text. */
export function parseFigure(cell: string): Decimal | undefined {
  const m = /^(\()?(-?[\d,]+(?:\.\d+)?)(\))?%?$/.exec(cell.trim());
  if (!m || Boolean(m[1]) !== Boolean(m[3])) return undefined;
  const d = new Decimal(m[2].replace(/,/g, ''));
  return m[1] ? d.neg() : d;
}

/**
 * Every subtotal row = Σ normal rows since the previous subtotal; every total row = Σ subtotals
 * plus Σ normal rows not under a subtotal — for every numeric column, from the printed strings.
 * Returns how many cells were checked.
 */
export function assertFoots(table: DataTable): number {
  let pending: string[][] = [];
  let subs: string[][] = [];
  let checked = 0;
  const check = (row: string[], above: string[][], what: string) => {
    row.forEach((cell, i) => {
      const value = parseFigure(cell);
      if (value === undefined) return;
      // Amounts are positive under 减/Less labels (one sign convention): the label gives the direction.
      const figures = above.map((r) => (parseFigure(r[i]) ?? new Decimal(0)).times(/^(减|Less)/.test(r[0]) ? -1 : 1));
      const expected = sum(figures);
      if (!expected.eq(value)) throw new Error(`${what} "${row[0]}" column "${table.columns[i].label}": printed ${cell}, rows above sum to ${expected.toFixed()}`);
      checked += 1;
    });
  };
  for (const row of table.rows) {
    const kind = row.kind ?? 'normal';
    if (kind === 'group') continue;
    if (kind === 'normal') pending.push(row.cells);
    if (kind === 'subtotal') {
      check(row.cells, pending, 'subtotal');
      subs.push(row.cells);
      pending = [];
    }
    if (kind === 'total') {
      check(row.cells, [...subs, ...pending], 'total');
      pending = [];
      subs = [];
    }
  }
  return checked;
}
