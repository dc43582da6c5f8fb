import { BULLET_COMPACT } from '../numbering.js';
import type { NeedTree } from '../../../tree/nodes.js';
import { spacer } from '../ruled-table.js';
import type { Block, State } from '../state.js';
import { cell, distribute, fixedTable, line, NO_BORDERS, row, unbreakableTwips } from '../table-kit.js';
import { GREY, SIZE, tint } from '../theme.js';
import { at } from '../../must.js';

/** Goal | → | problem | → | solution | → | products | → | criteria, as weights of the text width. */
// Products wide enough for a bracketed model number on one line (issue 9).
const WEIGHTS = [16, 3, 17, 3, 17, 3, 21, 3, 17];

/**
 * A tree read left to right: the goal box spans every problem row (vertical merge), each
 * problem leads through "→" to its solution, the products that deliver it and the purchase
 * criteria they must meet. Boxes are shaded cells kept apart by the table's white inner rules.
 */
export function needTree(state: State, node: NeedTree): Block[] {
  const { brand } = state.theme;
  const widths = distribute(WEIGHTS, state.frame.width - state.frame.indent);
  // A product code wider than its column (SPI-3D-HX-ULTRA-2400) widens it, up to 30 % of the
  // tree, taking the room from the problem, solution and criteria columns.
  const widest = Math.max(0, ...node.problems.flatMap((p) => p.products.map((t) => unbreakableTwips(t, SIZE.table)))) + 170 + 240;
  const extra = Math.min(Math.max(0, widest - at(widths, 6)), Math.round((state.frame.width - state.frame.indent) * 0.3) - at(widths, 6));
  if (extra > 0) {
    const third = Math.floor(extra / 3);
    widths[6] = at(widths, 6) + extra;
    widths[2] = at(widths, 2) - third;
    widths[4] = at(widths, 4) - third;
    widths[8] = at(widths, 8) - (extra - 2 * third);
  }
  const fills = { problem: tint(brand, 0.78), solution: tint(brand, 0.86), products: tint(brand, 0.92), criteria: GREY.band };

  const lines = (col: number, items: string[], opts: { bold?: boolean; color?: string; center?: boolean } = {}): string[] =>
    state.inCell(at(widths, col), { size: SIZE.table, bold: opts.bold, color: opts.color, alignment: opts.center ? 'center' : undefined }, () =>
      (items.length ? items : ['—']).map((item) => state.paragraph([state.run(item)])),
    );
  /** Several products/criteria are real (compact) bullets, so wrapped lines hang. */
  const instance = state.listInstance();
  const list = (col: number, items: string[]): string[] => {
    if (items.length < 2) return lines(col, items);
    state.numbering.add(BULLET_COMPACT);
    return state.inCell(at(widths, col), { size: SIZE.table }, () =>
      items.map((item) => state.paragraph([state.run(item)], { numbering: { reference: BULLET_COMPACT, level: 0, instance } })),
    );
  };
  const box = (col: number, paragraphs: string[], fill: string) => cell(paragraphs, { width: at(widths, col), fill, middle: true });
  const arrow = (col: number) =>
    cell(
      state.inCell(at(widths, col), { size: 24, color: GREY.muted, alignment: 'center' }, () => [state.paragraph([state.run('→')])]),
      { width: at(widths, col), middle: true, margins: { left: 0, right: 0 } },
    );

  const labels = [node.labels.goal, '', node.labels.problem, '', node.labels.solution, '', node.labels.products, '', node.labels.criteria];
  const header = row(
    labels.map((label, col) =>
      cell(
        state.inCell(at(widths, col), { size: SIZE.small, bold: true, color: GREY.muted, alignment: 'center' }, () => [state.paragraph(label ? [state.run(label)] : [])]),
        { width: at(widths, col), borders: { bottom: line(6, GREY.rule) } },
      ),
    ),
    { tableHeader: true, cantSplit: true, keepNext: true },
  );

  const problems = node.problems.length ? node.problems : [{ problem: '', solution: '', products: [], criteria: [] }];
  const rows = problems.map((p, i) => {
    const children = [
      arrow(1),
      box(2, lines(2, [p.problem], { bold: true }), fills.problem),
      arrow(3),
      box(4, lines(4, [p.solution]), fills.solution),
      arrow(5),
      box(6, list(6, p.products), fills.products),
      arrow(7),
      box(8, list(8, p.criteria), fills.criteria),
    ];
    if (i === 0) {
      const goal = cell(lines(0, [node.goal], { bold: true, color: 'FFFFFF', center: true }), {
        width: at(widths, 0),
        fill: brand,
        rowSpan: problems.length,
        middle: true,
      });
      children.unshift(goal);
    }
    // The tree stays on one page when it fits (issue 9): every row keeps with the next.
    return row(children, { cantSplit: true, keepNext: i < problems.length - 1 });
  });

  return [
    fixedTable({ widths, rows: [header, ...rows], borders: { ...NO_BORDERS, insideHorizontal: line(24, 'FFFFFF') }, indent: state.frame.indent }),
    spacer(),
  ];
}
