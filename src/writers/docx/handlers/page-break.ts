import { PageBreak, Paragraph } from 'docx';
import type { Block } from '../state.js';

/** The break sits in a hairline paragraph so the next page does not start with an empty line. */
export function pageBreak(): Block[] {
  return [new Paragraph({ spacing: { before: 0, after: 0, line: 20, lineRule: 'exact' }, children: [new PageBreak()] })];
}
