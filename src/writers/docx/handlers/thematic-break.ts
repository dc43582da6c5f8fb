import type { Block, State } from '../state.js';
import { line } from '../table-kit.js';
import { GREY } from '../theme.js';
import { paragraphXml } from '../xml.js';

export function thematicBreak(state: State): Block[] {
  return [
    paragraphXml({
      indent: state.frame.indent ? { left: state.frame.indent } : undefined,
      spacing: { before: 120, after: 240, line: 120, lineRule: 'exact' },
      border: { bottom: { ...line(6, GREY.rule), space: 1 } },
    }),
  ];
}
