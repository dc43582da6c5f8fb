import type { Attitude, Level, PeopleMap } from '../../../tree/nodes.js';
import type { Block, State } from '../state.js';
import { cell, distribute, fixedTable, gutters, line, row } from '../table-kit.js';
import { ATTITUDE_FILL, GREY, GUIDE_INK, SIZE } from '../theme.js';
import { at } from '../../must.js';

const LEVELS: Level[] = ['high', 'medium', 'low'];
const ATTITUDES: Attitude[] = ['opponent', 'neutral', 'supporter'];

/**
 * Influence (rows, high → low) × attitude (columns, opponent → supporter). The corner cell
 * carries both axis labels split by a diagonal; cells are tinted reddish → greenish; a ★
 * marks the guide, explained in the legend line under the grid.
 */
export function peopleMap(state: State, node: PeopleMap): Block[] {
  const widths = distribute([16, 28, 28, 28], state.frame.width - state.frame.indent);
  const { labels } = node;

  const person = (p: PeopleMap['people'][number]): string =>
    state.paragraph(
      [
        ...(p.guide ? [state.run('★ ', { color: GUIDE_INK, bold: true })] : []),
        state.run(p.name, { bold: true }),
        ...(p.caption ? [state.run(` — ${p.caption}`, { color: '4B5563' })] : []),
      ],
      { spacing: { after: 60 } },
    );

  const corner = cell(
    state.inCell(at(widths, 0), { size: SIZE.small, color: GREY.muted }, () => [
      state.paragraph([state.run(`${labels.attitude} →`)], { alignment: 'right' }),
      state.paragraph([state.run(`${labels.influence} ↑`)], { alignment: 'left' }),
    ]),
    { width: at(widths, 0), borders: { diagonalDown: line(4, GREY.rule) } },
  );
  const header = row(
    [
      corner,
      ...ATTITUDES.map((a, i) =>
        cell(
          state.inCell(at(widths, i + 1), { size: SIZE.table, bold: true, alignment: 'center' }, () => [state.paragraph([state.run(labels.attitudes[a])])]),
          { width: at(widths, i + 1), middle: true, fill: ATTITUDE_FILL[a] },
        ),
      ),
    ],
    { tableHeader: true, cantSplit: true, keepNext: true },
  );

  const rows = LEVELS.map(
    (level, r) =>
      row(
        [
          cell(
            state.inCell(at(widths, 0), { size: SIZE.table, bold: true, alignment: 'center' }, () => [state.paragraph([state.run(labels.levels[level])])]),
            { width: at(widths, 0), middle: true, fill: GREY.band },
          ),
          ...ATTITUDES.map((attitude, i) => {
            const here = node.people.filter((p) => p.influence === level && p.attitude === attitude);
            return cell(
              state.inCell(at(widths, i + 1), { size: SIZE.table }, () => (here.length ? here.map(person) : [state.paragraph([])])),
              { width: at(widths, i + 1), fill: ATTITUDE_FILL[attitude], margins: { top: 100, bottom: 100, left: 140, right: 140 } },
            );
          }),
        ],
        { cantSplit: true, keepNext: r < LEVELS.length - 1, height: { value: 1300, rule: 'atLeast' } },
      ),
  );

  const legend = state.within({ list: undefined }, () =>
    state.paragraph([state.run('★ ', { color: GUIDE_INK, bold: true }), state.run(labels.guide)], { style: 'Note', spacing: { before: 80 } }),
  );
  return [fixedTable({ widths, rows: [header, ...rows], borders: gutters(24), indent: state.frame.indent }), legend];
}
