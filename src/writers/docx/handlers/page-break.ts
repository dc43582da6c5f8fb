import type { Block } from '../state.js';
import { paragraphXml } from '../xml.js';

/** The break sits in a hairline paragraph so the next page does not start with an empty line. */
export function pageBreak(): Block[] {
  return [paragraphXml({ spacing: { before: 0, after: 0, line: 20, lineRule: 'exact' } }, ['<w:r><w:br w:type="page"/></w:r>'])];
}
